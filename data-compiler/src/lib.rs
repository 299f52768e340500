//! Reads `data/*.toml`, checks it, and writes it out as Rust statics and a text table for the app (`build.rs`
//! writes both where `src/data/mod.rs` includes them).
//!
//! Why a compiler rather than parsing in the browser: the WASM then carries ready-made data and no TOML parser,
//! and a broken data file stops the build with a message naming the file, the entry and the field, instead
//! of reaching a classroom.

pub mod drill;
mod emit;
mod error;
mod files;
pub mod glossary;
pub mod i18n;
pub mod raw;
pub mod readability;
mod validate;

use std::path::Path;

pub use emit::{Emitted, SEPARATOR};
pub use error::DataError;
pub use files::Files;
pub use raw::Dataset;

/// Parses and checks the data files. All problems are reported at once, so one build shows them all.
pub fn check(files: &Files) -> Result<Dataset, Vec<DataError>> {
    let data = raw::parse(files)?;
    let errors = validate::validate(&data);
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(errors)
    }
}

/// Reads `data_dir`, checks it, and returns the Rust source for the app's statics and their text table.
pub fn compile(data_dir: &Path) -> Result<Emitted, Vec<DataError>> {
    compile_with(data_dir, |_| {})
}

/// As [`compile`], with `edit` applied to the checked data before it is written out: how the drill build
/// plants markup in the text (see [`drill`]).
pub fn compile_with(data_dir: &Path, edit: impl FnOnce(&mut Dataset)) -> Result<Emitted, Vec<DataError>> {
    let files = Files::read(data_dir)?;
    check(&files).map(|mut d| {
        edit(&mut d);
        emit::emit(&d)
    })
}
