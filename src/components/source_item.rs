use leptos::prelude::*;

use crate::data::model::Source;
use crate::i18n::{format_date, tp, Msg};
use crate::logic::sources::{anchor, citations, Citation};
use crate::state::{lang, tr};

/// One source with a stable anchor (`#source-<id>`) and what it supports, folded away until asked for.
#[component]
pub fn SourceItem(source: &'static Source) -> impl IntoView {
    let uses = citations(source.id);
    let count = uses.len() as u64;
    let date = source.date.map(|d| format!(" · {}", format_date(lang(), &d)));
    let uses = uses
        .into_iter()
        .map(|c| {
            let (tag, text) = match c {
                Citation::Fact(f) => (Msg::CitedByFact, f.statement),
                Citation::Event(e) => (Msg::CitedByEvent, e.title),
                Citation::Chart(k) => (Msg::CitedByChart, k.title),
                Citation::Question(q) => (Msg::CitedByQuestion, q.prompt),
            };
            view! {
                <li>
                    <span class="tag">{tr(tag)}</span>
                    " "
                    {text}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="source" id=anchor(source.id) tabindex="-1">
            <p class="source__title">
                {match source.url {
                    Some(url) => view! {
                        <a href=url target="_blank" rel="noopener noreferrer">
                            {source.title}
                            <span class="visually-hidden">" " {tr(Msg::NewTabHint)}</span>
                        </a>
                    }.into_any(),
                    None => view! { <span>{source.title}</span> }.into_any(),
                }}
            </p>
            <p class="source__meta">
                {source.publisher}
                {date}
            </p>
            {source.note.map(|n| view! { <p class="source__note">{n}</p> })}
            <details class="source__uses">
                <summary>{tp(lang(), Msg::SupportsCount, count, &[])}</summary>
                <ul>{uses}</ul>
            </details>
        </li>
    }
}
