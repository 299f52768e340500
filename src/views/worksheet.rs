use leptos::prelude::*;

use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::components::quiz::answer_text::{estimate_text, kind_label, order_item, right_text};
use crate::components::quiz::quiz_start::level_label;
use crate::components::source_links::sources_line;
use crate::data::model::Answer;
use crate::i18n::{tf, Msg};
use crate::logic::glossary::plain;
use crate::logic::quiz::config::current_edition;
use crate::logic::quiz::worksheet::{sheet, SheetItem};
use crate::logic::quiz::{Kind, QuizConfig};
use crate::logic::url_state::View;
use crate::platform::{history, share};
use crate::state::quiz::random_seed;
use crate::state::{lang, tr, use_app, AppState};

/// The quiz on paper: the questions that `seed`, `len` and `level` give (the same as `view=quiz` with those
/// keys, in the same order), with boxes to tick and lines to write on, then an answer key on a new page.
/// Without a seed it picks one and puts it in the address bar, so the sheet, its key and the class link agree.
#[component]
pub fn Worksheet() -> impl IntoView {
    let app = use_app();
    if app.url.with_untracked(|u| u.seed.is_none()) {
        new_seed(app);
    }
    let config = Memo::new(move |_| {
        app.url.with(|u| QuizConfig {
            timer: false,
            ..QuizConfig::from_url(u, || 1)
        })
    });
    let items = Memo::new(move |_| sheet(config.get()));
    let quiz_line = move || {
        let c = config.get();
        tf(
            lang(),
            Msg::WorksheetQuizLine,
            &[
                ("seed", &c.seed.to_string()),
                ("len", &items.with(Vec::len).to_string()),
                ("level", tr(level_label(c.level))),
            ],
        )
    };
    let class_link = move || {
        let quiz = app.url.with(|u| {
            let mut s = u.with_view(View::Quiz);
            s.embed = false;
            s
        });
        format!("{}?{}", share::page_base(), quiz.to_query())
    };
    view! {
        <div class="page worksheet">
            {page_intro(Msg::WorksheetTitle, &[])}
            <p class="worksheet__quiz">{quiz_line}</p>
            <div class="worksheet__fields">
                {[Msg::WorksheetName, Msg::WorksheetClass, Msg::WorksheetDate]
                    .into_iter()
                    .map(|m| view! { <p class="worksheet__field">{tr(m)} ": "<span class="write-line"></span></p> })
                    .collect_view()}
            </div>
            <div class="panel worksheet__teacher">
                <p>{tr(Msg::WorksheetForTeacher)}</p>
                <p>{tr(Msg::WorksheetSameAsQuiz)}</p>
                <p class="worksheet__link">{class_link}</p>
                <div class="worksheet__actions">
                    <PrintButton />
                    <button type="button" class="button" on:click=move |_| new_seed(app)>
                        {tr(Msg::WorksheetNewSeed)}
                    </button>
                </div>
            </div>
            <p>{tr(Msg::WorksheetIntro)}</p>
            <ol class="sheet-questions">
                {move || items.with(|items| items.iter().map(question).collect_view())}
            </ol>
            <section id="answer-key" class="answer-key" aria-labelledby="answer-key-title">
                <h2 id="answer-key-title">{tr(Msg::WorksheetAnswerKey)}</h2>
                <p class="worksheet__quiz">{quiz_line}</p>
                <p>{tr(Msg::WorksheetAnswerKeyIntro)}</p>
                <ol class="sheet-answers">
                    {move || items.with(|items| items.iter().map(answer).collect_view())}
                </ol>
            </section>
        </div>
    }
}

/// A new seed in the address bar (replacing the entry): a different worksheet, as "new quiz" is on a phone.
fn new_seed(app: AppState) {
    app.url.update(|u| {
        u.seed = Some(random_seed());
        u.bank = Some(current_edition());
    });
    app.url.with_untracked(history::replace);
}

/// A box to tick or a number to write in, drawn by CSS; the words beside it say what it is.
fn tick_box() -> impl IntoView {
    view! { <span class="tick-box" aria-hidden="true"></span> }
}

/// Lettered choices, each with a box.
fn options(labels: Vec<String>) -> impl IntoView {
    view! {
        <ul class="sheet-options">
            {labels
                .into_iter()
                .enumerate()
                .map(|(i, label)| {
                    let letter = char::from(b'A' + i as u8);
                    view! { <li>{tick_box()}<span class="sheet-options__letter">{letter.to_string()}</span>{label}</li> }
                })
                .collect_view()}
        </ul>
    }
}

fn question(item: &SheetItem) -> impl IntoView {
    let q = item.question;
    let hint = |msg: Msg| view! { <p class="sheet-question__hint">{tr(msg)}</p> };
    let body = match q.answer {
        Answer::Single { options: labels, .. } => view! {
            {hint(Msg::WorksheetTickOne)}
            {options(labels.iter().map(|o| o.get().to_string()).collect())}
        }
        .into_any(),
        Answer::TrueFalse { .. } => view! {
            {hint(Msg::WorksheetTickOne)}
            {options(vec![tr(Msg::QuizFact).to_string(), tr(Msg::QuizFiction).to_string()])}
        }
        .into_any(),
        Answer::SpotError { parts, .. } => view! {
            {hint(Msg::WorksheetSpotHint)}
            {options(parts.iter().map(|p| format!("“{}”", p.get())).collect())}
        }
        .into_any(),
        Answer::Order { .. } => {
            let n = item.shown_order.len().to_string();
            view! {
                <p class="sheet-question__hint">{tf(lang(), Msg::WorksheetOrderHint, &[("n", &n)])}</p>
                <ul class="sheet-options sheet-options--order">
                    {item
                        .shown_order
                        .iter()
                        .map(|&i| view! { <li>{tick_box()}{order_item(q, i)}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
        Answer::Estimate { min, max, unit, .. } => {
            let (low, high) = (estimate_text(min, unit.get()), estimate_text(max, unit.get()));
            view! {
                <p class="sheet-question__hint">
                    {tf(lang(), Msg::WorksheetEstimateHint, &[("min", &low), ("max", &high)])}
                </p>
                <p class="sheet-estimate"><span class="write-line"></span> " " {unit.get()}</p>
                <div class="sheet-scale" aria-hidden="true">
                    <span>{low.clone()}</span><span class="sheet-scale__line"></span><span>{high.clone()}</span>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li class="sheet-question">
            <p class="sheet-question__kind">{tr(kind_label(Kind::of(q)))}</p>
            <p class="sheet-question__prompt">{plain(q.prompt.get())}</p>
            {body}
        </li>
    }
}

fn answer(item: &SheetItem) -> impl IntoView {
    let q = item.question;
    view! {
        <li class="sheet-answer">
            <p><strong>{right_text(q)}</strong></p>
            <p>{plain(q.explanation.get())}</p>
            {sources_line(q.sources)}
        </li>
    }
}
