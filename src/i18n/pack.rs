//! Language packs: the messages and dataset texts of a language other than English, read from the one file the
//! loader fetches when that language is shown (issue 20; `data-compiler/src/i18n.rs` writes it).
//!
//! English is compiled in; a pack adds a language without making English heavier. A pack is accepted only if
//! its fingerprint is this build's (`PACK_FINGERPRINT`), so a pack from another build can never put texts in the
//! wrong places. An empty field means "not translated yet": that text shows in English.

use std::cell::{Cell, RefCell};

use super::{Lang, Msg};

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// What a pack's first field starts with (the data compiler's `PACK_MAGIC`).
const MAGIC: &str = "reverse-wave-pack";
const SEPARATOR: char = '\u{1f}';

/// A language's texts: every message in [`Msg::ALL`] order, then every dataset text, the dataset's text tables
/// one after the other (`Table::FIRST` places each; `crate::data`).
pub struct Pack {
    lang: Lang,
    fields: Vec<&'static str>,
}

/// Why a pack was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack, or one for another language.
    NotAPack,
    /// A pack made for another build of the app.
    OtherBuild,
}

impl Pack {
    /// Reads a pack for `lang`. The text lives as long as the page: a reader loads at most a few.
    pub fn parse(lang: Lang, text: &'static str) -> Result<Pack, PackError> {
        let mut fields = text.split(SEPARATOR);
        let header = fields.next().unwrap_or_default();
        let mut words = header.split(' ');
        if words.next() != Some(MAGIC) || words.next() != Some(lang.code()) {
            return Err(PackError::NotAPack);
        }
        let fields: Vec<&'static str> = fields.collect();
        if words.next() != Some(PACK_FINGERPRINT) || fields.len() != Msg::ALL.len() + crate::data::TEXT_COUNT {
            return Err(PackError::OtherBuild);
        }
        Ok(Pack { lang, fields })
    }

    fn field(&self, index: usize) -> Option<&'static str> {
        self.fields.get(index).copied().filter(|f| !f.is_empty())
    }
}

thread_local! {
    static PACKS: RefCell<Vec<Pack>> = const { RefCell::new(Vec::new()) };
    /// The language of the dataset's texts ([`data_text`]), set by [`activate`].
    static ACTIVE: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Keeps a loaded pack for the rest of the page's life.
pub fn install(pack: Pack) {
    PACKS.with(|packs| {
        let mut packs = packs.borrow_mut();
        packs.retain(|p| p.lang != pack.lang);
        packs.push(pack);
    });
}

/// Whether `lang` can be shown now: English always, another language once its pack is installed.
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::En || PACKS.with(|packs| packs.borrow().iter().any(|p| p.lang == lang))
}

/// Shows the dataset in `lang` from now on (the app re-renders after calling this). A language without an
/// installed pack shows English.
pub fn activate(lang: Lang) {
    ACTIVE.with(|a| a.set(if is_ready(lang) { lang } else { Lang::En }));
}

/// The language the dataset is shown in now.
pub fn active() -> Lang {
    ACTIVE.with(Cell::get)
}

fn lookup(lang: Lang, index: usize) -> Option<&'static str> {
    PACKS.with(|packs| {
        packs
            .borrow()
            .iter()
            .find(|p| p.lang == lang)
            .and_then(|p| p.field(index))
    })
}

/// A message in `lang` from its pack, if it is installed and has it.
pub fn message(lang: Lang, msg: Msg) -> Option<&'static str> {
    lookup(lang, msg as usize)
}

/// Dataset text `index` in the active language, if that is not English and its pack has it.
pub fn data_text(index: usize) -> Option<&'static str> {
    match ACTIVE.with(Cell::get) {
        Lang::En => None,
        lang => lookup(lang, Msg::ALL.len() + index),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::TEXT_COUNT;

    fn leak(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    /// A pack as the build writes it, with `fill` for every field.
    fn made(lang: Lang, fingerprint: &str, fill: &str) -> String {
        let mut text = format!("{MAGIC} {} {fingerprint}", lang.code());
        for _ in 0..Msg::ALL.len() + TEXT_COUNT {
            text.push(SEPARATOR);
            text.push_str(fill);
        }
        text
    }

    #[test]
    fn a_pack_of_another_language_or_build_or_shape_is_refused() {
        let es = made(Lang::Es, PACK_FINGERPRINT, "x");
        assert!(Pack::parse(Lang::Es, leak(es.clone())).is_ok());
        assert_eq!(Pack::parse(Lang::Ko, leak(es.clone())).err(), Some(PackError::NotAPack));
        assert_eq!(
            Pack::parse(Lang::Es, leak(made(Lang::Es, "0000000000000000", "x"))).err(),
            Some(PackError::OtherBuild)
        );
        let short = es.rsplit_once(SEPARATOR).expect("fields").0.to_string();
        assert_eq!(Pack::parse(Lang::Es, leak(short)).err(), Some(PackError::OtherBuild));
        for junk in ["", "<!doctype html><html>", "reverse-wave-pack"] {
            assert_eq!(Pack::parse(Lang::Es, junk).err(), Some(PackError::NotAPack));
        }
    }

    /// The packs the build writes from `data/i18n/` are accepted by this build, and an installed pack is what
    /// messages and data texts read while its language is active (and only then).
    #[test]
    fn the_built_packs_are_accepted_and_read_in_their_language() {
        assert!(!is_ready(Lang::Es));
        tests_support::install_built_packs();
        assert!(is_ready(Lang::Es) && is_ready(Lang::Ko));
        activate(Lang::En);
        assert_eq!(data_text(0), None, "English reads the compiled-in table");
        activate(Lang::Ko);
        let korean = data_text(0).expect("the first text is translated");
        assert!(korean.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)));
        assert_eq!(message(Lang::Ko, Msg::NavQuiz), Some("퀴즈"));
        activate(Lang::En);
    }

    #[test]
    fn message_ids_read_from_the_source_are_the_enum() {
        let ids = reverse_wave_data_compiler::i18n::message_ids(include_str!("mod.rs"));
        let names: Vec<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
        assert_eq!(ids, names);
    }
}

/// For tests elsewhere: this thread gets the packs the build would write (tests run on threads of their own).
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn install_built_packs() {
        use reverse_wave_data_compiler::i18n::{message_ids, pack, Translation};
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let ids = message_ids(include_str!("mod.rs"));
        for lang in [Lang::Es, Lang::Ko] {
            let translation = Translation::read(&data, lang.code()).expect("readable");
            let text = pack(lang.code(), &ids, crate::data::TEXTS_EN, &translation);
            install(Pack::parse(lang, Box::leak(text.into_boxed_str())).expect("the build's own pack"));
        }
    }
}
