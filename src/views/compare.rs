use leptos::prelude::*;

use crate::components::chart_card::ChartCard;
use crate::components::deferred::AfterFirstPaint;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::data::{comparison, COMPARISONS};
use crate::i18n::Msg;
use crate::platform::document;
use crate::state::{tr, use_app};

/// How many charts a phone's first screen can show (the rest are built after it is painted).
const FIRST_SCREEN: usize = 2;

/// Every comparison in the dataset; `chart=<id>` brings one into view.
#[component]
pub fn Compare() -> impl IntoView {
    let app = use_app();
    let unknown = move || {
        app.url
            .with(|u| u.chart.as_deref().is_some_and(|id| comparison(id).is_none()))
    };
    let linked = app
        .url
        .with_untracked(|u| u.chart.clone())
        .filter(|id| comparison(id).is_some());
    // The charts below the first screen come after its first paint (`AfterFirstPaint`), except when the
    // address names one to bring into view: then all are built at once, so it is there to scroll to.
    let first_screen = if linked.is_some() {
        COMPARISONS.len()
    } else {
        FIRST_SCREEN.min(COMPARISONS.len())
    };
    if let Some(id) = linked {
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
                {COMPARISONS[..first_screen].iter().map(|c| view! { <ChartCard comparison=c /> }).collect_view()}
                <AfterFirstPaint>
                    {COMPARISONS[first_screen..].iter().map(|c| view! { <ChartCard comparison=c /> }).collect_view()}
                </AfterFirstPaint>
            </div>
        </div>
    }
}
