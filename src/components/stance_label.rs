use leptos::prelude::*;

use crate::data::model::Stance;
use crate::i18n::{Label, Msg};
use crate::state::tr;

/// A small label saying how an item bears on the claim: for it, against it, or context. The words carry the
/// meaning; the colour and symbol only repeat them.
pub fn stance_label(stance: Stance) -> impl IntoView {
    let (class, symbol) = match stance {
        Stance::Supports => ("stance stance--supports", "▲"),
        Stance::Challenges => ("stance stance--challenges", "▼"),
        Stance::Context => ("stance stance--context", "●"),
    };
    view! {
        <span class=class>
            <span class="visually-hidden">{tr(Msg::StanceLabel)} " "</span>
            <span aria-hidden="true">{symbol} " "</span>
            {tr(stance.label())}
        </span>
    }
}
