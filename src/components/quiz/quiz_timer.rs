use leptos::prelude::*;

use crate::i18n::{tf, Msg};
use crate::logic::quiz::Response;
use crate::state::lang;
use crate::state::quiz::use_quiz;

/// The optional countdown. Text only, no animation; `role="timer"` keeps screen readers from reading every
/// second. When it reaches zero the question counts as unanswered (once: the session ignores late answers).
#[component]
pub fn QuizTimer(seconds: u32, answered: Signal<bool>) -> impl IntoView {
    let quiz = use_quiz();
    let left = RwSignal::new(seconds);
    // Timer callbacks run outside the component tree; the owner gives them its context (language, app state).
    let owner = Owner::current().expect("components run inside an owner");
    let handle = set_interval_with_handle(
        move || {
            owner.with(|| {
                if answered.get_untracked() {
                    return;
                }
                let now = left.get_untracked().saturating_sub(1);
                left.set(now);
                if now == 0 {
                    quiz.answer(Response::TimedOut, crate::components::quiz::answer_text::announcement);
                    crate::components::quiz::quiz_feedback::reveal();
                }
            })
        },
        std::time::Duration::from_secs(1),
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
    view! {
        <p class="quiz-timer" role="timer" class:quiz-timer--low=move || left.get() <= 5>
            {move || tf(lang(), Msg::QuizTimeLeft, &[("seconds", &left.get().to_string())])}
        </p>
    }
}
