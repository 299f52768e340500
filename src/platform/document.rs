//! Document-level attributes the app keeps in sync: title, `<html lang>`, the theme override, and the boot
//! hand-over from the static loading panel in `index.html`.

use wasm_bindgen::{closure::Closure, JsCast};

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// `<html lang>`: before the app starts, the language `public/boot.js` chose for the page.
pub fn page_lang() -> String {
    root().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

pub fn set_lang(code: &str) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", code);
    }
}

/// `Some("dark")` forces a theme via `<html data-theme>`; `None` lets CSS follow `prefers-color-scheme`.
pub fn set_theme(theme: Option<&str>) {
    if let Some(root) = root() {
        let _ = match theme {
            Some(t) => root.set_attribute("data-theme", t),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Removes the static loading panel and tells `boot.js` that the app is alive, so its failure timer stands down.
pub fn mark_started() {
    if let Some(root) = root() {
        let _ = root.set_attribute("data-app-started", "");
    }
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Moves focus to the view's `<h1>` after a navigation, so screen-reader and keyboard users start at the new
/// content instead of being left on the link they pressed.
pub fn focus_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}

/// Whether the device prefers dark, and a callback for when that changes (the OS can switch at sunset).
pub fn watch_prefers_dark(on_change: impl Fn(bool) + 'static) -> bool {
    let Some(mql) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else {
        return false;
    };
    let target = mql.clone();
    let listener = Closure::<dyn Fn()>::new(move || on_change(target.matches()));
    let _ = mql.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page, like the app itself.
    listener.forget();
    mql.matches()
}

/// Scrolls to and focuses the element named by the URL fragment, if there is one. Used by views whose
/// anchors only exist after the app has rendered them, when the page is opened at such an address.
pub fn reveal_hash_target() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        reveal_id(id);
    }
}

/// Whether the URL fragment names an element the page does not have (yet): a deep link into a part of a
/// view that is built later (`components::deferred`).
pub fn hash_target_missing() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    match hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        Some(id) => window.document().and_then(|d| d.get_element_by_id(id)).is_none(),
        None => false,
    }
}

/// Scrolls to and focuses the element with this `id`. In-app links pass it directly, because the address
/// bar is only written after the new view is painted (see `platform::history`).
pub fn reveal_id(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// After a view arrived late (`views::parts`): the spot in the address (`#source-…`), else the heading.
pub fn reveal_target_or_heading() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    match hash.strip_prefix('#') {
        Some(id) if !id.is_empty() => reveal_id(id),
        _ => focus_heading(),
    }
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Brings the open timeline event into view and puts focus on its details. Scrolling is instant when the
/// reader asked for reduced motion.
pub fn reveal_open_event() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(detail) = doc
        .query_selector(".event-detail")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if let Some(event) = detail.closest(".event").ok().flatten() {
        show_event(&event, motion_behaviour());
        settle_in_view(event, None, 20);
    }
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = detail.focus_with_options(&focus);
}

/// Off-screen eras of the timeline are laid out only near the viewport (`content-visibility: auto`, which
/// keeps the first render inside its budget), so a long smooth scroll is aimed using placeholder heights and
/// can come to rest beside its target. Once the page has stopped scrolling, this checks that the event's row
/// is on screen and, if not, jumps the rest of the way.
fn settle_in_view(event: web_sys::Element, last_y: Option<f64>, tries: u32) {
    leptos::prelude::set_timeout(
        move || {
            let Some(window) = web_sys::window() else { return };
            let y = window.scroll_y().unwrap_or_default();
            if last_y != Some(y) && tries > 0 {
                return settle_in_view(event, Some(y), tries - 1); // still moving
            }
            let row = event
                .query_selector(".event-row")
                .ok()
                .flatten()
                .unwrap_or(event.clone());
            if !in_sight(&row) {
                show_event(&event, web_sys::ScrollBehavior::Instant);
            }
        },
        std::time::Duration::from_millis(120),
    );
}

/// Whether the middle of `el`'s left edge is on screen and not covered (by the sticky navigation bar, say).
fn in_sight(el: &web_sys::Element) -> bool {
    let rect = el.get_bounding_client_rect();
    let (x, y) = (rect.left() + 8.0, rect.top() + rect.height() / 2.0);
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.element_from_point(x as f32, y as f32))
        .is_some_and(|hit| el.contains(Some(&hit)))
}

/// Centres an open event (row and details) when it fits on screen; otherwise (long details on a phone) puts
/// its row at the top, so the title is never scrolled out of sight.
fn show_event(event: &web_sys::Element, behavior: web_sys::ScrollBehavior) {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or_default();
    let block = if event.get_bounding_client_rect().height() < height * 0.9 {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Start
    };
    event.scroll_into_view_with_scroll_into_view_options(&scroll_options(block, behavior));
}

fn scroll_options(
    block: web_sys::ScrollLogicalPosition,
    behavior: web_sys::ScrollBehavior,
) -> web_sys::ScrollIntoViewOptions {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(behavior);
    options
}

/// Smooth scrolling, unless the reader asked for reduced motion.
fn motion_behaviour() -> web_sys::ScrollBehavior {
    if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    }
}

/// Returns focus to an event's row in the list once the closed details have left the page.
pub fn focus_event_row(id: &str) {
    let id = format!("event-{id}");
    leptos::prelude::request_animation_frame(move || {
        let row = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(row) = row {
            let _ = row.focus();
        }
    });
}

/// Scrolls an element into view and focuses it (it needs `tabindex="-1"`).
pub fn reveal_element(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Saves generated text (CSV) as a file, made in the browser: nothing is uploaded.
pub fn download_text(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A new, detached element of type `T` (`create::<HtmlCanvasElement>("canvas")`), or `None` without a DOM.
pub fn create<T: JsCast>(tag: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .create_element(tag)
        .ok()?
        .dyn_into::<T>()
        .ok()
}

/// Starts a download of `url` (a `blob:` or `data:` URL) under `file_name`.
pub fn download_url(file_name: &str, url: &str) {
    let Some(a) = create::<web_sys::HtmlAnchorElement>("a") else {
        return;
    };
    a.set_href(url);
    a.set_download(file_name);
    a.click();
}

/// The device pixel ratio now, and a callback whenever it changes (browser zoom, or a window dragged to a
/// screen with another density): `matchMedia` on the current resolution fires when it stops matching, and
/// is then re-armed for the new one.
pub fn watch_device_pixel_ratio(on_change: std::rc::Rc<dyn Fn(f64)>) -> f64 {
    let Some(window) = web_sys::window() else { return 1.0 };
    let dpr = window.device_pixel_ratio();
    // The ratio as JavaScript writes it (the same digits the query is compared with), and without Rust's float
    // formatting, which would otherwise be in the main module for this one line (issue 17).
    let ratio: String = js_sys::Number::from(dpr)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    if let Ok(Some(mql)) = window.match_media(&format!("(resolution: {ratio}dppx)")) {
        let listener = Closure::once_into_js(move || {
            let now = watch_device_pixel_ratio(on_change.clone());
            on_change(now);
        });
        // `once`: the browser removes the listener after its one call. Without it, the query's next change
        // (printing switches the resolution and back) called the spent closure again: "closure invoked
        // recursively or after being dropped".
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = mql.add_event_listener_with_callback_and_add_event_listener_options(
            "change",
            listener.unchecked_ref(),
            &options,
        );
    }
    dpr
}

/// Focuses an element without scrolling to it (the caller has already put the right thing in view).
pub fn focus_quietly(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}

/// Scrolls the least needed to show an element (its top when it is taller than the screen); instant when the
/// reader asked for reduced motion.
pub fn scroll_into_view_gently(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el {
        el.scroll_into_view_with_scroll_into_view_options(&scroll_options(
            web_sys::ScrollLogicalPosition::Nearest,
            motion_behaviour(),
        ));
    }
}

/// The index stored in `data-index` on the element under a point, or its nearest ancestor with one: how a
/// drag finds the slot under the finger.
pub fn data_index_at(x: f64, y: f64) -> Option<usize> {
    web_sys::window()?
        .document()?
        .element_from_point(x as f32, y as f32)?
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// A named point on the Performance timeline, read by the benchmark (`end2end/bench.mjs`); costs nothing
/// noticeable and records nothing anywhere else.
pub fn performance_mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        // Only the latest mark of a name is kept: the bench reads the newest one, and a page left open
        // through hundreds of chart draws must not pile them up.
        perf.clear_marks_with_mark_name(name);
        let _ = perf.mark(name);
    }
}

/// Opens the browser's print dialog. In a sandboxed frame without `allow-modals` the browser ignores the call:
/// nothing breaks, and the page's own print command still works.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Whether the loader found a new build before the app started (`<html data-update-ready>`). Also removes the
/// loader's stand-in English prompt, which the app's own prompt replaces.
pub fn take_update_ready() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if let Ok(Some(stand_in)) = doc.query_selector(".sw-update--stand-in") {
        stand_in.remove();
    }
    doc.document_element()
        .is_some_and(|html| html.has_attribute("data-update-ready"))
}

/// Calls `f` on every `name` event on `window`, for as long as the page lives (like the app itself).
pub fn on_window_event(name: &str, f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn()>::new(f);
    let _ = window.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Dispatches a plain `name` event on `window`: how the app talks to `public/loader.js`.
pub fn dispatch_window_event(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The `attribute` of the nearest element matching `selector` at or above an event's target: how one
/// delegated handler on a list tells which of its items was clicked.
pub fn closest_data(target: Option<web_sys::EventTarget>, selector: &str, attribute: &str) -> Option<String> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()??
        .get_attribute(attribute)
}
