use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Msg;
use crate::logic::quiz::{Outcome, Session};
use crate::logic::results_code::{clean_initials, ResultsCode};
use crate::platform::share;
use crate::state::tr;

/// The results code of a class quiz, for the student to send their teacher (who pastes it into `view=tally`).
/// Initials go into the code only if the student types some; nothing is stored or sent by the app.
#[component]
pub fn ResultsCodePanel(session: Session) -> impl IntoView {
    let initials = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Msg>);
    let right: Vec<bool> = session.review().map(|r| r.mark.outcome == Outcome::Right).collect();
    let config = session.config;
    // A plain closure, not a memo: encoding is a few microseconds, and a memo of a new type costs WASM bytes.
    let code = move || {
        ResultsCode {
            config,
            initials: initials.with(|i| clean_initials(i)),
            right: right.clone(),
        }
        .encode()
    };
    let for_copy = code.clone();
    let copy = move |_| {
        let text = untrack(&for_copy);
        spawn_local(async move {
            let ok = share::copy_text(&text).await;
            status.set(Some(if ok {
                Msg::ResultsCodeCopied
            } else {
                Msg::QuizCopyManually
            }));
        });
    };
    let for_send = code.clone();
    let send = move |_| {
        let text = untrack(&for_send);
        spawn_local(async move {
            if share::share(tr(Msg::AppName), &text, "").await {
                return;
            }
            let ok = share::copy_text(&text).await;
            status.set(Some(if ok {
                Msg::ResultsCodeCopied
            } else {
                Msg::QuizCopyManually
            }));
        });
    };
    view! {
        <section class="panel results-code" aria-labelledby="results-code-title">
            <h3 id="results-code-title">{tr(Msg::ResultsCodeHeading)}</h3>
            <p>{tr(Msg::ResultsCodeBody)}</p>
            <label class="results-code__label" for="results-code-initials">{tr(Msg::ResultsCodeInitials)}</label>
            <input id="results-code-initials" class="results-code__initials" type="text" autocomplete="off"
                autocapitalize="characters" spellcheck="false" maxlength="12"
                prop:value=move || initials.get()
                on:input=move |ev| initials.set(event_target_value(&ev)) />
            <p class="results-code__code" aria-live="polite">{code}</p>
            <div class="results-code__actions">
                <button type="button" class="button button--primary" on:click=copy>{tr(Msg::ResultsCodeCopy)}</button>
                <button type="button" class="button" on:click=send>{tr(Msg::ResultsCodeSend)}</button>
            </div>
            <p class="results-code__status" role="status">{move || status.get().map(tr)}</p>
            <p class="results-code__honest">{tr(Msg::ResultsCodeHonest)}</p>
        </section>
    }
}
