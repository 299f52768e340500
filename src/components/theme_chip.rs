use leptos::prelude::*;

use crate::components::icon::{icon, IconKind};
use crate::data::model::Theme;
use crate::logic::timeline::theme_label;
use crate::logic::url_state::UrlValue;
use crate::state::tr;

pub fn theme_icon(t: Theme) -> IconKind {
    match t {
        Theme::Music => IconKind::Music,
        Theme::FilmTv => IconKind::Screen,
        Theme::Language => IconKind::Speech,
        Theme::Politics => IconKind::Landmark,
        Theme::Trade => IconKind::Crate,
    }
}

/// CSS modifier carrying the theme's colour; the icon and word carry the meaning for everyone.
pub fn theme_class(base: &str, t: Theme) -> String {
    format!("{base} theme--{}", t.id())
}

/// A theme shown as icon + word + colour: colour is never the only cue. A function, not a component, for
/// the same reason as `icon`.
pub fn theme_chip(theme: Theme) -> impl IntoView {
    view! {
        <span class=theme_class("theme-chip", theme)>
            {icon(theme_icon(theme))}
            {tr(theme_label(theme))}
        </span>
    }
}
