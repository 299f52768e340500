use leptos::{
    ev::{KeyboardEvent, MouseEvent},
    html::{button, li, span},
    prelude::*,
};
use wasm_bindgen::JsCast;

use crate::components::event_detail::EventDetail;
use crate::components::theme_chip::theme_chip;
use crate::data::EVENTS;
use crate::i18n::{format_date, Msg};
use crate::logic::timeline::{key_target, ERAS};
use crate::platform::document;
use crate::state::{lang, tr, use_app};

/// The timeline as an ordered list, grouped by era: what phones show and what screen readers hear. Each event
/// is a button that opens its details in place; arrow keys, Home and End move between events, Escape closes.
#[component]
pub fn EventList(#[prop(into)] shown: Signal<Vec<usize>>) -> impl IntoView {
    let app = use_app();
    // With delegated events `current_target` is the document, so the container comes from a node ref.
    let container = NodeRef::<leptos::html::Div>::new();
    let on_key = move |ev: KeyboardEvent| {
        let Some(list) = container.get_untracked() else { return };
        if ev.key() == "Escape" {
            if let Some(open) = app.url.with_untracked(|u| u.event.clone()) {
                ev.prevent_default();
                app.open_event(None);
                document::focus_event_row(&open);
            }
            return;
        }
        let Some(current) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|el| el.class_list().contains("event-row"))
        else {
            return;
        };
        let rows = list.query_selector_all(".event-row").ok();
        let len = rows.as_ref().map_or(0, |r| r.length() as usize);
        let index = (0..len).find(|&i| {
            rows.as_ref()
                .and_then(|r| r.item(i as u32))
                .is_some_and(|n| n.is_same_node(Some(&current)))
        });
        if let Some(next) = index.and_then(|i| key_target(&ev.key(), i, len)) {
            ev.prevent_default();
            let row = rows
                .and_then(|r| r.item(next as u32))
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(row) = row {
                let _ = row.focus();
            }
        }
    };
    // The open event as a `'static` id, so rows compare it without touching the URL.
    let open = Memo::new(move |_| {
        app.url
            .with(|u| EVENTS.iter().find(|e| u.event.as_deref() == Some(e.id)).map(|e| e.id))
    });
    // One click handler for every row, on the container: 38 closures fewer to create while rendering.
    let on_click = move |ev: MouseEvent| {
        let Some(id) = document::closest_data(ev.target(), ".event-row", "data-event") else {
            return;
        };
        let Some(e) = EVENTS.iter().find(|e| e.id == id) else {
            return;
        };
        if open.get_untracked() == Some(e.id) {
            app.open_event(None);
            document::focus_event_row(e.id);
        } else {
            app.open_event(Some(e.id));
            request_animation_frame(document::reveal_open_event);
        }
    };
    // The list is rebuilt when the filter or the open event changes. Opening an event is a click, with time
    // to spare; switching to the timeline is what has a one-frame budget, and a fixed list renders faster than
    // one with a reactive details slot in every row (38 fewer effects and placeholders).
    let groups = move || {
        let shown = shown.get();
        let open = open.get();
        ERAS.iter()
            .filter_map(|era| {
                let items: Vec<usize> = shown
                    .iter()
                    .copied()
                    .filter(|&i| (era.start..era.end).contains(&EVENTS[i].date.year))
                    .collect();
                (!items.is_empty()).then(|| {
                    let heading = format!("era-{}", era.start);
                    let labelled_by = heading.clone();
                    let years = format!("{}–{}", era.start, era.end - 1);
                    let count = items.len().to_string();
                    view! {
                        <section class="era" aria-labelledby=labelled_by style:--era-events=count>
                            <h2 class="era__title" id=heading>
                                {tr(era.label)}
                                <span class="era__years">{years}</span>
                            </h2>
                            <ol class="event-list">
                                {items.into_iter().map(|i| event_row(i, open)).collect_view()}
                            </ol>
                        </section>
                    }
                })
            })
            .collect_view()
    };
    view! {
        <div class="events" role="group" aria-label=tr(Msg::EventListLabel) node_ref=container on:keydown=on_key
            on:click=on_click>
            <p class="era-note">{tr(Msg::EraNote)}</p>
            {groups}
        </div>
    }
}

/// One event, with its details when it is the open one. Plain function rather than a component, and written
/// with the builder API rather than `view!`: with `erase_components` every `view!` element also creates a
/// placeholder comment for its children, which was over half of the timeline's DOM nodes (445 comments for
/// 298 elements, measured). Clicks are handled once, by the list (`data-event` names the row's event).
fn event_row(index: usize, open: Option<&'static str>) -> AnyView {
    let e = &EVENTS[index];
    let is_open = open == Some(e.id);
    let row = button()
        .r#type("button")
        .class("event-row")
        .id(format!("event-{}", e.id))
        .attr("data-event", e.id)
        .aria_expanded(if is_open { "true" } else { "false" })
        // Only the open row controls something that exists.
        .aria_controls(is_open.then(|| format!("event-detail-{}", e.id)))
        .child((
            span().class("event-row__date").child(format_date(lang(), &e.date)),
            span().class("event-row__title").child(e.title.get()),
            theme_chip(e.theme),
        ));
    if is_open {
        li().class("event")
            .child((row, view! { <EventDetail event=e /> }))
            .into_any()
    } else {
        li().class("event").child(row).into_any()
    }
}
