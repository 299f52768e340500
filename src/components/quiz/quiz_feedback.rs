use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::components::quiz::answer_text::{comparison_line, order_item, points_text, verdict};
use crate::components::quiz::learn_more::LearnMore;
use crate::components::source_links::source_links;
use crate::data::model::{Answer, Question};
use crate::i18n::Msg;
use crate::logic::quiz::marking::solution;
use crate::logic::quiz::{Mark, Outcome, Response};
use crate::platform::document;
use crate::state::quiz::use_quiz;
use crate::state::tr;

pub const FEEDBACK_ID: &str = "quiz-feedback";
const NEXT_ID: &str = "quiz-next";

/// After an answer: bring the feedback into view and put focus on "Next", so one more tap or Enter moves
/// on; the verdict itself reaches screen readers through the quiz's live region.
pub fn reveal() {
    request_animation_frame(|| {
        document::scroll_into_view_gently(FEEDBACK_ID);
        document::focus_quietly(NEXT_ID);
        // Lets the benchmark time "answer → feedback painted" (see end2end/bench.mjs).
        crate::platform::document::performance_mark("reverse-wave:quiz-feedback");
    });
}

/// Right or wrong, the right answer, why (one to three sentences), the sources, and where to read more.
#[component]
pub fn QuizFeedback(question: &'static Question, response: Response, mark: Mark, last: bool) -> impl IntoView {
    let quiz = use_quiz();
    let (class, kind) = match mark.outcome {
        Outcome::Right => ("quiz-feedback quiz-feedback--right", IconKind::Check),
        Outcome::Close => ("quiz-feedback quiz-feedback--close", IconKind::Check),
        Outcome::Wrong => ("quiz-feedback quiz-feedback--wrong", IconKind::Cross),
    };
    let right_order = matches!(question.answer, Answer::Order { .. }).then(|| {
        solution(question)
            .into_iter()
            .map(|i| view! { <li>{order_item(question, i)}</li> })
            .collect_view()
    });
    let next = move |_| {
        quiz.next();
        request_animation_frame(|| {
            document::focus_quietly("quiz-question-title");
            document::focus_quietly("quiz-results-title");
            document::scroll_to_top();
        });
    };
    view! {
        <section class=class id=FEEDBACK_ID aria-labelledby="quiz-feedback-title">
            <h3 class="quiz-feedback__verdict" id="quiz-feedback-title">
                {icon(kind)}
                <span>{tr(verdict(&response, mark))}</span>
                <span class="quiz-feedback__points">{points_text(mark.points)}</span>
            </h3>
            {comparison_line(question, &response).map(|line| view! { <p class="quiz-feedback__answer">{line}</p> })}
            {right_order.map(|items| view! { <ol class="quiz-feedback__order">{items}</ol> })}
            <p class="quiz-feedback__why">{crate::components::glossary_text::glossary_text(question.explanation.get())}</p>
            <div class="quiz-feedback__more">
                <p class="quiz-feedback__label">{tr(Msg::QuizSourcesLabel)}</p>
                <ul class="quiz-feedback__sources">{source_links(question.sources)}</ul>
            </div>
            <LearnMore question=question />
            <button type="button" class="button button--primary quiz-next" id=NEXT_ID on:click=next>
                {tr(if last { Msg::QuizSeeResults } else { Msg::QuizNext })}
                {icon(IconKind::Arrow)}
            </button>
        </section>
    }
}
