use leptos::prelude::*;

use crate::i18n::Msg;
use crate::platform::document;
use crate::state::tr;

/// "Print", on the views that make a handout. The print stylesheet (`style/print.css`) decides what the paper
/// shows; this only opens the dialog. It is hidden on paper, like every button.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button type="button" class="button print-button" on:click=|_| document::print()>
            {tr(Msg::PrintButton)}
        </button>
    }
}
