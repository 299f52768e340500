use std::cell::Cell;

use leptos::prelude::*;

use crate::data::term;
use crate::i18n::Msg;
use crate::logic::glossary::{plain, segments, Segment};
use crate::state::tr;

thread_local! {
    /// Gives each definition on the page its own id, however often a term appears.
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A data text with its glossary terms as buttons. Pressing one (tap, click, Enter or Space) shows the
/// definition right after the words, and pressing again hides it: no hover, so it works on phones, and
/// nothing covers the text. Texts without marks render as plain text with no extra nodes.
pub fn glossary_text(text: &'static str) -> impl IntoView {
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t.into_any(),
            Segment::Term { words, id } => match term(id) {
                Some(t) => view! { <GlossaryTerm words=words definition=t.definition.get() /> }.into_any(),
                None => words.into_any(),
            },
        })
        .collect_view()
}

#[component]
fn GlossaryTerm(words: &'static str, definition: &'static str) -> impl IntoView {
    let open = RwSignal::new(false);
    let id = NEXT.with(|n| {
        n.set(n.get() + 1);
        format!("term-def-{}", n.get())
    });
    let close_id = id.clone();
    view! {
        <button type="button" class="term" aria-expanded=move || open.get().to_string() aria-controls=id.clone()
            on:click=move |_| open.update(|o| *o = !*o)>
            {words}
        </button>
        <span class="term-def" id=close_id role="note" hidden=move || !open.get()>
            <strong>{words} ": "</strong>
            {plain(definition)}
            " "
            <button type="button" class="button term-def__close" on:click=move |_| open.set(false)>
                {tr(Msg::GlossaryClose)}
            </button>
        </span>
    }
}
