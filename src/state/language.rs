//! The reader's language (issue 20): which one a page opens in, loading its pack, and remembering the choice.
//!
//! A link's `lang=` wins (a teacher's link shows what they chose); then the reader's last choice on this
//! device; then the first of the browser's preferred languages that the app speaks; then English. A language
//! other than English is shown only once its pack has loaded: until then, or if it cannot load, the page stays
//! in English and says so.

use crate::i18n::pack::{self, Pack};
use crate::i18n::Lang;
use crate::logic::url_state::UrlValue;
use crate::platform::{language, storage};

const KEY: &str = "lang";

/// The language a page opens in, before its pack is loaded: the one `public/boot.js` chose and put on
/// `<html lang>` (a link's `lang=`, else the choice remembered here, else the browser's preferred languages),
/// so that the loading panel, the pack's early download and the app agree.
pub fn initial() -> Lang {
    Lang::from_id(&crate::platform::document::page_lang()).unwrap_or_default()
}

pub fn remember(lang: Lang) {
    storage::set(KEY, lang.code());
}

/// Makes `lang` ready to show, fetching its pack the first time. False if it cannot be loaded or was refused.
pub async fn load(lang: Lang) -> bool {
    if pack::is_ready(lang) {
        return true;
    }
    let Some(text) = language::fetch_pack(lang.code()).await else {
        return false;
    };
    // Kept for the page's life, like the compiled-in English: a reader loads a pack at most once.
    match Pack::parse(lang, Box::leak(text.into_boxed_str())) {
        Ok(p) => {
            pack::install(p);
            true
        }
        Err(_) => false,
    }
}
