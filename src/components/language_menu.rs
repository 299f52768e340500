//! The language menu in the header (issue 20): each language in its own name, so a reader who cannot read the
//! current one still finds theirs. Choosing one loads its pack (once) and re-renders the page in it, keeping
//! the view, its filters and a quiz in progress; a pack that cannot load leaves the page as it was and says so.

use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::i18n::{tf, Lang, Msg};
use crate::logic::url_state::UrlValue;
use crate::state::{lang, tr, use_app, LanguageStatus};

/// The `<option>`s of a language choice, each marked with its own language for screen readers and fonts.
pub fn language_options(selected: Lang) -> impl IntoView {
    Lang::ALL
        .iter()
        .map(|&l| view! { <option value=l.code() lang=l.code() selected=l == selected>{l.own_name()}</option> })
        .collect_view()
}

#[component]
pub fn LanguageMenu() -> impl IntoView {
    let app = use_app();
    let status = move || match app.language_status.get() {
        LanguageStatus::Idle => None,
        LanguageStatus::Loading(l) => Some(tf(lang(), Msg::LanguageLoading, &[("language", l.own_name())])),
        LanguageStatus::Failed(l) => Some(tf(lang(), Msg::LanguageFailed, &[("language", l.own_name())])),
    };
    view! {
        <label class="language-menu">
            {icon(IconKind::Globe)}
            <span class="visually-hidden">{tr(Msg::LanguageLabel)}</span>
            <select class="language-menu__select" on:change=move |ev| {
                if let Some(l) = Lang::from_id(&event_target_value(&ev)) {
                    app.choose_language(l);
                }
            }>{language_options(lang())}</select>
        </label>
        <p class="language-menu__status" role="status">{status}</p>
    }
}
