//! Replaces a dead page with a friendly overlay when the app panics.
//!
//! With `panic = "abort"` the WASM instance is unusable after a panic, so the overlay is plain DOM built here,
//! and "Reload" is an ordinary link to the current address: it works without any of our code running. Saved
//! progress lives in `localStorage`, which a panic does not touch.

use crate::i18n::{t, Lang, Msg};

/// Drill builds only: a `reverse-wave:drill-panic` event on `window` panics, so the browser tests can prove the
/// overlay appears and that saved progress survives a real panic.
#[cfg(feature = "drill")]
pub fn arm_drill() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return };
    let drill = Closure::<dyn Fn()>::new(|| panic!("drill: a panic on purpose"));
    let _ = window.add_event_listener_with_callback("reverse-wave:drill-panic", drill.as_ref().unchecked_ref());
    drill.forget();
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Reverse Wave panicked: {info}").into());
        show_overlay();
    }));
}

fn show_overlay() {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let Some(body) = doc.body() else { return };
    let lang = Lang::default();
    let here = window.location().href().unwrap_or_default();
    let build = || -> Option<web_sys::Element> {
        let overlay = doc.create_element("div").ok()?;
        overlay.set_class_name("panic-overlay");
        overlay.set_attribute("role", "alertdialog").ok()?;
        overlay.set_attribute("aria-labelledby", "panic-title").ok()?;
        let panel = doc.create_element("div").ok()?;
        panel.set_class_name("panic-overlay__panel");
        let title = doc.create_element("h2").ok()?;
        title.set_id("panic-title");
        title.set_text_content(Some(t(lang, Msg::PanicTitle)));
        let text = doc.create_element("p").ok()?;
        text.set_text_content(Some(t(lang, Msg::PanicBody)));
        let reload = doc.create_element("a").ok()?;
        reload.set_class_name("button button--primary");
        reload.set_attribute("href", &here).ok()?;
        reload.set_text_content(Some(t(lang, Msg::PanicReload)));
        for child in [&title, &text, &reload] {
            panel.append_child(child).ok()?;
        }
        overlay.append_child(&panel).ok()?;
        body.append_child(&overlay).ok()?;
        Some(reload)
    };
    if let Some(reload) = build() {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(reload) {
            let _ = el.focus();
        }
    }
}
