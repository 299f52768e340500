use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::icon::{icon, IconKind};
use crate::components::quiz::answer_text::{announcement, order_item};
use crate::components::quiz::quiz_feedback::reveal;
use crate::data::model::Question;
use crate::i18n::{tf, Msg};
use crate::logic::quiz::marking::solution;
use crate::logic::quiz::{Mark, Response};
use crate::platform::document;
use crate::state::quiz::use_quiz;
use crate::state::{lang, tr};

/// Put events in order: drag by the grip (mouse or finger), or use the up/down buttons (keyboard, switch
/// access, or anyone who finds dragging fiddly). Both edit the same list; "Check my answer" submits it.
#[component]
pub fn OrderAnswer(question: &'static Question, answered: Memo<Option<(Response, Mark)>>) -> impl IntoView {
    let quiz = use_quiz();
    let start = answered.with_untracked(|a| match a {
        Some((Response::Order(o), _)) => o.clone(),
        _ => quiz
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.starting_order(question)).unwrap_or_default()),
    });
    let order = RwSignal::new(start);
    let total = order.with_untracked(Vec::len);
    let right = solution(question);
    let done = move || answered.with(Option::is_some);
    // The slot of the item being dragged, while a drag is on.
    let dragging = RwSignal::new(None::<usize>);

    let move_item = move |from: usize, to: usize, refocus: Option<&'static str>| {
        if done() || from == to || to >= total {
            return;
        }
        let mut item = 0;
        order.update(|o| {
            item = o.remove(from);
            o.insert(to, item);
        });
        quiz.announcement.set(tf(
            lang(),
            Msg::QuizMovedTo,
            &[
                ("item", order_item(question, item)),
                ("n", &(to + 1).to_string()),
                ("total", &total.to_string()),
            ],
        ));
        // The list re-renders in the new order; keep focus on the button that was pressed.
        if let Some(which) = refocus {
            let id = format!("order-{which}-{item}");
            request_animation_frame(move || document::focus_quietly(&id));
        }
    };

    // The pointer is captured by the list, which is never re-rendered, so the drag survives the rows being
    // redrawn in their new order under the finger.
    let list = NodeRef::<leptos::html::Ol>::new();
    let on_down = move |ev: PointerEvent, slot: usize| {
        if done() {
            return;
        }
        ev.prevent_default();
        if let Some(el) = list.get_untracked() {
            let el: &web_sys::Element = el.unchecked_ref();
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        dragging.set(Some(slot));
    };
    let on_move = move |ev: PointerEvent| {
        let Some(from) = dragging.get_untracked() else { return };
        if let Some(to) = document::data_index_at(f64::from(ev.client_x()), f64::from(ev.client_y())) {
            if to != from {
                move_item(from, to, None);
                dragging.set(Some(to));
            }
        }
    };
    let on_up = move |_: PointerEvent| dragging.set(None);

    let rows = move || {
        order
            .get()
            .into_iter()
            .enumerate()
            .map(|(slot, item)| {
                let title = order_item(question, item);
                let in_place = right.get(slot) == Some(&item);
                let class = move || {
                    let mut c = String::from("quiz-order__item");
                    if dragging.get() == Some(slot) {
                        c.push_str(" is-dragging");
                    }
                    if done() {
                        c.push_str(if in_place { " is-right" } else { " is-wrong" });
                    }
                    c
                };
                let mark = move || {
                    done().then(|| {
                        let (kind, msg) = if in_place {
                            (IconKind::Check, Msg::QuizRight)
                        } else {
                            (IconKind::Cross, Msg::QuizWrong)
                        };
                        view! { <span class="quiz-order__mark">{icon(kind)}<span class="visually-hidden">{tr(msg)}</span></span> }
                    })
                };
                let up = tf(lang(), Msg::QuizMoveUp, &[("item", title)]);
                let down = tf(lang(), Msg::QuizMoveDown, &[("item", title)]);
                view! {
                    <li class=class data-index=slot.to_string()>
                        <span class="quiz-order__grip" aria-hidden="true"
                            on:pointerdown=move |ev| on_down(ev, slot)>
                            {icon(IconKind::Grip)}
                        </span>
                        <span class="quiz-order__text">{title}</span>
                        {mark}
                        <span class="quiz-order__moves">
                            <button type="button" class="quiz-order__move" id=format!("order-up-{item}")
                                aria-label=up aria-disabled=move || (done() || slot == 0).then_some("true")
                                on:click=move |_| {
                                    if slot > 0 {
                                        move_item(slot, slot - 1, Some("up"))
                                    }
                                }>
                                {icon(IconKind::Up)}
                            </button>
                            <button type="button" class="quiz-order__move" id=format!("order-down-{item}")
                                aria-label=down
                                aria-disabled=move || (done() || slot + 1 == total).then_some("true")
                                on:click=move |_| move_item(slot, slot + 1, Some("down"))>
                                {icon(IconKind::Down)}
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let check = move |_| {
        quiz.answer(Response::Order(order.get_untracked()), announcement);
        reveal();
    };
    view! {
        <div class="quiz-order">
            <p class="quiz-order__help" id="quiz-order-help">{tr(Msg::QuizOrderHelp)}</p>
            <ol class="quiz-order__list" aria-describedby="quiz-order-help" node_ref=list
                on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>{rows}</ol>
            <Show when=move || !done()>
                <button type="button" class="button button--primary quiz-check" on:click=check>
                    {tr(Msg::QuizCheck)}
                </button>
            </Show>
        </div>
    }
}
