use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::icon::{icon, IconKind};
use crate::components::quiz::answer_text::{kind_label, points_text, response_text, right_text, verdict};
use crate::components::quiz::results_code_panel::ResultsCodePanel;
use crate::i18n::{tf, Msg};
use crate::logic::quiz::{Outcome, Session};
use crate::platform::{document, share};
use crate::state::quiz::use_quiz;
use crate::state::{lang, tr};

/// The end of a quiz: score, breakdown by type, a review of every answer, and what to do next.
#[component]
pub fn QuizResults() -> impl IntoView {
    let quiz = use_quiz();
    let Some(session) = quiz.session.get_untracked() else {
        return ().into_any();
    };
    let share_status = RwSignal::new(None::<Msg>);
    let n = |v: usize| v.to_string();
    let score = tf(
        lang(),
        Msg::QuizFinalScore,
        &[
            ("score", &session.score().to_string()),
            ("max", &session.max_score().to_string()),
        ],
    );
    let right = tf(
        lang(),
        Msg::QuizRightCount,
        &[("n", &n(session.right_count())), ("total", &n(session.len()))],
    );
    let streak = tf(lang(), Msg::QuizBestStreak, &[("n", &n(session.best_streak()))]);
    let can_retry = session.retry_missed().is_some();
    // A class quiz (opened from a class link) gives a results code for the teacher's tally; a retry round
    // does not, as it is not the quiz the class played.
    let code = (quiz.class_link_mode.get_untracked() && !session.retry).then(|| session.clone());
    let share_score = move |_| {
        let text = quiz.share_text();
        let link = quiz.class_link(
            quiz.session
                .with_untracked(|s| s.as_ref().map(|s| s.config))
                .unwrap_or_else(|| quiz.url_config()),
        );
        spawn_local(async move {
            if share::share(quiz.app_name(), &text, &link).await {
                return;
            }
            let copied = share::copy_text(&format!("{text} {link}")).await;
            share_status.set(Some(if copied {
                Msg::QuizShareCopied
            } else {
                Msg::QuizCopyManually
            }));
        });
    };
    let retry = move |_| {
        quiz.retry_missed();
        request_animation_frame(|| document::focus_quietly("quiz-question-title"));
    };
    let new_quiz = move |_| {
        quiz.new_quiz();
        request_animation_frame(document::focus_heading);
    };
    view! {
        <section class="quiz-results" aria-labelledby="quiz-results-title">
            <div class="panel quiz-results__summary">
                <h2 id="quiz-results-title" tabindex="-1">{tr(Msg::QuizResultsHeading)}</h2>
                <p class="quiz-results__score">{score}</p>
                <p>{right} " · " {streak}</p>
                {(!can_retry).then(|| view! { <p>{tr(Msg::QuizAllRight)}</p> })}
                <div class="quiz-results__actions">
                    {can_retry.then(|| view! {
                        <button type="button" class="button button--primary" on:click=retry>
                            {tr(Msg::QuizRetryMissed)}
                        </button>
                    })}
                    <button type="button" class="button" on:click=new_quiz>{tr(Msg::QuizNewQuiz)}</button>
                    <button type="button" class="button" on:click=share_score>{tr(Msg::QuizShare)}</button>
                </div>
                <p class="quiz-results__status" role="status">{move || share_status.get().map(tr)}</p>
                {move || (share_status.get() == Some(Msg::QuizCopyManually)).then(|| view! {
                    <textarea class="quiz-link" readonly rows="3" aria-label=tr(Msg::QuizShare)>
                        {format!("{} {}", quiz.share_text(), quiz.class_link(quiz.url_config()))}
                    </textarea>
                })}
            </div>
            {code.map(|session| view! { <ResultsCodePanel session=session /> })}
            {breakdown(&session)}
            {review(&session)}
        </section>
    }
    .into_any()
}

fn breakdown(session: &Session) -> impl IntoView {
    let rows = session
        .breakdown()
        .into_iter()
        .map(|(kind, points, max)| {
            view! {
                <tr>
                    <th scope="row">{tr(kind_label(kind))}</th>
                    <td>{format!("{points} / {max}")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="quiz-breakdown-title">
            <h3 id="quiz-breakdown-title">{tr(Msg::QuizBreakdownHeading)}</h3>
            <table class="data-table quiz-breakdown">
                <thead><tr>
                    <th scope="col">{tr(Msg::QuizBreakdownType)}</th>
                    <th scope="col">{tr(Msg::QuizBreakdownPoints)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn review(session: &Session) -> impl IntoView {
    let items = session
        .review()
        .map(|r| {
            let (class, kind) = match r.mark.outcome {
                Outcome::Right => ("quiz-review__item is-right", IconKind::Check),
                Outcome::Close => ("quiz-review__item is-close", IconKind::Check),
                Outcome::Wrong => ("quiz-review__item is-wrong", IconKind::Cross),
            };
            let yours = response_text(r.question, r.response);
            let correct = right_text(r.question);
            let show_right = r.mark.outcome != Outcome::Right;
            view! {
                <li class=class>
                    <p class="quiz-review__prompt">{crate::logic::glossary::plain(r.question.prompt.get())}</p>
                    <p class="quiz-review__verdict">
                        {icon(kind)} {tr(verdict(r.response, r.mark))} " · " {points_text(r.mark.points)}
                    </p>
                    <dl class="quiz-review__answers">
                        <dt>{tr(Msg::QuizYourAnswer)}</dt><dd>{yours}</dd>
                        {show_right.then(|| view! { <dt>{tr(Msg::QuizRightAnswer)}</dt><dd>{correct}</dd> })}
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="quiz-review-title">
            <h3 id="quiz-review-title">{tr(Msg::QuizReviewHeading)}</h3>
            <ol class="quiz-review">{items}</ol>
        </section>
    }
}
