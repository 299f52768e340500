//! Compiles `data/*.toml` into Rust statics and their English text tables (see `data-compiler/`), the English
//! messages (`data/i18n/en.toml`) into one table, and the fingerprint a language pack must carry to fit them. A mistake in the data stops the build
//! here, with every problem listed by file, entry and field.
//!
//! The `drill` feature (browser tests only) compiles a hostile copy instead: markup planted in the text.

use reverse_wave_data_compiler::{compile_with, drill, i18n};

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/i18n/mod.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let drill = std::env::var_os("CARGO_FEATURE_DRILL").is_some();
    match compile_with(std::path::Path::new("data"), |d| {
        if drill {
            drill::plant_markup(d)
        }
    }) {
        Ok(emitted) => {
            std::fs::write(out.join("dataset.rs"), emitted.code).expect("write the generated dataset");
            // The English messages, as one table in `Msg` order (src/i18n/en.rs reads it).
            let ids = i18n::message_ids(&std::fs::read_to_string("src/i18n/mod.rs").expect("read src/i18n/mod.rs"));
            let english = i18n::Translation::read(std::path::Path::new("data"), "en").unwrap_or_else(|e| {
                eprintln!("\n{e}\n");
                std::process::exit(1)
            });
            match i18n::english_messages(&ids, &english) {
                Ok(table) => std::fs::write(out.join("messages.en"), table).expect("write the message table"),
                Err(problems) => {
                    eprintln!("\nThe English messages have {} problem(s):", problems.len());
                    for p in &problems {
                        eprintln!("  {p}");
                    }
                    std::process::exit(1);
                }
            }
            // Which language packs fit this build: the message ids in order and the English table (issue 20).
            let fingerprint = i18n::fingerprint(&ids, &emitted.texts);
            std::fs::write(
                out.join("i18n.rs"),
                format!("/// The fingerprint a language pack must carry to fit this build.\npub const PACK_FINGERPRINT: &str = {fingerprint:?};\n"),
            )
            .expect("write the pack fingerprint");
            // The tables `src/data/mod.rs` reads, and all of them in one file for its tests.
            for (file, texts) in &emitted.tables {
                std::fs::write(out.join(format!("texts.en.{file}")), texts).expect("write a text table");
            }
            std::fs::write(out.join("texts.en"), emitted.texts).expect("write the text tables");
        }
        Err(errors) => {
            eprintln!("\nThe data in data/ has {} problem(s):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}
