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
///
/// A page that opens in Spanish or Korean loads that language's pack first, while the loading panel is still
/// up, so the reader never sees the app in English for a moment. If it cannot load, the app starts in English
/// and the language menu says so.
///
/// The mount waits until index.html's loading panel (name, introduction) has been painted. On a slow network
/// that has long happened; on a fast one the .wasm can arrive before the first frame, and readers would see
/// nothing until the app had built its first view. Mounting in its own task also splits start-up into two
/// shorter tasks (compiling the .wasm, then building the view), which keeps a slow phone more responsive.
pub fn start() {
    platform::panic::install();
    #[cfg(feature = "drill")]
    platform::panic::arm_drill();
    i18n::use_browser_numbers(platform::intl::format_number);
    let lang = state::language::initial();
    // Leptos's executor starts with the mount, so this first task uses wasm-bindgen's directly.
    let first_view = logic::url_state::UrlState::parse(&platform::history::current_query()).view;
    wasm_bindgen_futures::spawn_local(async move {
        // The first view's part of the app (`views::parts`) downloads beside the language pack. If it cannot
        // be fetched, the view itself says so and offers to try again.
        let (_, _) = futures::future::join(state::language::load(lang), views::parts::load_first(first_view)).await;
        i18n::pack::activate(lang);
        platform::schedule::after_paint_or(std::time::Duration::from_millis(100), || {
            leptos::mount::mount_to_body(App);
            platform::document::mark_started();
            views::parts::load_the_rest();
        });
    });
}
