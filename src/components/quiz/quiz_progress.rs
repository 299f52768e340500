use leptos::prelude::*;

use crate::i18n::{tf, Msg};
use crate::state::quiz::use_quiz;
use crate::state::{lang, tr};

/// "Question n of N", a bar, the score and the current streak: always in view above the question.
#[component]
pub fn QuizProgress(index: usize) -> impl IntoView {
    let quiz = use_quiz();
    let total = quiz.session.with_untracked(|s| s.as_ref().map_or(0, |s| s.len()));
    let stats = move || {
        quiz.session
            .with(|s| s.as_ref().map_or((0, 0), |s| (s.score(), s.streak())))
    };
    let percent = (index * 100).checked_div(total).unwrap_or(0);
    view! {
        <div class="quiz-progress">
            <p class="quiz-progress__count">
                {tf(lang(), Msg::QuizProgress, &[("n", &(index + 1).to_string()), ("total", &total.to_string())])}
            </p>
            <p class="quiz-progress__stats">
                <span>{tr(Msg::QuizScoreLabel)} " " <strong>{move || stats().0}</strong></span>
                <span>{tr(Msg::QuizStreakLabel)} " " <strong>{move || stats().1}</strong></span>
            </p>
            <div class="quiz-progress__bar" aria-hidden="true">
                <div class="quiz-progress__fill" style:width=format!("{percent}%")></div>
            </div>
        </div>
    }
}
