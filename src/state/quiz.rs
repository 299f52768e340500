//! The quiz in progress, shared by the quiz components through context, and kept in step with storage and
//! the address bar.
//!
//! Storage is written after every change, so a reload (or a phone killing the tab) resumes at the same
//! screen. When storage is unavailable everything still works in memory; the start screen says so.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::Msg;
use crate::logic::quiz::config::MAX_SEED;
use crate::logic::quiz::save::{self, Rejected, STORAGE_KEY};
use crate::logic::quiz::{QuizConfig, Response, Session};
use crate::platform::{embed, history, storage};
use crate::state::{tr, AppState};

#[derive(Clone, Copy)]
pub struct QuizState {
    app: AppState,
    pub session: RwSignal<Option<Session>>,
    /// A saved quiz that differs from the class link being opened: offered, not forced.
    pub unfinished: RwSignal<Option<Session>>,
    /// Why a saved quiz was dropped, shown once on the start screen.
    pub notice: RwSignal<Option<Msg>>,
    /// Read by screen readers after each answer (an `aria-live` region that stays on the page).
    pub announcement: RwSignal<String>,
    pub storage_ok: bool,
    /// A save failed after storage had worked (a full quota, usually). The previous save is left as it was,
    /// so a reload still finds the last progress that was stored; the page says so instead of failing quietly.
    pub save_failed: RwSignal<bool>,
    /// The page was opened from a class link (`seed=` in the address): the start screen shows that quiz
    /// rather than the settings, until the student chooses their own.
    pub class_link_mode: RwSignal<bool>,
}

impl QuizState {
    /// Reads the saved quiz and decides what the quiz view opens on: the saved quiz when it is the one the
    /// address asks for (or the address asks for none), else the start screen.
    pub fn load(app: AppState) -> Self {
        let url_seed = app.url.with_untracked(|u| u.seed);
        let state = Self {
            app,
            session: RwSignal::new(None),
            unfinished: RwSignal::new(None),
            notice: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            storage_ok: storage::available(),
            save_failed: RwSignal::new(false),
            class_link_mode: RwSignal::new(url_seed.is_some()),
        };
        let saved = MEMORY.with_borrow(Clone::clone).or_else(|| storage::get(STORAGE_KEY));
        match saved.map(|blob| save::decode(&blob)) {
            Some(Ok(saved)) if url_seed.is_none() || saved.config == state.url_config() => {
                state.show_config(saved.config);
                state.session.set(Some(saved));
            }
            Some(Ok(saved)) => state.unfinished.set((!saved.is_finished()).then_some(saved)),
            Some(Err(why)) => {
                state.persist(None);
                state.notice.set(Some(match why {
                    Rejected::Version => Msg::QuizSaveNewer,
                    Rejected::Corrupt => Msg::QuizSaveDiscarded,
                }));
            }
            None => {}
        }
        state
    }

    /// The quiz the address bar describes; without a seed, a fresh random one (kept once a quiz starts).
    pub fn url_config(&self) -> QuizConfig {
        self.app.url.with_untracked(|u| QuizConfig::from_url(u, random_seed))
    }

    /// Puts a quiz's settings in the address bar, so the link on screen always reproduces the quiz.
    pub fn show_config(&self, c: QuizConfig) {
        self.app.url.update(|u| {
            u.seed = Some(c.seed);
            u.len = c.len;
            u.level = c.level;
            u.timer = c.timer;
            u.bank = Some(c.edition);
        });
        self.app.url.with_untracked(history::replace);
    }

    pub fn start(&self, config: QuizConfig) {
        self.show_config(config);
        self.begin(Session::new(config));
    }

    pub fn resume_unfinished(&self) {
        if let Some(saved) = self.unfinished.get_untracked() {
            self.show_config(saved.config);
            self.begin(saved);
        }
    }

    fn begin(&self, session: Session) {
        self.unfinished.set(None);
        self.notice.set(None);
        self.announcement.set(String::new());
        self.persist(Some(&session));
        self.session.set(Some(session));
    }

    /// Records an answer once; a second tap, or a timer firing after a tap, is ignored by the session.
    pub fn answer(&self, response: Response, announce: impl FnOnce(&Session) -> String) {
        let mut accepted = false;
        self.session.update(|s| {
            if let Some(s) = s {
                accepted = s.answer(response);
            }
        });
        if accepted {
            self.session.with_untracked(|s| {
                if let Some(s) = s {
                    self.persist(Some(s));
                    self.announcement.set(announce(s));
                }
            });
        }
    }

    pub fn next(&self) {
        self.session.update(|s| {
            if let Some(s) = s {
                s.next();
            }
        });
        self.session.with_untracked(|s| {
            self.persist(s.as_ref());
            if let Some(s) = s.as_ref().filter(|s| s.is_finished()) {
                self.report_to_host(s);
            }
        });
    }

    pub fn retry_missed(&self) {
        if let Some(retry) = self
            .session
            .with_untracked(|s| s.as_ref().and_then(Session::retry_missed))
        {
            self.begin(retry);
        }
    }

    /// Back to the start screen with a new seed: the finished quiz is forgotten.
    pub fn new_quiz(&self) {
        self.class_link_mode.set(false);
        self.persist(None);
        self.session.set(None);
        self.app.url.update(|u| {
            u.seed = None;
            u.bank = None;
        });
        self.app.url.with_untracked(history::replace);
    }

    /// Saves to memory always (so leaving the quiz for the timeline and coming back keeps it, even where
    /// storage is blocked) and to storage when it works (so a reload keeps it too).
    fn persist(&self, session: Option<&Session>) {
        let blob = session.map(save::encode);
        if self.storage_ok {
            match &blob {
                Some(b) => {
                    if !storage::set(STORAGE_KEY, b) {
                        self.save_failed.set(true);
                    }
                }
                None => storage::remove(STORAGE_KEY),
            }
        }
        MEMORY.set(blob);
    }

    /// In an embed, tells the host page the result so a learning platform can record it (see README).
    fn report_to_host(&self, s: &Session) {
        if !self.app.embedded() {
            return;
        }
        let ids = js_sys::Array::new();
        for q in s.questions() {
            ids.push(&JsValue::from_str(q.id));
        }
        let c = s.config;
        embed::post_to_parent(&[
            ("type", JsValue::from_str("reverse-wave:quiz-complete")),
            ("score", JsValue::from(s.score())),
            ("max", JsValue::from(s.max_score())),
            ("seed", JsValue::from(c.seed)),
            ("len", JsValue::from(s.len() as u32)),
            ("bank", JsValue::from(c.edition)),
            ("questionIds", ids.into()),
        ]);
    }

    /// The link that gives the whole class this quiz: full address, never in embed mode.
    pub fn class_link(&self, config: QuizConfig) -> String {
        let state = self.app.url.with_untracked(|u| {
            let mut s = u.with_view(crate::logic::url_state::View::Quiz);
            s.embed = false;
            s.seed = Some(config.seed);
            s.len = config.len;
            s.level = config.level;
            s.timer = config.timer;
            s.bank = Some(config.edition);
            s
        });
        format!("{}?{}", crate::platform::share::page_base(), state.to_query())
    }

    pub fn share_text(&self) -> String {
        self.session.with_untracked(|s| {
            let (score, max) = s.as_ref().map_or((0, 0), |s| (s.score(), s.max_score()));
            crate::i18n::tf(
                crate::state::lang(),
                Msg::QuizShareText,
                &[("score", &score.to_string()), ("max", &max.to_string())],
            )
        })
    }

    pub fn app_name(&self) -> &'static str {
        tr(Msg::AppName)
    }

    /// Start-screen choices go straight into the address bar (replacing the entry), like timeline filters.
    pub fn choose(&self, change: impl FnOnce(&mut crate::logic::url_state::UrlState)) {
        self.app.url.update(change);
        self.app.url.with_untracked(history::replace);
    }
}

thread_local! {
    /// The latest save, for this page's lifetime: the quiz view is rebuilt on every visit to it.
    static MEMORY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Whether a saved quiz is there for the quiz view to open on (see [`QuizState::load`]; it may still choose the
/// start screen, when the address asks for another quiz).
pub fn has_saved_quiz() -> bool {
    MEMORY.with_borrow(Option::is_some) || storage::get(STORAGE_KEY).is_some()
}

/// A fresh seed for a new quiz or worksheet.
pub fn random_seed() -> u32 {
    (js_sys::Math::random() * f64::from(MAX_SEED)) as u32 % MAX_SEED + 1
}

pub fn use_quiz() -> QuizState {
    expect_context::<QuizState>()
}
