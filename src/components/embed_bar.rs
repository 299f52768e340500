use leptos::prelude::*;

use crate::i18n::Msg;
use crate::logic::url_state::UrlState;
use crate::platform::history;
use crate::state::{tr, use_app};

/// In embed mode the host page provides the chrome; we offer only a way out to the full app, in a new tab so
/// the host page is never navigated away.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let app = use_app();
    let full_app = move || {
        app.url.with(|u| {
            history::href(&UrlState {
                embed: false,
                ..u.clone()
            })
        })
    };
    view! {
        <aside class="embed-bar" aria-label=tr(Msg::AppName)>
            <a class="embed-bar__link" href=full_app target="_blank" rel="noopener">
                {tr(Msg::EmbedOpenFull)}
                <span class="visually-hidden">" " {tr(Msg::NewTabHint)}</span>
            </a>
        </aside>
    }
}
