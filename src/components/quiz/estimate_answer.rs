use leptos::prelude::*;

use crate::components::quiz::answer_text::{announcement, estimate_text};
use crate::components::quiz::quiz_feedback::reveal;
use crate::i18n::{tf, Msg};
use crate::logic::number::short;
use crate::logic::quiz::response::{parse_estimate, EstimateError};
use crate::logic::quiz::{Mark, Response};
use crate::state::quiz::use_quiz;
use crate::state::{lang, tr};

/// A slider for thumbs and a text field for exact numbers, kept in step. The field is plain text (not
/// `type=number`) so what a student types is checked by our parser and explained, not silently dropped.
#[component]
pub fn EstimateAnswer(
    min: f64,
    max: f64,
    step: f64,
    unit: &'static str,
    answered: Memo<Option<(Response, Mark)>>,
) -> impl IntoView {
    let quiz = use_quiz();
    let start = answered.with_untracked(|a| match a {
        Some((Response::Estimate(v), _)) => short(*v, 6),
        _ => String::new(),
    });
    let text = RwSignal::new(start);
    let error = RwSignal::new(None::<EstimateError>);
    let done = move || answered.with(Option::is_some);
    let slider_value = move || {
        let value = text.with(|t| parse_estimate(t, min, max)).unwrap_or((min + max) / 2.0);
        // Six decimals, as a saved answer keeps (`Response::encode`), and no float formatting (`logic::number`).
        short(value, 6)
    };
    let range = move |msg| {
        tf(
            lang(),
            msg,
            &[("min", &estimate_text(min, unit)), ("max", &estimate_text(max, unit))],
        )
    };
    let error_text = move || {
        error.get().map(|e| match e {
            EstimateError::NotANumber => tf(
                lang(),
                Msg::QuizEstimateNotANumber,
                &[("example", &estimate_text(((min + max) / 2.0).round(), ""))],
            ),
            EstimateError::OutOfRange => range(Msg::QuizEstimateOutOfRange),
        })
    };
    let check = move || {
        if done() {
            return;
        }
        match text.with_untracked(|t| parse_estimate(t, min, max)) {
            Ok(v) => {
                error.set(None);
                quiz.answer(Response::Estimate(v), announcement);
                reveal();
            }
            Err(e) => {
                error.set(Some(e));
                crate::platform::document::focus_quietly("quiz-estimate-input");
            }
        }
    };
    let label = tf(lang(), Msg::QuizEstimateLabel, &[("unit", unit)]);
    view! {
        <div class="quiz-estimate">
            <label class="quiz-estimate__label" for="quiz-estimate-input">{label}</label>
            <p class="quiz-estimate__hint" id="quiz-estimate-hint">{range(Msg::QuizEstimateRange)}</p>
            <div class="quiz-estimate__row">
                <input id="quiz-estimate-input" class="quiz-estimate__input" type="text" inputmode="decimal"
                    autocomplete="off" maxlength="24"
                    aria-describedby="quiz-estimate-hint quiz-estimate-error"
                    aria-invalid=move || error.get().is_some().then_some("true")
                    readonly=done
                    prop:value=move || text.get()
                    on:input=move |ev| { text.set(event_target_value(&ev)); error.set(None); }
                    on:keydown=move |ev| if ev.key() == "Enter" { check() } />
                <span class="quiz-estimate__unit" aria-hidden="true">{unit}</span>
            </div>
            // Numbers as text written by `short`: an `f64` attribute would bring Rust's float formatting into
            // the quiz's part (issue 17).
            <input class="quiz-estimate__slider" type="range" min=short(min, 6) max=short(max, 6) step=short(step, 6)
                aria-label=tr(Msg::QuizEstimateSlider)
                disabled=done
                prop:value=slider_value
                on:input=move |ev| { text.set(event_target_value(&ev)); error.set(None); } />
            <p class="quiz-estimate__error" id="quiz-estimate-error">{error_text}</p>
            <Show when=move || !done()>
                <button type="button" class="button button--primary quiz-check" on:click=move |_| check()>
                    {tr(Msg::QuizCheck)}
                </button>
            </Show>
        </div>
    }
}
