//! Language packs: everything a reader of Spanish or Korean reads, in one file per language, fetched only when
//! that language is shown (issue 20). English stays compiled into the app; a pack replaces it text for text.
//!
//! # Where translations live
//!
//! `data/i18n/en.toml` holds the English messages, which `build.rs` compiles into the app ([`english_messages`]).
//! `data/i18n/<lang>.toml` holds the interface's messages by id (`[messages]`, the ids of `Msg` in
//! `src/i18n/mod.rs`) and the dataset's texts keyed by their English (`[[text]]` with `en` and `tr`), as gettext
//! does: when an English text changes, its old translation no longer matches anything, and the app's
//! completeness test names it, rather than a stale translation reaching a classroom.
//!
//! # The pack
//!
//! One string, its fields separated by [`SEPARATOR`] like the English text tables: a header
//! (`reverse-wave-pack <lang> <fingerprint>`), then every message in `Msg` order, then every dataset text, the
//! text tables one after the other (`TABLES` in `emit.rs`; `Emitted::texts`). The app takes a pack only if its fingerprint equals its own (`PACK_FINGERPRINT`, written by
//! `build.rs` with [`fingerprint`]): a pack from another build would put every text in the wrong place.
//! A message or text without a translation is an empty field, which the app shows in English, so a build never
//! breaks while translations catch up (and the pack carries no second copy of the English).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::emit::SEPARATOR;

/// The languages that have a pack, by BCP 47 code. English is compiled in and has none.
pub const PACK_LANGUAGES: [&str; 2] = ["es", "ko"];

/// What a pack's first field starts with.
pub const PACK_MAGIC: &str = "reverse-wave-pack";

/// One language's translations, as written in `data/i18n/<lang>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
    #[serde(default)]
    pub text: Vec<TextPair>,
}

/// A dataset text and its translation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextPair {
    pub en: String,
    pub tr: String,
}

impl Translation {
    /// Reads `data/i18n/<lang>.toml` under `data_dir`. A missing file is an empty translation.
    pub fn read(data_dir: &Path, lang: &str) -> Result<Self, String> {
        let path = data_dir.join("i18n").join(format!("{lang}.toml"));
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// The dataset's translations by their English text.
    pub fn texts(&self) -> HashMap<&str, &str> {
        self.text.iter().map(|p| (p.en.as_str(), p.tr.as_str())).collect()
    }
}

/// The message ids in `Msg` order, read from the `messages! { … }` list in `src/i18n/mod.rs` (the one list of
/// them; the app's tests check that this reading equals `Msg::ALL`).
pub fn message_ids(i18n_mod_rs: &str) -> Vec<String> {
    let Some(start) = i18n_mod_rs.find("messages! {") else {
        return Vec::new();
    };
    i18n_mod_rs[start + "messages! {".len()..]
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .take_while(|line| line.trim() != "}")
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect()
}

/// The English messages (`data/i18n/en.toml`, the reference the app compiles in) as one table in `message_ids`
/// order, joined by [`SEPARATOR`] like the dataset's texts; or every id that is missing, unknown or unusable.
pub fn english_messages(message_ids: &[String], english: &Translation) -> Result<String, Vec<String>> {
    let mut problems: Vec<String> = english
        .messages
        .keys()
        .filter(|k| !message_ids.contains(k))
        .map(|k| format!("data/i18n/en.toml: {k} is not a message of src/i18n/mod.rs"))
        .collect();
    let mut table = Vec::with_capacity(message_ids.len());
    for id in message_ids {
        match english.messages.get(id) {
            Some(text) if !clean(text).is_empty() => table.push(text.as_str()),
            Some(_) => problems.push(format!("data/i18n/en.toml: {id} is empty or holds a control character")),
            None => problems.push(format!("data/i18n/en.toml: {id} is missing")),
        }
    }
    if problems.is_empty() {
        Ok(table.join(&SEPARATOR.to_string()))
    } else {
        Err(problems)
    }
}

/// Identifies one build's messages and texts, in order: 16 hex digits of FNV-1a over both.
pub fn fingerprint(message_ids: &[String], english_texts: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for id in message_ids {
        eat(id.as_bytes());
        eat(b"\n");
    }
    eat(&[0x1e]);
    eat(english_texts.as_bytes());
    format!("{hash:016x}")
}

/// The pack for `lang` (see the module docs for its layout); `english_texts` is every English text of the app,
/// in pack order (`Emitted::texts`).
pub fn pack(lang: &str, message_ids: &[String], english_texts: &str, translation: &Translation) -> String {
    let texts = translation.texts();
    let mut out = format!("{PACK_MAGIC} {lang} {}", fingerprint(message_ids, english_texts));
    for id in message_ids {
        out.push(SEPARATOR);
        out.push_str(clean(translation.messages.get(id).map_or("", String::as_str)));
    }
    for english in english_texts.split(SEPARATOR) {
        out.push(SEPARATOR);
        out.push_str(clean(texts.get(english).copied().unwrap_or("")));
    }
    out
}

/// A translation that holds a control character would break the pack's layout: it is left out (English shows).
fn clean(translated: &str) -> &str {
    if translated.chars().any(char::is_control) || translated.trim().is_empty() {
        ""
    } else {
        translated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_read_in_order_without_comments() {
        let src = "x\nmessages! {\n    A, B,\n    /// Doc, with a comma and `{braces}`.\n    C,\n}\nconst Y: u8 = 1;";
        assert_eq!(message_ids(src), ["A", "B", "C"]);
        assert!(message_ids("nothing here").is_empty());
    }

    #[test]
    fn a_pack_holds_header_messages_and_texts_in_order_with_gaps_left_empty() {
        let ids = vec!["Hello".to_string(), "Bye".to_string()];
        let table = format!("One{SEPARATOR}Two");
        let tr: Translation = toml::from_str(
            "[messages]\nHello = \"Hola\"\n[[text]]\nen = \"Two\"\ntr = \"Dos\"\n[[text]]\nen = \"Gone\"\ntr = \"Ido\"",
        )
        .expect("valid");
        let pack = pack("es", &ids, &table, &tr);
        let fields: Vec<&str> = pack.split(SEPARATOR).collect();
        assert_eq!(
            fields,
            [
                format!("{PACK_MAGIC} es {}", fingerprint(&ids, &table)).as_str(),
                "Hola",
                "",
                "",
                "Dos"
            ]
        );
    }

    #[test]
    fn english_messages_are_one_table_in_id_order_and_every_gap_is_named() {
        let ids = vec!["A".to_string(), "B".to_string()];
        let en: Translation = toml::from_str("[messages]\nB = \"bee\"\nA = \"ay\"").expect("valid");
        assert_eq!(english_messages(&ids, &en), Ok(format!("ay{SEPARATOR}bee")));
        let gaps: Translation = toml::from_str("[messages]\nA = \" \"\nC = \"sea\"").expect("valid");
        let problems = english_messages(&ids, &gaps).expect_err("gaps");
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn the_fingerprint_changes_with_ids_order_and_texts() {
        let ab = vec!["A".to_string(), "B".to_string()];
        let ba = vec!["B".to_string(), "A".to_string()];
        assert_ne!(fingerprint(&ab, "x"), fingerprint(&ba, "x"));
        assert_ne!(fingerprint(&ab, "x"), fingerprint(&ab, "y"));
        assert_eq!(fingerprint(&ab, "x"), fingerprint(&ab, "x"));
        assert_eq!(fingerprint(&ab, "x").len(), 16);
    }

    #[test]
    fn control_characters_never_reach_a_pack() {
        assert_eq!(clean("a\u{1f}b"), "");
        assert_eq!(clean("  "), "");
        assert_eq!(clean("bien"), "bien");
    }
}
