use leptos::prelude::*;

use crate::data::model::{Source, SourceKind};
use crate::i18n::{format_date, tp, Label, Msg};
use crate::logic::glossary::plain;
use crate::logic::sources::{anchor, citations, Citation};
use crate::state::{lang, tr};

/// One source with a stable anchor (`#source-<id>`), its kind beside it (interested parties stand out), and
/// what it supports, folded away until asked for.
#[component]
pub fn SourceItem(source: &'static Source) -> impl IntoView {
    let uses = citations(source.id);
    let count = uses.len() as u64;
    let date = source.date.map(|d| format!(" · {}", format_date(lang(), &d)));
    let uses = uses
        .into_iter()
        .map(|c| {
            let (tag, text) = match c {
                Citation::Fact(f) => (Msg::CitedByFact, plain(f.statement.get())),
                Citation::Event(e) => (Msg::CitedByEvent, e.title.get().to_string()),
                Citation::Chart(k) => (Msg::CitedByChart, k.title.get().to_string()),
                Citation::Question(q) => (Msg::CitedByQuestion, plain(q.prompt.get())),
                Citation::Correction(k) => (Msg::CorrectionsHeading, k.now.get().to_string()),
                Citation::Perspective(p) => (Msg::NavPerspectives, p.title.get().to_string()),
                Citation::Term(t) => (Msg::GlossaryHeading, t.term.get().to_string()),
                Citation::Essay(e) => (Msg::TeachEssaysHeading, plain(e.text.get())),
                Citation::Activity(a) => (Msg::TeachActivityHeading, a.title.get().to_string()),
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
                <span class=kind_class(source.kind)>
                    <span class="visually-hidden">{tr(Msg::SourceKindLabel)} " "</span>
                    {tr(source.kind.label())}
                </span>
                " "
                {source.publisher}
                {date}
            </p>
            {source.reference.map(|r| view! { <p class="source__reference">{tr(Msg::SourceReference)} " " {r}</p> })}
            {source.note.map(|n| view! { <p class="source__note">{n.get()}</p> })}
            <details class="source__uses">
                <summary>{tp(lang(), Msg::SupportsCount, count, &[])}</summary>
                <ul>{uses}</ul>
            </details>
        </li>
    }
}

fn kind_class(kind: SourceKind) -> String {
    format!("source-kind source-kind--{}", kind.id())
}
