use leptos::prelude::*;

use crate::components::claim_card::ClaimCard;
use crate::components::deferred::AfterFirstPaint;
use crate::components::page_intro::page_intro;
use crate::components::print_button::PrintButton;
use crate::components::source_item::SourceItem;
use crate::components::verdict_badge::VerdictBadge;
use crate::data::model::Verdict;
use crate::data::CORRECTIONS;
use crate::i18n::{format_date, tf, tp, Help, Label, Msg};
use crate::logic::sources::{claims, grouped_sources, verdict_counts, SourceGroup};
use crate::state::{lang, tr};

/// The article's claims checked one by one, the mistakes this app itself made and corrected, and every
/// source grouped by kind.
#[component]
pub fn Sources() -> impl IntoView {
    let counts = verdict_counts(claims());
    let summary = {
        let n = |v: u64| v.to_string();
        tp(
            lang(),
            Msg::ClaimsSummary,
            counts.total(),
            &[
                ("confirmed", &n(counts.confirmed)),
                ("corrected", &n(counts.corrected)),
                ("unverified", &n(counts.unverified)),
            ],
        )
    };
    // Deep links such as `?view=sources#source-bea-trade-2022` arrive before this view exists: the parts built
    // after the first paint follow them (`AfterFirstPaint`).

    let legend = [
        (Verdict::Confirmed, Msg::VerdictConfirmedHelp),
        (Verdict::Corrected, Msg::VerdictCorrectedHelp),
        (Verdict::Unverified, Msg::VerdictUnverifiedHelp),
    ];
    view! {
        <div class="page sources">
            {page_intro(Msg::SourcesTitle, &[Msg::SourcesIntro1, Msg::SourcesIntro2])}
            <PrintButton />
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">{tr(Msg::ClaimsHeading)}</h2>
                <p class="claims-summary">{summary}</p>
                <ul class="verdict-legend">
                    {legend
                        .into_iter()
                        .map(|(v, help)| view! { <li><VerdictBadge verdict=v /> " " {tr(help)}</li> })
                        .collect_view()}
                </ul>
                // Below a phone's first screen: nearly all of the page's 3,400 elements (bench/levers.md).
                <AfterFirstPaint>
                    <ol class="claim-list">
                        {claims().map(|f| view! { <li><ClaimCard fact=f /></li> }).collect_view()}
                    </ol>
                </AfterFirstPaint>
            </section>
            <AfterFirstPaint>
                {(!CORRECTIONS.is_empty()).then(corrections)}
                <section aria-labelledby="sources-heading">
                    <h2 id="sources-heading">{tr(Msg::SourcesListHeading)}</h2>
                    {grouped_sources()
                        .into_iter()
                        .map(|(group, list)| {
                            let (title, help, id) = match group {
                                SourceGroup::Seed => (Msg::SeedArticle, None, "sources-seed".to_string()),
                                SourceGroup::Kind(k) => (k.label(), Some(k.help()), format!("sources-{}", k.id())),
                            };
                            let labelled_by = id.clone();
                            view! {
                                <section class="source-group" aria-labelledby=labelled_by>
                                    <h3 id=id>{tr(title)}</h3>
                                    {help.map(|h| view! { <p class="source-group__help">{tr(h)}</p> })}
                                    <ul class="source-list">
                                        {list.into_iter().map(|s| view! { <SourceItem source=s /> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()}
                </section>
            </AfterFirstPaint>
        </div>
    }
}

/// What this app got wrong before, and what is right: a correction is a teaching moment too.
fn corrections() -> impl IntoView {
    view! {
        <section aria-labelledby="corrections-heading" class="corrections">
            <h2 id="corrections-heading">{tr(Msg::CorrectionsHeading)}</h2>
            <p>{tr(Msg::CorrectionsIntro)}</p>
            <ul class="correction-list">
                {CORRECTIONS
                    .iter()
                    .map(|c| view! {
                        <li class="app-correction" id=format!("correction-{}", c.id)>
                            <p class="app-correction__date">
                                {tf(lang(), Msg::CorrectionDate, &[("date", &format_date(lang(), &c.date))])}
                            </p>
                            <dl>
                                <dt>{tr(Msg::CorrectionWas)}</dt>
                                <dd class="app-correction__was">{c.was.get()}</dd>
                                <dt>{tr(Msg::CorrectionNow)}</dt>
                                <dd class="app-correction__now">{c.now.get()}</dd>
                            </dl>
                            {crate::components::source_links::sources_line(c.sources)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
