use leptos::prelude::*;

use crate::components::glossary_list::glossary_list;
use crate::components::glossary_text::glossary_text;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::components::source_links::sources_line;
use crate::components::stance_label::stance_label;
use crate::components::view_link::AppLink;
use crate::data::model::{Perspective, Term};
use crate::data::{comparison, event, fact, PERSPECTIVES, TERMS};
use crate::i18n::Msg;
use crate::logic::glossary::plain;
use crate::logic::url_state::UrlState;
use crate::platform::document;
use crate::state::{tr, use_app};

/// The other side of the argument: the claim and its strongest evidence, then the views that challenge or
/// limit it, the ideas students are examined on, and the glossary. Everything comes from
/// `data/perspectives.toml` and `data/glossary.toml`; links lead to the evidence in the timeline and charts.
#[component]
pub fn Perspectives() -> impl IntoView {
    // Deep links such as `?view=perspectives#perspective-platform-power` arrive before this view exists.
    request_animation_frame(document::reveal_hash_target);
    let concepts: Vec<&'static Term> = TERMS.iter().filter(|t| t.concept).collect();
    view! {
        <div class="page perspectives">
            {page_intro(Msg::PerspectivesTitle, &[Msg::PerspectivesIntro1, Msg::PerspectivesIntro2])}
            <PrintButton />
            // A list of the sections, not a second `<nav>`: the page has one navigation landmark.
            <div class="perspective-toc">
                <ol>
                    {PERSPECTIVES
                        .iter()
                        .map(|p| view! { <li><a href=format!("#perspective-{}", p.id)>{p.title.get()}</a></li> })
                        .collect_view()}
                </ol>
            </div>
            {PERSPECTIVES.iter().map(perspective).collect_view()}
            <section aria-labelledby="concepts-heading" class="concepts">
                <h2 id="concepts-heading">{tr(Msg::PerspectivesConceptsHeading)}</h2>
                <ul class="concept-list">{concepts.into_iter().map(concept).collect_view()}</ul>
            </section>
            {glossary_list()}
        </div>
    }
}

fn perspective(p: &'static Perspective) -> impl IntoView {
    let heading = format!("perspective-{}-heading", p.id);
    let labelled_by = heading.clone();
    view! {
        <section class=format!("perspective perspective--{}", p.stance.id()) id=format!("perspective-{}", p.id)
            aria-labelledby=labelled_by tabindex="-1">
            <h2 id=heading>{p.title.get()}</h2>
            <p class="perspective__stance">{stance_label(p.stance)}</p>
            <p class="perspective__summary">{glossary_text(p.summary.get())}</p>
            <ul class="perspective__points">
                {p.points.iter().map(|point| view! { <li>{glossary_text(point.get())}</li> }).collect_view()}
            </ul>
            {evidence(p)}
            {sources_line(p.sources)}
        </section>
    }
}

/// Links to the events, facts' charts and charts this perspective rests on, in the app's own views.
fn evidence(p: &'static Perspective) -> Option<impl IntoView> {
    let app = use_app();
    let link = move |text: &'static str, to: Signal<UrlState>| view! { <li><AppLink to=to>{text}</AppLink></li> };
    let events = p.events.iter().filter_map(|id| event(id)).map(|e| {
        link(
            e.title.get(),
            Signal::derive(move || app.url.with(|u| u.with_event(e.id))),
        )
    });
    // A fact is reached through the chart that shows it, or the event that cites it.
    let fact_charts = p
        .facts
        .iter()
        .filter_map(|id| fact(id))
        .filter_map(|f| crate::data::COMPARISONS.iter().find(|c| c.facts.contains(&f.id)));
    let charts = p
        .charts
        .iter()
        .filter_map(|id| comparison(id))
        .chain(fact_charts)
        .fold(
            Vec::new(),
            |mut seen: Vec<&'static crate::data::model::Comparison>, c| {
                if !seen.iter().any(|s| s.id == c.id) {
                    seen.push(c);
                }
                seen
            },
        )
        .into_iter()
        .map(|c| {
            link(
                c.title.get(),
                Signal::derive(move || app.url.with(|u| u.with_chart(c.id))),
            )
        });
    let items: Vec<_> = events.chain(charts).collect();
    (!items.is_empty()).then(|| {
        view! {
            <div class="perspective__evidence">
                <h3>{tr(Msg::PerspectivesEvidence)}</h3>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn concept(t: &'static Term) -> impl IntoView {
    view! {
        <li class="concept" id=format!("concept-{}", t.id)>
            <h3>{t.term.get()}</h3>
            <p>{plain(t.definition.get())}</p>
            {t.origin.map(|o| view! { <p class="concept__origin"><strong>{tr(Msg::ConceptOrigin)} ": "</strong>{o.get()}</p> })}
            {sources_line(t.sources)}
        </li>
    }
}
