//! Reverse Wave: a classroom resource on reverse cultural imperialism.
//!
//! Layout: `data/` is the compiled-in dataset; `logic/` and `i18n/` are pure and natively tested; `platform/` is the browser edge; `state/` holds
//! the shared reactive state; `components/` and `views/` are the UI.

pub mod app;
pub mod components;
pub mod data;
pub mod draw;
pub mod i18n;
pub mod logic;
pub mod platform;
pub mod state;
pub mod views;

pub use app::App;

/// Starts the app in the browser: panic overlay first, so even a failure during mount is shown kindly.
pub fn start() {
    platform::panic::install();
    #[cfg(feature = "drill")]
    platform::panic::arm_drill();
    leptos::mount::mount_to_body(App);
    platform::document::mark_started();
}
