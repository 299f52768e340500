//! The app shell: provides the shared state, keeps the document in sync with it, and lays out the chrome.

use leptos::prelude::*;

use crate::components::{
    embed_bar::EmbedBar,
    site_footer::SiteFooter,
    site_header::SiteHeader,
    site_nav::SiteNav,
    skip_link::SkipLink,
    update_bar::{watch_for_update, UpdateBar},
};
use crate::i18n::{t, tf, Msg};
use crate::logic::url_state::UrlValue;
use crate::platform::document;
use crate::state::AppState;
use crate::views;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::from_browser();
    provide_context(app);

    // The listener lives as long as the app, which is the whole page.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| app.sync_from_address_bar());
    std::mem::forget(popstate);

    Effect::new(move |_| {
        let lang = app.lang();
        let view_title = t(lang, views::title(app.view()));
        document::set_title(&tf(lang, Msg::PageTitle, &[("view", view_title)]));
    });
    Effect::new(move |_| document::set_lang(app.lang().code()));
    Effect::new(move |_| document::set_theme(app.theme_override()));

    let update_ready = watch_for_update();
    let embedded = app.embedded();
    if embedded {
        crate::platform::embed::report_height_changes();
    }
    // Everything below re-renders when the language changes, which lets its text be static (see `tr`).
    move || {
        let _language = app.lang();
        view! {
            <div class="app" class:app--embed=embedded>
                {if embedded {
                    view! { <EmbedBar /> }.into_any()
                } else {
                    view! {
                        <SkipLink />
                        <SiteHeader />
                        <SiteNav />
                    }
                        .into_any()
                }}
                <main id="main" class="main" tabindex="-1" data-view=move || app.view().id()>
                    {move || views::render(app.view())}
                </main>
                {(!embedded).then(|| view! { <SiteFooter /> })}
                <UpdateBar ready=update_ready />
            </div>
        }
    }
}
