//! Inline SVG icons: no icon font or image request, and they inherit `currentColor` in both themes.
//! Decorative only (`aria-hidden`): every icon sits next to a text label.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    Wave,
    Home,
    Timeline,
    Compare,
    Quiz,
    Sources,
    Scales,
    Moon,
    Arrow,
    Check,
    Cross,
    External,
    Up,
    Down,
    Grip,
    Clock,
    Code,
    Globe,
}

impl IconKind {
    fn path(self) -> &'static str {
        match self {
            IconKind::Wave => "M2 14c2.5-5 5.5-5 8 0s5.5 5 8 0c1-2 2.5-3 4-3M2 19c2.5-3 5.5-3 8 0s5.5 3 8 0",
            IconKind::Home => "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z",
            IconKind::Timeline => "M2 12h20M6 8v8M12 5v14M18 9v6",
            IconKind::Compare => "M3 21h18M7 17v-6M12 17V5M17 17v-9",
            IconKind::Quiz => {
                "M22 12a10 10 0 1 1-20 0a10 10 0 1 1 20 0zM9.2 9.2a3 3 0 0 1 5.8.8c0 2-3 2.6-3 4.5M12 17.5v.5"
            }
            IconKind::Sources => "M4 19V5a2 2 0 0 1 2-2h14v15H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h14v-4M8 7h8M8 11h6",
            IconKind::Scales => "M12 3v18M7 21h10M4 7h16M7 7l-3 7a3 3 0 0 0 6 0zM17 7l-3 7a3 3 0 0 0 6 0z",
            IconKind::Moon => "M20.5 14.5A8.5 8.5 0 1 1 9.5 3.5a7 7 0 0 0 11 11z",
            IconKind::Arrow => "M5 12h14M13 6l6 6-6 6",
            IconKind::Check => "M4 12.5l5 5L20 6.5",
            IconKind::Cross => "M6 6l12 12M18 6L6 18",
            IconKind::Up => "M12 19V5M6 11l6-6 6 6",
            IconKind::Down => "M12 5v14M6 13l6 6 6-6",
            IconKind::Grip => "M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01",
            IconKind::Code => "M8 7l-5 5 5 5M16 7l5 5-5 5",
            IconKind::Globe => "M21 12a9 9 0 1 1-18 0a9 9 0 1 1 18 0zM3.5 9h17M3.5 15h17M12 3c-3 3.5-3 14.5 0 18M12 3c3 3.5 3 14.5 0 18",
            IconKind::Clock => "M21 12a9 9 0 1 1-18 0a9 9 0 1 1 18 0zM12 7v5l3 2",
            IconKind::External => "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
        }
    }
}

/// A plain function rather than a component: icons are leaves rendered dozens of times per view, and a
/// component boundary costs measurable time per instance in the timeline's render budget.
pub fn icon(kind: IconKind) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d=kind.path()></path>
        </svg>
    }
}
