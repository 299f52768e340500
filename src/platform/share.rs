//! Getting text out of the app: the clipboard and the system share sheet. Both are refused in many embeds
//! (no permission, no user activation, sandboxed), so each reports success and callers offer a manual way.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `true` when the browser confirmed it.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    // `clipboard` is undefined on insecure origins even though the type says otherwise.
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Opens the system share sheet where there is one (phones); `false` if there is none or it failed, so the
/// caller can copy instead. A student closing the sheet counts as done, not as a failure. An empty `url`
/// shares the text alone.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if !has_share {
        return false;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    if !url.is_empty() {
        data.set_url(url);
    }
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => true,
        Err(e) => e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|e| e.name() == "AbortError"),
    }
}

/// The address of this page without query or fragment: the base for links made to be shared.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}
