//! Talking to the page that embeds us. Only ever sends; nothing received is acted on here.

use wasm_bindgen::JsValue;

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
