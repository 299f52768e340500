use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::tr;

/// First stop for keyboard users: jumps past the header and navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a> }
}
