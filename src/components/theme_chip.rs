use leptos::{html::span, prelude::*};

use crate::data::model::Theme;
use crate::i18n::Label;
use crate::state::tr;

/// CSS modifier carrying the theme's colour; the icon and word carry the meaning for everyone.
pub fn theme_class(base: &str, t: Theme) -> String {
    format!("{base} theme--{}", t.id())
}

/// A theme shown as icon + word + colour: colour is never the only cue. The icon is drawn by the stylesheet
/// (`.theme--*::before`), and this is a function, not a component: the timeline renders 38 of them.
pub fn theme_chip(theme: Theme) -> impl IntoView {
    // Builder rather than `view!`: no placeholder comment per chip (see `event_list::event_row`).
    span().class(theme_class("theme-chip", theme)).child(tr(theme.label()))
}
