//! Language packs (issue 20): one file per language other than English, written into the build as
//! `lang/<code>-<hash>.txt`, with a stylesheet copy for opaque-origin frames as the `.wasm` has.
//!
//! The pack's text comes from the data compiler (`data-compiler/src/i18n.rs`): the same English table the app
//! compiles in, the message ids from `src/i18n/mod.rs`, and `data/i18n/<code>.toml`. The loader fetches a pack
//! only when its language is shown (`reverseWaveLanguagePack` in `public/loader.js`), checked against the
//! integrity value written here; the service worker keeps it once it has been used.

use std::path::Path;

use reverse_wave_data_compiler::i18n::{message_ids, pack, Translation, PACK_LANGUAGES};

use super::manifest::{fingerprint, integrity};

/// The folder of the build that holds the packs.
pub const PACK_DIR: &str = "lang";

/// One language's pack, as a file of the build.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub lang: String,
    pub text: String,
}

impl Pack {
    /// `lang/es-0123456789abcdef.txt`: the content's hash in the name, so a new translation is a new file.
    pub fn path(&self) -> String {
        format!("{PACK_DIR}/{}-{}.txt", self.lang, fingerprint(self.text.as_bytes()))
    }

    pub fn integrity(&self) -> String {
        integrity(self.text.as_bytes())
    }
}

/// Every pack, made from the project's data and sources.
pub fn build(root: &Path) -> Result<Vec<Pack>, String> {
    let data = root.join("data");
    let english = reverse_wave_data_compiler::compile(&data)
        .map_err(|errors| format!("data/ has {} problem(s); `cargo build` lists them", errors.len()))?
        .texts;
    let i18n = root.join("src/i18n/mod.rs");
    let ids = message_ids(&std::fs::read_to_string(&i18n).map_err(|e| format!("cannot read {}: {e}", i18n.display()))?);
    PACK_LANGUAGES
        .iter()
        .map(|&lang| {
            let translation = Translation::read(&data, lang)?;
            Ok(Pack {
                lang: lang.to_string(),
                text: pack(lang, &ids, &english, &translation),
            })
        })
        .collect()
}
