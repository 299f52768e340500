//! "New version available — Reload", shown when the service worker has a newer build waiting.
//!
//! The worker plumbing stays in `public/loader.js` (it must work even if the app never starts); this is only
//! the prompt, so its words come from the translation catalog like every other string the app shows.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::platform::document;
use crate::state::tr;

/// Whether a new build is waiting. Called once by the app (the shell itself re-renders on a language change):
/// an update found before the app started is recorded on `<html>`, later ones arrive as an event.
pub fn watch_for_update() -> RwSignal<bool> {
    let ready = RwSignal::new(document::take_update_ready());
    document::on_window_event("reverse-wave:update-ready", move || ready.set(true));
    ready
}

#[component]
pub fn UpdateBar(ready: RwSignal<bool>) -> impl IntoView {
    let applying = RwSignal::new(false);
    let apply = move |_| {
        applying.set(true);
        // The loader tells the waiting worker to take over, then reloads the page into the new build.
        document::dispatch_window_event("reverse-wave:apply-update");
    };
    view! {
        <Show when=move || ready.get()>
            <div class="sw-update" role="status">
                <span>{tr(Msg::UpdateAvailable)}</span>
                <button type="button" class="button button--primary" disabled=move || applying.get() on:click=apply>
                    {tr(Msg::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
