use leptos::prelude::*;

use crate::i18n::Msg;
use crate::logic::url_state::UrlState;
use crate::platform::{embed, history, share};
use crate::state::{tr, use_app};

/// In embed mode the host page provides the chrome; we offer only a way out to the full app, in a new tab so
/// the host page is never navigated away. Where the host's sandbox blocks new tabs, we say so and show the
/// address to copy instead of failing silently.
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
    let blocked = RwSignal::new(None::<String>);
    let follow = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let url = app.url.with_untracked(|u| {
            let query = UrlState {
                embed: false,
                ..u.clone()
            }
            .to_query();
            match query.as_str() {
                "" => share::page_base(),
                q => format!("{}?{q}", share::page_base()),
            }
        });
        blocked.set((!embed::open_in_new_tab(&url)).then_some(url));
    };
    view! {
        <aside class="embed-bar" aria-label=tr(Msg::AppName)>
            <a class="embed-bar__link" href=full_app target="_blank" rel="noopener" on:click=follow>
                {tr(Msg::EmbedOpenFull)}
                <span class="visually-hidden">" " {tr(Msg::NewTabHint)}</span>
            </a>
            {move || blocked.get().map(|url| view! {
                <div class="embed-bar__blocked" role="status">
                    <p>{tr(Msg::EmbedPopupBlocked)}</p>
                    <input type="text" readonly class="quiz-link" aria-label=tr(Msg::EmbedAddress) prop:value=url />
                </div>
            })}
        </aside>
    }
}
