use leptos::prelude::*;

use crate::components::view_link::AppLink;
use crate::data::source_name;
use crate::i18n::Msg;
use crate::logic::sources::anchor;
use crate::logic::url_state::View;
use crate::state::{tr, use_app};

/// Links to sources on the Sources view (`?view=sources#source-<id>`), as list items. A plain click opens the
/// Sources view in place and scrolls to the source; the `href` keeps new tabs and copied links working.
pub fn source_links(ids: &'static [&'static str]) -> impl IntoView {
    let app = use_app();
    let to = Signal::derive(move || app.url.with(|u| u.with_view(View::Sources)));
    ids.iter()
        .filter_map(|id| source_name(id))
        .map(move |s| {
            view! { <li><AppLink to=to fragment=anchor(s.id)>{s.publisher}</AppLink></li> }
        })
        .collect_view()
}

/// "Sources:" and the links, the line under a perspective, a concept card or a correction.
pub fn sources_line(ids: &'static [&'static str]) -> impl IntoView {
    view! {
        <div class="claim__sources">
            <span>{tr(Msg::ClaimSourcesLabel)} ": "</span>
            <ul>{source_links(ids)}</ul>
        </div>
    }
}
