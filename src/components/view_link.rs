//! A link to another view that is a real `<a href>` (middle-click, "copy link" and no-JS crawlers work) but
//! switches views in place on a plain click.

use leptos::{ev::MouseEvent, prelude::*};

use crate::logic::url_state::View;
use crate::platform::{document, history};
use crate::state::use_app;

#[component]
pub fn ViewLink(view: View, #[prop(into)] class: String, children: Children) -> impl IntoView {
    let app = use_app();
    let href = move || app.url.with(|u| history::href(&u.with_view(view)));
    let current = move || (app.view() == view).then_some("page");
    let follow = move |ev: MouseEvent| {
        // Let the browser handle "open in new tab" and friends.
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        app.navigate(view);
        request_animation_frame(document::focus_heading);
    };
    view! {
        <a href=href class=class aria-current=current on:click=follow>
            {children()}
        </a>
    }
}
