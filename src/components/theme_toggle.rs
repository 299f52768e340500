use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::i18n::Msg;
use crate::state::{tr, use_app};

/// A toggle button for the dark theme: `aria-pressed` carries its state for screen readers, and the pressed
/// style shows it to everyone else.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let app = use_app();
    let pressed = move || if app.is_dark() { "true" } else { "false" };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=pressed on:click=move |_| app.toggle_theme()>
            {icon(IconKind::Moon)}
            <span class="theme-toggle__label">{tr(Msg::ThemeDark)}</span>
        </button>
    }
}
