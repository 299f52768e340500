use leptos::prelude::*;

use crate::components::correction::correction;
use crate::components::glossary_text::glossary_text;
use crate::components::stance_label::stance_label;
use crate::components::verdict_badge::VerdictBadge;
use crate::data::model::{Fact, Text};
use crate::data::source;
use crate::i18n::Msg;
use crate::logic::sources::anchor;
use crate::state::tr;

/// One of the article's claims next to what the sources say. Corrections show both values side by side:
/// the point is to see *how* it was wrong, not just that it was.
#[component]
pub fn ClaimCard(fact: &'static Fact) -> impl IntoView {
    let heading_id = format!("claim-{}", fact.id);
    let labelled_by = heading_id.clone();
    let class = format!("claim claim--{}", fact.verdict.id());
    let checked_against: Vec<_> = fact
        .sources
        .iter()
        .filter_map(|id| source(id))
        .filter(|s| !s.seed)
        .map(|s| view! { <li><a href=format!("#{}", anchor(s.id))>{s.publisher}</a></li> })
        .collect();
    view! {
        <article class=class aria-labelledby=labelled_by>
            <p class="claim__badges"><VerdictBadge verdict=fact.verdict /> " " {stance_label(fact.stance)}</p>
            <h3 class="claim__label" id=heading_id>{tr(Msg::ClaimArticleSaid)}</h3>
            <p class="claim__said">{fact.claim.map(Text::get)}</p>
            {fact.article_said.zip(fact.actual).map(|(said, actual)| view! {
                {correction(said, actual)}
            })}
            <h4 class="claim__label">{tr(Msg::ClaimSourcesSay)}</h4>
            <p>{glossary_text(fact.statement.get())}</p>
            {fact.note.map(|note| view! { <p class="claim__note">{glossary_text(note.get())}</p> })}
            {(!checked_against.is_empty()).then(|| view! {
                <div class="claim__sources">
                    <span>{tr(Msg::ClaimSourcesLabel)} ": "</span>
                    <ul>{checked_against}</ul>
                </div>
            })}
        </article>
    }
}
