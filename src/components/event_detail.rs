use leptos::prelude::*;

use crate::components::correction::correction;
use crate::components::glossary_text::glossary_text;
use crate::components::source_links::source_links;
use crate::components::stance_label::stance_label;
use crate::components::view_link::AppLink;
use crate::data::model::{Event, Verdict};
use crate::data::{fact, COMPARISONS};
use crate::i18n::{format_date, format_period, tf, Label, Msg};
use crate::platform::document;
use crate::state::{lang, tr, use_app};

/// An event opened in place: what happened, the figures behind it (with their charts), where the article
/// got it wrong, and the sources.
#[component]
pub fn EventDetail(event: &'static Event) -> impl IntoView {
    let app = use_app();
    let e = event;
    let facts: Vec<_> = e.facts.iter().filter_map(|id| fact(id)).collect();
    let corrections = facts
        .iter()
        .filter(|f| f.verdict == Verdict::Corrected)
        .filter_map(|f| Some((f.article_said?, f.actual?)))
        .map(|(said, actual)| correction(said, actual))
        .collect_view();
    let figures = facts
        .iter()
        .filter(|f| f.verdict == Verdict::Confirmed || f.claim.is_none())
        .map(|f| {
            let chart = COMPARISONS.iter().find(|c| c.facts.contains(&f.id));
            let link = chart.map(|c| {
                let to = Signal::derive(move || app.url.with(|u| u.with_chart(c.id)));
                view! { " " <AppLink to=to>{tr(Msg::EventSeeChart)}</AppLink> }
            });
            view! { <li>{glossary_text(f.statement.get())}{link}</li> }
        })
        .collect::<Vec<_>>();
    let sources = source_links(e.sources);
    let close = move |_| {
        app.open_event(None);
        document::focus_event_row(e.id);
    };
    let has_figures = !figures.is_empty();
    view! {
        <section class="event-detail" id=format!("event-detail-{}", e.id)
            aria-labelledby=format!("event-title-{}", e.id) tabindex="-1">
            // The row above already shows the title, date and theme; the heading is for screen readers.
            <h3 class="visually-hidden" id=format!("event-title-{}", e.id)>
                {e.title.get()} ", " {format_date(lang(), &e.date)}
            </h3>
            <p class="event-detail__meta">
                {tr(e.region.label())}
                " "
                {stance_label(e.stance)}
                {e.about.map(|period| view! {
                    " · " {tf(lang(), Msg::EventAbout, &[("period", &format_period(lang(), &period))])}
                })}
            </p>
            <p>{glossary_text(e.summary.get())}</p>
            {corrections}
            {has_figures.then(|| view! {
                <h4 class="event-detail__label">{tr(Msg::EventFigures)}</h4>
                <ul class="event-detail__figures">{figures}</ul>
            })}
            <h4 class="event-detail__label">{tr(Msg::EventSources)}</h4>
            <ul class="event-detail__sources">{sources}</ul>
            <button type="button" class="button" on:click=close>{tr(Msg::EventClose)}</button>
        </section>
    }
}
