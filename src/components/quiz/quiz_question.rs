use leptos::prelude::*;

use crate::components::quiz::answer_text::kind_label;
use crate::components::quiz::choice_answers::ChoiceAnswers;
use crate::components::quiz::estimate_answer::EstimateAnswer;
use crate::components::quiz::order_answer::OrderAnswer;
use crate::components::quiz::quiz_feedback::QuizFeedback;
use crate::components::quiz::quiz_progress::QuizProgress;
use crate::components::quiz::quiz_timer::QuizTimer;
use crate::data::model::{Answer, Question};
use crate::i18n::Msg;
use crate::logic::quiz::session::right_response;
use crate::logic::quiz::{Kind, Mark, Response};
use crate::state::quiz::use_quiz;
use crate::state::tr;

/// One question on its own screen: progress, the prompt, the answer widget for its kind, then feedback in
/// place below the answers.
#[component]
pub fn QuizQuestion(index: usize) -> impl IntoView {
    let quiz = use_quiz();
    let (question, last, timer) = quiz.session.with_untracked(|s| {
        let s = s.as_ref().expect("a question screen has a session");
        (s.questions()[index], index + 1 == s.len(), s.config.timer)
    });
    let answered = Memo::new(move |_| quiz.session.with(|s| s.as_ref().and_then(|s| s.answer_at(index))));
    let is_answered = Signal::derive(move || answered.with(Option::is_some));
    let kind = Kind::of(question);
    let timer = (timer && !is_answered.get_untracked()).then(|| {
        view! {
            <Show when=move || !is_answered.get()>
                <QuizTimer seconds=kind.time_limit() answered=is_answered />
            </Show>
        }
    });
    view! {
        <section class="quiz-card" aria-labelledby="quiz-question-title">
            <QuizProgress index=index />
            <p class="quiz-card__kind">{tr(kind_label(kind))}</p>
            <h2 class="quiz-card__prompt" id="quiz-question-title" tabindex="-1">{crate::components::glossary_text::glossary_text(question.prompt.get())}</h2>
            {timer}
            {answer_widget(question, answered)}
            {move || answered.get().map(|(response, mark)| view! {
                <QuizFeedback question=question response=response mark=mark last=last />
            })}
        </section>
    }
}

fn answer_widget(question: &'static Question, answered: Memo<Option<(Response, Mark)>>) -> AnyView {
    let right = right_response(question);
    let choices = |labels: Vec<String>| {
        let choices = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| (label, Response::Choice(i as u8)))
            .collect();
        view! { <ChoiceAnswers choices=choices right=right.clone() answered=answered /> }.into_any()
    };
    match question.answer {
        Answer::Single { options, .. } => choices(options.iter().map(|o| o.get().to_string()).collect()),
        Answer::SpotError { parts, .. } => view! {
            <p class="quiz-card__help">{tr(Msg::QuizSpotHelp)}</p>
            {(crate::state::lang() != crate::i18n::Lang::En).then(|| {
                let words: Vec<&str> = parts.iter().map(|p| p.english()).collect();
                view! {
                    <p class="quiz-card__original">
                        {tr(Msg::QuizOriginalQuote)}" "<q lang="en">{words.join(" ")}</q>
                    </p>
                }
            })}
            {choices(parts.iter().map(|p| format!("“{}”", p.get())).collect())}
        }
        .into_any(),
        Answer::TrueFalse { .. } => {
            let choices = vec![
                (tr(Msg::QuizFact).to_string(), Response::Truth(true)),
                (tr(Msg::QuizFiction).to_string(), Response::Truth(false)),
            ];
            view! { <ChoiceAnswers choices=choices right=right answered=answered /> }.into_any()
        }
        Answer::Order { .. } => view! { <OrderAnswer question=question answered=answered /> }.into_any(),
        Answer::Estimate {
            min, max, step, unit, ..
        } => view! { <EstimateAnswer min=min max=max step=step unit=unit.get() answered=answered /> }.into_any(),
    }
}
