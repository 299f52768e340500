use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::data::model::Verdict;
use crate::i18n::Msg;
use crate::state::tr;

pub fn verdict_label(v: Verdict) -> Msg {
    match v {
        Verdict::Confirmed => Msg::VerdictConfirmed,
        Verdict::Corrected => Msg::VerdictCorrected,
        Verdict::Unverified => Msg::VerdictUnverified,
    }
}

/// A verdict as icon + word + colour, so colour is never the only cue.
#[component]
pub fn VerdictBadge(verdict: Verdict) -> impl IntoView {
    let (class, kind) = match verdict {
        Verdict::Confirmed => ("verdict verdict--confirmed", IconKind::Check),
        Verdict::Corrected => ("verdict verdict--corrected", IconKind::Cross),
        Verdict::Unverified => ("verdict verdict--unverified", IconKind::Quiz),
    };
    view! {
        <span class=class>
            {icon(kind)}
            {tr(verdict_label(verdict))}
        </span>
    }
}
