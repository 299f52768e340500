//! The browser's side of languages (issue 20): a language pack's text, fetched by the loader (`reverseWaveLanguagePack` in `public/loader.js`), which checks its integrity and
//! knows how to load it in an opaque-origin frame.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Defined by `public/loader.js` before the app starts. Throws (or rejects) when the build has no pack for
    /// `code` or the download fails.
    #[wasm_bindgen(catch, js_name = reverseWaveLanguagePack)]
    fn language_pack(code: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The text of the language pack for `code`, or `None` if it cannot be loaded (offline before it was ever
/// used, a host that lost the file, a changed file refused by its integrity check).
pub async fn fetch_pack(code: &str) -> Option<String> {
    let promise = language_pack(code).ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}
