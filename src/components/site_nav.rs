use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::components::view_link::ViewLink;
use crate::i18n::Msg;
use crate::logic::url_state::View;
use crate::state::tr;

/// Primary navigation. On phones it is a bottom tab bar, within reach of one thumb; on wide screens a row of
/// tabs under the header (see `style/shell.css`).
#[component]
pub fn SiteNav() -> impl IntoView {
    let items = [
        (View::Home, IconKind::Home, Msg::NavHome),
        (View::Timeline, IconKind::Timeline, Msg::NavTimeline),
        (View::Compare, IconKind::Compare, Msg::NavCompare),
        (View::Quiz, IconKind::Quiz, Msg::NavQuiz),
        (View::Perspectives, IconKind::Scales, Msg::NavPerspectives),
        (View::Sources, IconKind::Sources, Msg::NavSources),
    ];
    view! {
        <nav class="site-nav" aria-label=tr(Msg::NavLabel)>
            <ul class="site-nav__list">
                {items
                    .into_iter()
                    .map(|(view, kind, label)| {
                        view! {
                            <li>
                                <ViewLink view=view class="site-nav__link">
                                    {icon(kind)}
                                    <span>{tr(label)}</span>
                                </ViewLink>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
