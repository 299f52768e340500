use leptos::prelude::*;

use crate::components::page_intro::page_intro;
use crate::components::quiz::answer_text::right_text;
use crate::components::quiz::learn_more::LearnMore;
use crate::components::quiz::quiz_start::level_label;
use crate::components::text_table::TextTable;
use crate::components::view_link::ViewLink;
use crate::i18n::{tf, tp, Msg};
use crate::logic::glossary::plain;
use crate::logic::results_code::CodeError;
use crate::logic::tally::{self, percent, ClassQuiz, Found, QuestionResult};
use crate::logic::url_state::View;
use crate::platform::document;
use crate::state::{lang, tr};

/// The teacher's class results (issue 21): paste the results codes students sent, in any text, and see each
/// quiz's class results: students, average, score spread, each question, the most-missed three with where
/// they are taught, and CSV downloads. Computed on this device from the pasted text; nothing is kept.
#[component]
pub fn Tally() -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    // Reading a class's codes takes well under a millisecond, so the text is simply read again where it is
    // shown: no memo (each memo of a new type adds its own copy of the reactive machinery to the WASM).
    let summary = move || {
        let found = pasted.with(|p| tally::read(p));
        let bad = found.iter().filter(|f| f.result.is_err()).count();
        match found.len() {
            0 if pasted.with(|p| p.trim().is_empty()) => String::new(),
            0 => tr(Msg::TallyNoneFound).to_string(),
            all => tp(
                lang(),
                Msg::TallySummary,
                all as u64,
                &[("valid", &(all - bad).to_string()), ("invalid", &bad.to_string())],
            ),
        }
    };
    let results = move || {
        let found = pasted.with(|p| tally::read(p));
        let quizzes = tally::group(&found);
        let problems: Vec<Found> = found.into_iter().filter(|f| f.result.is_err()).collect();
        view! {
            {(!problems.is_empty()).then(|| problem_list(problems))}
            {quizzes.into_iter().enumerate().map(|(i, q)| quiz_results(i, q)).collect_view()}
        }
        .into_any()
    };
    view! {
        <div class="page tally">
            {page_intro(Msg::TallyTitle, &[Msg::TallyIntro1, Msg::TallyIntro2])}
            <p>
                <ViewLink view=View::Teach class="">{tr(Msg::TallyRoutineLink)}</ViewLink>
            </p>
            <section class="panel tally__input">
                <label class="tally__label" for="tally-codes">{tr(Msg::TallyPasteLabel)}</label>
                <p id="tally-codes-hint" class="tally__hint">{tr(Msg::TallyPasteHint)}</p>
                <textarea id="tally-codes" class="tally__codes" rows="8" spellcheck="false" autocomplete="off"
                    aria-describedby="tally-codes-hint"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="tally__actions">
                    <button type="button" class="button" on:click=move |_| pasted.set(String::new())
                        disabled=move || pasted.with(String::is_empty)>
                        {tr(Msg::TallyClear)}
                    </button>
                </div>
                <p class="tally__summary" role="status">{summary}</p>
            </section>
            {results}
            <p class="tally__private">{tr(Msg::TallyPrivate)}</p>
        </div>
    }
}

/// Codes that could not be read, each with its line and the reason, so none is silently dropped.
fn problem_list(problems: Vec<Found>) -> AnyView {
    let items = problems
        .into_iter()
        .map(|f| {
            let reason = match f.result {
                Err(CodeError::NoPrefix) => tr(Msg::TallyErrorPrefix).to_string(),
                Err(CodeError::BadCharacter(c)) => tf(lang(), Msg::TallyErrorCharacter, &[("char", &c.to_string())]),
                Err(CodeError::TooShort) => tr(Msg::TallyErrorShort).to_string(),
                Err(CodeError::Mistyped) => tr(Msg::TallyErrorMistyped).to_string(),
                Err(CodeError::NotAQuiz) => tr(Msg::TallyErrorNotAQuiz).to_string(),
                Err(CodeError::Newer) => tr(Msg::TallyErrorNewer).to_string(),
                Ok(_) => String::new(),
            };
            let line = tf(lang(), Msg::TallyLine, &[("n", &f.line.to_string())]);
            view! { <li><code class="tally__code">{f.text}</code> " (" {line} "): " {reason}</li> }
        })
        .collect_view();
    view! {
        <section class="panel tally__problems" aria-labelledby="tally-problems-title">
            <h2 id="tally-problems-title">{tr(Msg::TallyProblemsHeading)}</h2>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

/// One quiz's class results.
fn quiz_results(index: usize, quiz: ClassQuiz) -> AnyView {
    let c = quiz.config;
    let heading_id = format!("tally-quiz-{index}");
    let labelled_by = heading_id.clone();
    let heading = tf(
        lang(),
        Msg::TallyQuizHeading,
        &[
            ("seed", &c.seed.to_string()),
            ("len", &quiz.len().to_string()),
            ("level", tr(level_label(c.level))),
        ],
    );
    let students = quiz.students.len();
    let repeated = quiz.repeated();
    let n = quiz.len();
    let spread_rows: Vec<Vec<String>> = quiz
        .distribution()
        .iter()
        .enumerate()
        .rev()
        .map(|(score, count)| vec![format!("{score} / {n}"), count.to_string()])
        .collect();
    let question_rows: Vec<Vec<String>> = quiz
        .per_question()
        .into_iter()
        .map(|q| {
            vec![
                (q.index + 1).to_string(),
                plain(q.question.prompt.get()),
                right_text(q.question),
                crate::i18n::format_number(f64::from(percent(q.right, students)), 0, true),
            ]
        })
        .collect();
    let student_rows: Vec<Vec<String>> = quiz
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = if s.initials.is_empty() {
                format!("#{}", i + 1)
            } else {
                s.initials.clone()
            };
            let missed: Vec<String> = s
                .right
                .iter()
                .enumerate()
                .filter(|(_, r)| !**r)
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            let missed = if missed.is_empty() {
                "–".to_string()
            } else {
                missed.join(", ")
            };
            vec![name, format!("{} / {n}", s.score()), missed]
        })
        .collect();
    let strings = |msgs: &[Msg]| msgs.iter().map(|&m| tr(m).to_string()).collect::<Vec<_>>();
    let file = format!("reverse-wave-quiz-{}-{}", c.seed, quiz.len());
    let students_csv = tally::students_csv(
        &quiz,
        &[tr(Msg::TallyStudent), tr(Msg::TallyScore), tr(Msg::TallyQuestion)],
    );
    let questions_csv = tally::questions_csv(
        &quiz,
        &[
            "#",
            tr(Msg::TallyQuestion),
            tr(Msg::QuizRightAnswer),
            tr(Msg::TallyRightCount),
            tr(Msg::TallyPercentRight),
        ],
        |q| (plain(q.prompt.get()), right_text(q)),
    );
    let stats = tp(
        lang(),
        Msg::TallyStats,
        students as u64,
        &[("average", &quiz.average_percent().to_string())],
    );
    let most_missed = quiz.most_missed();
    let missed = if most_missed.is_empty() {
        view! { <p>{tr(Msg::TallyNothingMissed)}</p> }.into_any()
    } else {
        let items = most_missed.into_iter().map(|q| missed_item(q, students)).collect_view();
        view! { <ol class="tally__missed">{items}</ol> }.into_any()
    };
    view! {
        <section class="panel tally-quiz" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="tally__stats">{stats}</p>
            {(repeated > 0).then(|| view! {
                <p class="notice">{tp(lang(), Msg::TallyRepeated, repeated as u64, &[])}</p>
            })}
            <h3>{tr(Msg::TallyMissedHeading)}</h3>
            {missed}
            <TextTable caption=tr(Msg::TallySpreadHeading).to_string() class="tally__spread"
                headers=strings(&[Msg::TallyScore, Msg::TallyStudents]) rows=spread_rows />
            <TextTable caption=tr(Msg::TallyQuestionsHeading).to_string() class="tally__questions"
                headers=std::iter::once("#".to_string())
                    .chain(strings(&[Msg::TallyQuestion, Msg::QuizRightAnswer, Msg::TallyPercentRight]))
                    .collect()
                rows=question_rows />
            <TextTable caption=tr(Msg::TallyStudentsHeading).to_string() class="tally__students"
                headers=strings(&[Msg::TallyStudent, Msg::TallyScore, Msg::TallyMissedNumbers]) rows=student_rows />
            <div class="tally__downloads">
                {download(Msg::TallyDownloadStudents, format!("{file}-students.csv"), students_csv)}
                {download(Msg::TallyDownloadQuestions, format!("{file}-questions.csv"), questions_csv)}
            </div>
        </section>
    }
    .into_any()
}

/// One of the most-missed questions: how many got it, the right answer, why, and where it is taught.
fn missed_item(q: QuestionResult, students: usize) -> AnyView {
    let right = tf(
        lang(),
        Msg::TallyMissedRight,
        &[
            ("n", &(q.index + 1).to_string()),
            ("percent", &percent(q.right, students).to_string()),
        ],
    );
    view! {
        <li class="tally__missed-item">
            <p class="tally__missed-prompt">{plain(q.question.prompt.get())}</p>
            <p>{right} " · " {tr(Msg::QuizRightAnswer)} ": " {right_text(q.question)}</p>
            <p>{crate::components::glossary_text::glossary_text(q.question.explanation.get())}</p>
            <LearnMore question=q.question />
        </li>
    }
    .into_any()
}

/// A button that saves `csv` as `file_name` (made when the results are shown, so every download button shares
/// one piece of code).
fn download(label: Msg, file_name: String, csv: String) -> AnyView {
    let save = move |_| document::download_text(&file_name, "text/csv", &csv);
    view! { <button type="button" class="button" on:click=save>{tr(label)}</button> }.into_any()
}
