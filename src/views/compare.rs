use leptos::prelude::*;

use crate::components::chart_card::ChartCard;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::data::{comparison, COMPARISONS};
use crate::i18n::Msg;
use crate::platform::document;
use crate::state::{tr, use_app};

/// Every comparison in the dataset; `chart=<id>` brings one into view.
#[component]
pub fn Compare() -> impl IntoView {
    let app = use_app();
    let unknown = move || {
        app.url
            .with(|u| u.chart.as_deref().is_some_and(|id| comparison(id).is_none()))
    };
    if let Some(id) = app
        .url
        .with_untracked(|u| u.chart.clone())
        .filter(|id| comparison(id).is_some())
    {
        request_animation_frame(move || document::reveal_element(&format!("chart-{id}")));
    }
    view! {
        <div class="page compare">
            {page_intro(Msg::CompareTitle, &[Msg::CompareIntro])}
            <PrintButton />
            <Show when=unknown>
                <p class="notice" role="status">{tr(Msg::ChartNotFound)}</p>
            </Show>
            <div class="chart-gallery">
                {COMPARISONS.iter().map(|c| view! { <ChartCard comparison=c /> }).collect_view()}
            </div>
        </div>
    }
}
