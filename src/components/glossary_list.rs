use leptos::prelude::*;

use crate::data::TERMS;
use crate::i18n::Msg;
use crate::logic::glossary::plain;
use crate::state::tr;

/// The whole glossary as a definition list, on the Debate page and in the teacher pack. Each term has an
/// anchor (`#term-<id>`), so other pages can link to it.
pub fn glossary_list() -> impl IntoView {
    view! {
        <section aria-labelledby="glossary-heading" class="glossary">
            <h2 id="glossary-heading">{tr(Msg::GlossaryHeading)}</h2>
            <p>{tr(Msg::GlossaryIntro)}</p>
            <dl class="glossary-list">
                {TERMS
                    .iter()
                    .map(|t| view! {
                        <dt id=format!("term-{}", t.id)>{t.term.get()}</dt>
                        <dd>{plain(t.definition.get())}</dd>
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
