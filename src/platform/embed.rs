//! Talking to the page that embeds us. Only ever sends; nothing received is acted on here.

use wasm_bindgen::{JsCast, JsValue};

/// Posts `fields` as a plain object to the parent window. The target origin is `*` because the app cannot
/// know which school site embeds it, and the messages carry nothing private (a quiz score the student chose
/// to earn on that page).
pub fn post_to_parent(fields: &[(&str, JsValue)]) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let _ = parent.post_message(&message, "*");
}

/// In embed mode: tells the host page our content height whenever it changes (at most once a frame), so the
/// host's `embed.js` can size the iframe to fit (no inner scrollbar).
pub fn report_height_changes() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let last = Rc::new(Cell::new(-1.0_f64));
    // No requestAnimationFrame here: browsers pause it in cross-origin frames that are off screen, so a
    // frame below the fold would never report. ResizeObserver already calls back at most once a frame, and
    // reading the height directly also works in a paused frame.
    let report: Rc<dyn Fn()> = {
        let last = last.clone();
        Rc::new(move || {
            let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
                return;
            };
            let height = body.get_bounding_client_rect().height().ceil();
            if height != last.get() {
                last.set(height);
                post_to_parent(&[
                    ("type", JsValue::from_str("reverse-wave:resize")),
                    ("height", JsValue::from_f64(height)),
                ]);
            }
        })
    };
    // A first report straight after start, for frames whose rendering the browser has paused (lazy or off
    // screen), where the observer below stays silent until they are scrolled to.
    for delay in [0, 1000] {
        let report = report.clone();
        leptos::prelude::set_timeout(move || report(), std::time::Duration::from_millis(delay));
    }
    let on_resize = {
        let report = report.clone();
        Closure::<dyn Fn()>::new(move || report())
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    on_resize.forget();
    // `embed.js` may load after our first report (it is `async`), so on start it asks every frame to say its
    // height again. Only that exact message is acted on, and only by sending the height once more.
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if is_size_request(&ev.data()) {
            last.set(-1.0);
            report();
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Exactly `{type: "reverse-wave:size-please"}`: a plain object with that one key. Anything else is ignored.
fn is_size_request(data: &JsValue) -> bool {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return false;
    }
    let keys = js_sys::Object::keys(data.unchecked_ref::<js_sys::Object>());
    keys.length() == 1
        && js_sys::Reflect::get(data, &JsValue::from_str("type"))
            .ok()
            .and_then(|t| t.as_string())
            .is_some_and(|t| t == "reverse-wave:size-please")
}

/// Opens `url` in a new tab; `false` when the browser or the host's sandbox does not allow popups, so the
/// caller can show the address instead of failing silently.
pub fn open_in_new_tab(url: &str) -> bool {
    // Not the "noopener" feature: with it, `open` returns null even on success and we could not tell.
    match web_sys::window().and_then(|w| w.open_with_url_and_target(url, "_blank").ok().flatten()) {
        Some(tab) => {
            // The new tab must not be able to reach back into the school's page through us.
            let _ = tab.set_opener(&JsValue::NULL);
            true
        }
        None => false,
    }
}
