//! Compiles `data/*.toml` into Rust statics and their English text table (see `data-compiler/`). A mistake in the data stops the build
//! here, with every problem listed by file, entry and field.
//!
//! The `drill` feature (browser tests only) compiles a hostile copy instead: markup planted in the text.

use reverse_wave_data_compiler::{compile_with, drill};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let drill = std::env::var_os("CARGO_FEATURE_DRILL").is_some();
    match compile_with(std::path::Path::new("data"), |d| {
        if drill {
            drill::plant_markup(d)
        }
    }) {
        Ok(emitted) => {
            std::fs::write(out.join("dataset.rs"), emitted.code).expect("write the generated dataset");
            std::fs::write(out.join("texts.en"), emitted.texts).expect("write the text table");
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
