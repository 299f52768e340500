use leptos::prelude::*;

use crate::data::model::{ClaimTexts, Text};
use crate::i18n::Msg;
use crate::state::tr;

/// The article's value struck through beside the verified one: how it was wrong, not just that it was.
pub fn correction(said: Text<ClaimTexts>, actual: Text<ClaimTexts>) -> impl IntoView {
    view! {
        <dl class="claim__values">
            <div class="claim__value claim__value--old">
                <dt>{tr(Msg::ClaimWas)}</dt>
                <dd>{said.get()}</dd>
            </div>
            <div class="claim__value claim__value--new">
                <dt>{tr(Msg::ClaimActually)}</dt>
                <dd>{actual.get()}</dd>
            </div>
        </dl>
    }
}
