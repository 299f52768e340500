use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::tr;

/// A view's heading and introduction. The `<h1>` takes focus after navigation (see `document::focus_heading`).
pub fn page_intro(title: Msg, paragraphs: &[Msg]) -> impl IntoView {
    let paragraphs = paragraphs.iter().map(|p| view! { <p>{tr(*p)}</p> }).collect_view();
    view! {
        <div class="page-intro">
            <h1 tabindex="-1">{tr(title)}</h1>
            {paragraphs}
        </div>
    }
}
