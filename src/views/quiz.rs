use leptos::prelude::*;

use crate::components::page_intro::page_intro;
use crate::components::quiz::quiz_start::QuizStart;
use crate::i18n::Msg;
use crate::state::quiz::QuizState;
use crate::state::{tr, use_app};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Start,
    Question(usize),
    Results,
}

/// The quiz: start screen, one question at a time with feedback, then results. A saved quiz resumes.
#[component]
pub fn Quiz() -> impl IntoView {
    let quiz = QuizState::load(use_app());
    provide_context(quiz);
    let stage = Memo::new(move |_| {
        quiz.session.with(|s| match s {
            None => Stage::Start,
            Some(s) if s.is_finished() => Stage::Results,
            Some(s) => Stage::Question(s.position()),
        })
    });
    let retry_round = move || {
        quiz.session
            .with(|s| s.as_ref().is_some_and(|s| s.retry && !s.is_finished()))
    };
    view! {
        <div class="page quiz" class:quiz--playing=move || matches!(stage.get(), Stage::Question(_))>
            {page_intro(Msg::QuizTitle, &[])}
            <p class="print-only">{tr(Msg::QuizPrintNote)}</p>
            <Show when=move || stage.get() == Stage::Start>
                <p class="quiz__intro">{tr(Msg::QuizIntro)}</p>
            </Show>
            <Show when=move || quiz.save_failed.get() && stage.get() != Stage::Start>
                <p class="notice" role="status">{tr(Msg::QuizSaveFailed)}</p>
            </Show>
            <Show when=retry_round>
                <p class="notice">{tr(Msg::QuizRetryRound)}</p>
            </Show>
            // Present from the start so every later change is announced.
            <p class="visually-hidden" aria-live="polite">{move || quiz.announcement.get()}</p>
            // The questions and the results come in a part of their own, fetched while the start screen shows.
            {move || match stage.get() {
                Stage::Start => {
                    super::parts::prepare_quiz_play();
                    view! { <QuizStart /> }.into_any()
                }
                Stage::Question(i) => super::parts::quiz_stage(Some(i)),
                Stage::Results => super::parts::quiz_stage(None),
            }}
        </div>
    }
}
