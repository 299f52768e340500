//! Compiles `data/*.toml` into Rust statics (see `data-compiler/`). A mistake in the data stops the build
//! here, with every problem listed by file, entry and field.

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    match reverse_wave_data_compiler::compile(std::path::Path::new("data")) {
        Ok(code) => std::fs::write(out.join("dataset.rs"), code).expect("write the generated dataset"),
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
