use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::components::quiz::answer_text::announcement;
use crate::components::quiz::quiz_feedback::reveal;
use crate::i18n::Msg;
use crate::logic::quiz::{Mark, Response};
use crate::state::quiz::use_quiz;
use crate::state::tr;

/// Full-width answer buttons: one tap answers (single choice, fact or fiction, spot the error). Once answered
/// they stay in place, marked with icon and words (never colour alone), so nothing jumps.
#[component]
pub fn ChoiceAnswers(
    choices: Vec<(String, Response)>,
    right: Response,
    answered: Memo<Option<(Response, Mark)>>,
) -> impl IntoView {
    let quiz = use_quiz();
    let buttons = choices
        .into_iter()
        .enumerate()
        .map(|(i, (label, response))| {
            let is_right = response == right;
            let this = response.clone();
            let chosen = Memo::new(move |_| answered.with(|a| a.as_ref().is_some_and(|(r, _)| *r == this)));
            let done = move || answered.with(Option::is_some);
            let state = move || match (done(), is_right, chosen.get()) {
                (false, _, _) => "quiz-option",
                (true, true, _) => "quiz-option is-right",
                (true, false, true) => "quiz-option is-wrong",
                (true, false, false) => "quiz-option is-other",
            };
            let tag = move || {
                if !done() {
                    None
                } else if is_right {
                    Some((IconKind::Check, Msg::QuizRightAnswer))
                } else if chosen.get() {
                    Some((IconKind::Cross, Msg::QuizYourAnswer))
                } else {
                    None
                }
            };
            let choose = move |_| {
                quiz.answer(response.clone(), announcement);
                reveal();
            };
            let letter = char::from(b'A' + i as u8).to_string();
            view! {
                <li>
                    <button type="button" class=state aria-disabled=move || done().then_some("true")
                        on:click=choose>
                        <span class="quiz-option__letter" aria-hidden="true">{letter}</span>
                        <span class="quiz-option__text">{label}</span>
                        {move || tag().map(|(kind, msg)| view! {
                            <span class="quiz-option__tag">{icon(kind)}{tr(msg)}</span>
                        })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="quiz-options" role="list" aria-label=tr(Msg::QuizAnswerGroup)>{buttons}</ul>
    }
}
