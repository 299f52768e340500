use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::view_link::{AppLink, ViewLink};
use crate::data::model::Difficulty;
use crate::data::QUESTIONS;
use crate::i18n::{tf, Msg};
use crate::logic::quiz::config::current_edition;
use crate::logic::quiz::{QuizConfig, QuizLength};
use crate::logic::url_state::{UrlValue, View};
use crate::platform::{document, share};
use crate::state::quiz::use_quiz;
use crate::state::{lang, tr, use_app};
use crate::views::parts;

/// The name of a quiz level (`None`: mixed), on the start screen and the worksheet.
pub fn level_label(level: Option<Difficulty>) -> Msg {
    match level {
        None => Msg::QuizLevelMixed,
        Some(Difficulty::Easy) => Msg::DifficultyEasy,
        Some(Difficulty::Medium) => Msg::DifficultyMedium,
        Some(Difficulty::Hard) => Msg::DifficultyHard,
    }
}

/// Choose length, difficulty and timer, then start; or, from a class link, just start. Teachers get the
/// class link here. Choices live in the address bar, so the link always matches what is chosen.
#[component]
pub fn QuizStart() -> impl IntoView {
    let quiz = use_quiz();
    let app = use_app();
    let class_mode = quiz.class_link_mode;
    let copy_status = RwSignal::new(None::<Msg>);
    let copied_link = RwSignal::new(String::new());

    let lengths = QuizLength::ALL
        .iter()
        .map(|&len| {
            // "All" counts the quiz it gives at the chosen difficulty (one question per claim), so the number
            // on the button is the quiz.
            let label = move || match len {
                QuizLength::All => {
                    let level = app.url.with(|u| u.level);
                    let n = QuizConfig::longest(QUESTIONS, level);
                    tf(lang(), Msg::QuizLengthAll, &[("n", &n.to_string())])
                }
                other => other.id().to_string(),
            };
            view! {
                <label class="quiz-choice">
                    <input type="radio" name="quiz-length" value=len.id()
                        prop:checked=move || app.url.with(|u| u.len == len)
                        on:change=move |_| quiz.choose(|u| { u.len = len; u.seed = None; }) />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let levels = [
        None,
        Some(Difficulty::Easy),
        Some(Difficulty::Medium),
        Some(Difficulty::Hard),
    ]
    .into_iter()
    .map(|level| {
        view! {
            <label class="quiz-choice">
                <input type="radio" name="quiz-level" value=level.map_or("all", UrlValue::id)
                    prop:checked=move || app.url.with(|u| u.level == level)
                    on:change=move |_| quiz.choose(|u| { u.level = level; u.seed = None; }) />
                <span>{tr(level_label(level))}</span>
            </label>
        }
    })
    .collect_view();

    // The questions come in a part of their own (`views::parts`): both buttons wait for it, saying so under
    // the button if it is still on its way.
    let start_status = RwSignal::new(None::<Msg>);
    let resume_status = RwSignal::new(None::<Msg>);
    let start = move |_| {
        parts::after_quiz_play(start_status, move || {
            quiz.start(quiz.url_config());
            request_animation_frame(|| document::focus_quietly("quiz-question-title"));
        });
    };
    let resume = move |_| parts::after_quiz_play(resume_status, move || quiz.resume_unfinished());
    let worksheet = Signal::derive(move || app.url.with(|u| u.with_view(View::Worksheet)));
    // Both fix the quiz in the address bar first, so the link, the QR code and this screen agree.
    let fix_link = move || {
        let config = quiz.url_config();
        quiz.show_config(config);
        let link = quiz.class_link(config);
        copied_link.set(link.clone());
        link
    };
    let copy_class_link = move |_| {
        let link = fix_link();
        spawn_local(async move {
            let ok = share::copy_text(&link).await;
            copy_status.set(Some(if ok { Msg::QuizLinkCopied } else { Msg::QuizCopyManually }));
        });
    };
    let show_qr = RwSignal::new(false);
    let toggle_qr = move |_| {
        if !show_qr.get_untracked() {
            fix_link();
        }
        show_qr.update(|on| *on = !*on);
    };
    let class_notice = move || {
        app.url.track();
        let len = quiz.url_config().pick(QUESTIONS).len();
        tf(lang(), Msg::QuizClassQuiz, &[("len", &len.to_string())])
    };
    // A link made by a newer copy of the app (a bank edition this one lacks) gets this version's questions.
    let newer_link = move || app.url.with(|u| u.bank.is_some_and(|b| b > current_edition()));
    let resume_label = move || {
        quiz.unfinished.with(|s| {
            s.as_ref().map(|s| {
                tf(
                    lang(),
                    Msg::QuizResumeButton,
                    &[("n", &(s.position() + 1).to_string()), ("total", &s.len().to_string())],
                )
            })
        })
    };

    view! {
        <div class="quiz-start">
            {move || quiz.notice.get().map(|msg| view! { <p class="notice" role="status">{tr(msg)}</p> })}
            {(!quiz.storage_ok).then(|| view! { <p class="notice">{tr(Msg::QuizNoStorage)}</p> })}
            {move || resume_label().map(|label| view! {
                <section class="panel quiz-resume" aria-labelledby="quiz-resume-title">
                    <h2 id="quiz-resume-title">{tr(Msg::QuizResumeHeading)}</h2>
                    <button type="button" class="button" on:click=resume>{label}</button>
                    <p class="quiz-start__status" role="status">{move || resume_status.get().map(tr)}</p>
                </section>
            })}
            <section class="panel quiz-setup" aria-labelledby="quiz-setup-title">
                <h2 id="quiz-setup-title">{tr(Msg::QuizSetupHeading)}</h2>
                <Show when=move || class_mode.get()>
                    <p>{class_notice}</p>
                    {move || newer_link().then(|| view! { <p class="notice">{tr(Msg::QuizLinkNewer)}</p> })}
                </Show>
                <div class="quiz-setup__options" hidden=move || class_mode.get()>
                    <fieldset class="quiz-fieldset">
                        <legend>{tr(Msg::QuizLengthLabel)}</legend>
                        <div class="quiz-choices">{lengths}</div>
                    </fieldset>
                    <fieldset class="quiz-fieldset">
                        <legend>{tr(Msg::QuizLevelLabel)}</legend>
                        <div class="quiz-choices">{levels}</div>
                    </fieldset>
                    <label class="quiz-check-row">
                        <input type="checkbox" prop:checked=move || app.url.with(|u| u.timer)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                quiz.choose(|u| { u.timer = on; u.seed = None; });
                            } />
                        <span>{tr(Msg::QuizTimerLabel)}</span>
                    </label>
                </div>
                <div class="quiz-setup__actions">
                    <button type="button" class="button button--primary button--large" on:click=start>
                        {tr(Msg::QuizStart)}
                    </button>
                    <Show when=move || class_mode.get()>
                        <button type="button" class="button" on:click=move |_| {
                            class_mode.set(false);
                            quiz.choose(|u| u.seed = None);
                        }>{tr(Msg::QuizChooseOwn)}</button>
                    </Show>
                </div>
                <p class="quiz-start__status" role="status">{move || start_status.get().map(tr)}</p>
            </section>
            <section class="panel quiz-class" aria-labelledby="quiz-class-title">
                <h2 id="quiz-class-title">{tr(Msg::QuizClassHeading)}</h2>
                <p>{tr(Msg::QuizClassBody)}</p>
                <div class="quiz-class__actions">
                    <button type="button" class="button" on:click=copy_class_link>{tr(Msg::QuizCopyClassLink)}</button>
                    <button type="button" class="button" on:click=toggle_qr aria-expanded=move || show_qr.get().to_string()
                        aria-controls="quiz-class-qr">
                        {move || tr(if show_qr.get() { Msg::QrHide } else { Msg::QrShow })}
                    </button>
                    // The same quiz on paper: this seed if there is one (the worksheet picks one otherwise).
                    <AppLink to=worksheet class="button">{tr(Msg::WorksheetPrintLink)}</AppLink>
                </div>
                <p class="quiz-class__status" role="status">{move || copy_status.get().map(tr)}</p>
                <Show when=move || copy_status.get().is_some() || show_qr.get()>
                    <label class="quiz-link-label" for="quiz-class-link">{tr(Msg::QuizClassLinkLabel)}</label>
                    <input id="quiz-class-link" class="quiz-link" type="text" readonly
                        prop:value=move || copied_link.get() />
                </Show>
                <div id="quiz-class-qr">
                    <Show when=move || show_qr.get()>
                        {parts::qr_code(copied_link.into())}
                    </Show>
                </div>
                <p class="quiz-class__tally">
                    {tr(Msg::QuizClassTally)} " "
                    <ViewLink view=View::Tally class="">{tr(Msg::TallyTitle)}</ViewLink>
                </p>
            </section>
        </div>
    }
}
