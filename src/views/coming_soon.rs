use leptos::prelude::*;

use crate::components::view_link::ViewLink;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

/// Placeholder for a view that is not built yet: says so plainly and offers a way back.
#[component]
pub fn ComingSoon(title: Msg) -> impl IntoView {
    view! {
        <div class="page">
            <h1 tabindex="-1">{tr(title)}</h1>
            <section class="panel coming-soon" aria-labelledby="coming-soon-heading">
                <h2 id="coming-soon-heading">{tr(Msg::ComingSoonHeading)}</h2>
                <p>{tr(Msg::ComingSoonBody)}</p>
                <ViewLink view=View::Home class="button button--primary">
                    {tr(Msg::ComingSoonBack)}
                </ViewLink>
            </section>
        </div>
    }
}
