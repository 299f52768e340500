//! The one way to write an in-app link: a real `<a href>` (middle-click, "copy link" and no-JS crawlers work)
//! that switches views in place on a plain click, with no reload of the app.

use leptos::{ev::MouseEvent, prelude::*};

use crate::logic::url_state::{UrlState, View};
use crate::platform::history;
use crate::state::use_app;

/// A plain left click, which the app follows in place; any other (a new tab, a new window) is the browser's.
fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// A link to any state of the app (`to`, derived from the current URL so filters, theme and language are
/// kept), optionally to a spot on its page (`#source-…`).
#[component]
pub fn AppLink(
    #[prop(into)] to: Signal<UrlState>,
    #[prop(optional, into)] fragment: Option<String>,
    #[prop(optional, into)] class: String,
    /// `aria-current="page"` while this is the view on screen (navigation links).
    #[prop(optional, into)]
    current: Option<View>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let href = {
        let fragment = fragment.clone();
        move || {
            let href = history::href(&to.get());
            fragment
                .as_ref()
                .map_or_else(|| href.clone(), |f| format!("{href}#{f}"))
        }
    };
    let aria_current = move || current.filter(|v| app.view() == *v).map(|_| "page");
    let follow = move |ev: MouseEvent| {
        if !is_plain_click(&ev) {
            return;
        }
        ev.prevent_default();
        match &fragment {
            Some(f) => app.navigate_to(to.get_untracked(), f),
            None => app.go(to.get_untracked()),
        }
    };
    // The view's part of the app starts downloading while the reader is still reaching for the link.
    let prepare = move || crate::views::parts::prepare(to.with_untracked(|u| u.view));
    view! {
        <a href=href class=class aria-current=aria_current on:click=follow
            on:pointerenter=move |_| prepare() on:pointerdown=move |_| prepare() on:focus=move |_| prepare()>
            {children()}
        </a>
    }
}

/// A navigation link to a view, keeping the current filters and preferences.
#[component]
pub fn ViewLink(view: View, #[prop(into)] class: String, children: Children) -> impl IntoView {
    let app = use_app();
    let to = Signal::derive(move || app.url.with(|u| u.with_view(view)));
    view! { <AppLink to=to class=class current=view>{children()}</AppLink> }
}
