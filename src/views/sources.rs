use leptos::prelude::*;

use crate::components::claim_card::ClaimCard;
use crate::components::page_intro::page_intro;
use crate::components::source_item::SourceItem;
use crate::components::verdict_badge::VerdictBadge;
use crate::data::model::{SourceKind, Verdict};
use crate::i18n::{tp, Msg};
use crate::logic::sources::{claims, grouped_sources, verdict_counts};
use crate::platform::document;
use crate::state::{lang, tr};

/// Every source grouped by kind, and the article's claims checked one by one.
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
    // Deep links such as `?view=sources#source-bea-trade-2022` arrive before this view exists; honour them
    // once it has rendered.
    request_animation_frame(document::reveal_hash_target);

    let legend = [
        (Verdict::Confirmed, Msg::VerdictConfirmedHelp),
        (Verdict::Corrected, Msg::VerdictCorrectedHelp),
        (Verdict::Unverified, Msg::VerdictUnverifiedHelp),
    ];
    view! {
        <div class="page sources">
            {page_intro(Msg::SourcesTitle, &[Msg::SourcesIntro1, Msg::SourcesIntro2])}
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">{tr(Msg::ClaimsHeading)}</h2>
                <p class="claims-summary">{summary}</p>
                <ul class="verdict-legend">
                    {legend
                        .into_iter()
                        .map(|(v, help)| view! { <li><VerdictBadge verdict=v /> " " {tr(help)}</li> })
                        .collect_view()}
                </ul>
                <ol class="claim-list">
                    {claims().map(|f| view! { <li><ClaimCard fact=f /></li> }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">{tr(Msg::SourcesListHeading)}</h2>
                {grouped_sources()
                    .into_iter()
                    .filter(|(_, list)| !list.is_empty())
                    .map(|(kind, list)| {
                        let (title, help, id) = match kind {
                            SourceKind::Article => (Msg::KindArticle, Msg::KindArticleHelp, "sources-article"),
                            SourceKind::Primary => (Msg::KindPrimary, Msg::KindPrimaryHelp, "sources-primary"),
                            SourceKind::Secondary => (Msg::KindSecondary, Msg::KindSecondaryHelp, "sources-secondary"),
                        };
                        view! {
                            <section class="source-group" aria-labelledby=id>
                                <h3 id=id>{tr(title)}</h3>
                                <p class="source-group__help">{tr(help)}</p>
                                <ul class="source-list">
                                    {list.into_iter().map(|s| view! { <SourceItem source=s /> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()}
            </section>
        </div>
    }
}
