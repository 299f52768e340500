//! App-wide state, shared through context as one `Copy` handle (the Leptos book's "signals in context").
//!
//! The URL is the source of truth for what is on screen (book option 1: "the URL as state"), so a reload, a
//! shared link or the back button always shows the same thing. The theme override and the language are the
//! preferences that also live in storage.

pub mod language;
pub mod quiz;
mod theme;

use leptos::prelude::*;

use crate::i18n::{t, Lang, Msg};
use crate::logic::timeline::Filter;
use crate::logic::url_state::{ThemePref, UrlState, View};
use crate::platform::history;

/// Where a change of language stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LanguageStatus {
    #[default]
    Idle,
    Loading(Lang),
    Failed(Lang),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub url: RwSignal<UrlState>,
    // Slices of the URL as memos, so a change to one key (a filter, an open event) re-runs only what reads
    // that key, not every view and text that reads any part of the URL.
    /// The language shown: set only once its pack has loaded (see `choose_language`).
    lang: RwSignal<Lang>,
    /// A language being loaded, or one that could not be (the menu says which).
    pub language_status: RwSignal<LanguageStatus>,
    view: Memo<View>,
    filter: Memo<Filter>,
    theme: RwSignal<ThemePref>,
    system_dark: RwSignal<bool>,
    /// Canvases redraw when this changes, so charts stay crisp after zooming or moving screens.
    pub device_pixel_ratio: RwSignal<f64>,
}

impl AppState {
    /// Reads the address bar and stored preferences. Called once, by `App`.
    pub fn from_browser() -> Self {
        let url = UrlState::parse(&history::current_query());
        let theme = theme::initial(url.theme);
        let system_dark = RwSignal::new(false);
        system_dark.set(crate::platform::document::watch_prefers_dark(move |dark| {
            system_dark.set(dark)
        }));
        let url = RwSignal::new(url);
        let device_pixel_ratio = RwSignal::new(1.0);
        device_pixel_ratio.set(crate::platform::document::watch_device_pixel_ratio(std::rc::Rc::new(
            move |dpr| device_pixel_ratio.set(dpr),
        )));
        Self {
            url,
            lang: RwSignal::new(crate::i18n::pack::active()),
            // The page asked for a language whose pack did not load (`start` tried): the menu says so.
            language_status: RwSignal::new(match language::initial() {
                wanted if wanted != crate::i18n::pack::active() => LanguageStatus::Failed(wanted),
                _ => LanguageStatus::Idle,
            }),
            view: Memo::new(move |_| url.with(|u| u.view)),
            filter: Memo::new(move |_| {
                url.with(|u| Filter {
                    themes: u.themes,
                    region: u.region,
                    stance: u.stance,
                })
            }),
            theme: RwSignal::new(theme),
            system_dark,
            device_pixel_ratio,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn view(&self) -> View {
        self.view.get()
    }

    pub fn embedded(&self) -> bool {
        self.url.with_untracked(|u| u.embed)
    }

    /// Opens any state at a specific spot (`#source-…`), as one history entry.
    pub fn navigate_to(&self, next: UrlState, fragment: &str) {
        self.url.set(next.clone());
        history::push_with_fragment(&next, fragment);
        let id = fragment.to_string();
        request_animation_frame(move || crate::platform::document::reveal_id(&id));
    }

    /// Opens any state as a new history entry (a link from one view to a spot in another).
    pub fn go(&self, next: UrlState) {
        // Following a link to where the reader already is adds no history entry.
        if self.url.with_untracked(|u| *u != next) {
            self.url.set(next);
            self.url.with_untracked(history::push);
        }
        request_animation_frame(crate::platform::document::focus_heading);
    }

    /// Timeline filters, derived from the URL so a reload or shared link shows the same selection.
    pub fn filter(&self) -> Filter {
        self.filter.get()
    }

    /// Refining the current view replaces the history entry rather than adding one per click.
    pub fn set_filter(&self, filter: Filter) {
        self.url.update(|u| {
            u.themes = filter.themes;
            u.region = filter.region;
            u.stance = filter.stance;
        });
        self.url.with_untracked(history::replace);
    }

    /// Opening an event is a history entry (Back closes it); closing replaces it.
    pub fn open_event(&self, id: Option<&str>) {
        let opening = id.is_some();
        self.url.update(|u| u.event = id.map(str::to_string));
        if opening {
            self.url.with_untracked(history::push);
        } else {
            self.url.with_untracked(history::replace);
        }
    }

    /// Back/forward: the address bar changed under us, so read it again.
    pub fn sync_from_address_bar(&self) {
        let url = UrlState::parse(&history::current_query());
        let asked = url.lang;
        self.url.set(url);
        if let Some(lang) = asked.filter(|l| *l != self.lang.get_untracked()) {
            self.show_language(lang, false);
        }
    }

    /// The reader chose a language: shown once its pack has loaded, remembered on this device, and kept in the
    /// address bar (so a reload or a shared link shows it). Nothing else changes: the view, its filters and a
    /// quiz in progress stay as they are.
    pub fn choose_language(&self, lang: Lang) {
        self.show_language(lang, true);
    }

    fn show_language(&self, lang: Lang, chosen: bool) {
        let app = *self;
        app.language_status.set(LanguageStatus::Loading(lang));
        leptos::task::spawn_local(async move {
            if !language::load(lang).await {
                app.language_status.set(LanguageStatus::Failed(lang));
                return;
            }
            crate::i18n::pack::activate(lang);
            if chosen {
                language::remember(lang);
                app.url.update(|u| u.lang = Some(lang));
                app.url.with_untracked(history::replace);
            }
            app.language_status.set(LanguageStatus::Idle);
            app.lang.set(lang);
        });
    }

    pub fn is_dark(&self) -> bool {
        match self.theme.get() {
            ThemePref::Auto => self.system_dark.get(),
            ThemePref::Light => false,
            ThemePref::Dark => true,
        }
    }

    /// The value for `<html data-theme>`: only set when the user overrides the device setting.
    pub fn theme_override(&self) -> Option<&'static str> {
        match self.theme.get() {
            ThemePref::Auto => None,
            ThemePref::Light => Some("light"),
            ThemePref::Dark => Some("dark"),
        }
    }

    /// Switches to the opposite of what is shown now, remembers it, and keeps an explicit `theme=` in the
    /// address bar truthful so a reload does not flip it back.
    pub fn toggle_theme(&self) {
        let next = if self.is_dark() {
            ThemePref::Light
        } else {
            ThemePref::Dark
        };
        self.theme.set(next);
        theme::remember(next);
        if self.url.with_untracked(|u| u.theme != ThemePref::Auto) {
            self.url.update(|u| u.theme = next);
            self.url.with_untracked(history::replace);
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The text of `msg` in the current language, as a plain string.
///
/// Not reactive on purpose: the shell re-renders as a whole when the language changes (see `App`), so the
/// hundreds of text nodes in a view can be static instead of each carrying its own effect. That keeps
/// rendering the timeline inside one frame and the WASM smaller.
pub fn tr(msg: Msg) -> &'static str {
    t(lang(), msg)
}

/// The current language, read without subscribing (see `tr`).
pub fn lang() -> Lang {
    use_app().lang.get_untracked()
}
