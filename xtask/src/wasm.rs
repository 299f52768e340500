//! From `cargo build` to the app's WebAssembly, in parts (issues 17 and 21).
//!
//! Trunk builds the page (HTML, CSS, copied files) and runs the shell step after it; the shell step calls
//! [`build`] first, which does what Trunk's own Rust pipeline did, plus one step Trunk cannot do (trunk-rs/trunk
//! issue 1022): cutting the module into parts that load later.
//!
//! 1. `cargo build --target wasm32-unknown-unknown --bin reverse-wave`, with the linker's relocations kept
//!    (`.cargo/config.toml`).
//! 2. **Split** (`wasm_split_cli_support`, the tool behind Leptos's `#[lazy]`): every `#[wasm_split(part)]`
//!    function in `src/views/parts.rs` starts a part. Code only a part needs moves into it; code two parts
//!    share moves into a shared chunk both load; everything else stays in the main module.
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module: the web target, because it is the one
//!    that lets the module import the part loaders; LLD's exports (the function table, the stack pointer) kept,
//!    because the parts link against them.
//! 4. `wasm-opt -Oz` on every module (release builds, as Trunk did).
//! 5. The glue, an ES module, becomes plain code that declares `wasm_bindgen`, the function
//!    `public/loader.js` calls, and `splitImports`, where the loader puts one function per part (see
//!    [`classic_glue`] for why the page cannot use a module script).
//!
//! What this hands the shell step: the glue, the main module, and the parts with, for each loader function the
//! main module imports, the parts it needs in the order they must be linked.

use std::path::{Path, PathBuf};

use crate::run::{cmd, Failure};

/// The crate's binary, as Cargo names its `.wasm`.
const BIN: &str = "reverse-wave";
/// Features for the app's build, for builds that are not served to readers (`cargo xtask e2e`'s drill build).
pub const FEATURES_ENV: &str = "REVERSE_WAVE_FEATURES";
/// Every module goes through wasm-opt with these (the WebAssembly features the browsers we test all have).
const WASM_OPT_ARGS: [&str; 3] = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"];
/// The module name the split step gives the loader functions in the main module's imports.
const LINK_MODULE: &str = "./__wasm_split.js";

/// The app's WebAssembly, ready for the page.
pub struct Wasm {
    /// wasm-bindgen's glue as plain code (see [`classic_glue`]).
    pub glue: String,
    pub main: Vec<u8>,
    /// The split-off modules, in the split step's order.
    pub parts: Vec<Vec<u8>>,
    /// For each loader function the main module imports (`__wasm_split_load_<part>`), the indices in `parts` to
    /// link, shared chunks first and the part itself last.
    pub loaders: Vec<(String, Vec<usize>)>,
    /// Each view that lives in a part (its `?view=` id), with that part's loader function.
    pub views: Vec<(String, String)>,
}

/// Builds the app for the given Trunk profile (`release`, or anything else for a debug build).
pub fn build(root: &Path, release: bool) -> Result<Wasm, Failure> {
    let features = std::env::var(FEATURES_ENV).unwrap_or_default();
    let mut cargo = cmd("cargo", root).args(["build", "--target", "wasm32-unknown-unknown", "--bin", BIN]);
    if release {
        cargo = cargo.args(["--release"]);
    }
    if !features.is_empty() {
        cargo = cargo.args(["--features", &features]);
    }
    cargo.run()?;
    let profile = if release { "release" } else { "debug" };
    let input = target_dir(root).join(format!("wasm32-unknown-unknown/{profile}/{BIN}.wasm"));
    let work = target_dir(root).join(format!("reverse-wave-split/{profile}"));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| fail("create", &work, e))?;

    // 2. Split.
    let bytes = std::fs::read(&input).map_err(|e| fail("read", &input, e))?;
    let main_path = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = &work;
    options.main_out_path = &main_path;
    options.link_name = LINK_MODULE;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| Failure(format!("splitting {}: {e:?}", input.display())))?;
    let stems: Vec<String> = split
        .split_modules
        .iter()
        .map(|p| p.file_stem().unwrap_or_default().to_string_lossy().into_owned())
        .collect();
    let mut loaders: Vec<(String, Vec<usize>)> = Vec::new();
    for (part, needs) in &split.prefetch_map {
        let indices = needs
            .iter()
            .map(|stem| {
                stems
                    .iter()
                    .position(|s| s == stem)
                    .ok_or_else(|| Failure(format!("the split step named a module it did not write: {stem}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        loaders.push((format!("__wasm_split_load_{part}"), indices));
    }
    loaders.sort();
    let views = views_in_parts(&bytes);

    // 3. wasm-bindgen on the main module.
    let bindgen = work.join("bindgen");
    cmd("wasm-bindgen", root)
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name",
            BIN,
            "--out-dir",
        ])
        .args([&bindgen, &main_path])
        .run()?;
    let main_bg = bindgen.join(format!("{BIN}_bg.wasm"));

    // 4. wasm-opt.
    let optimised = |path: &Path| -> Result<Vec<u8>, Failure> {
        if !release {
            return std::fs::read(path).map_err(|e| fail("read", path, e));
        }
        let out = path.with_extension("opt.wasm");
        cmd("wasm-opt", root)
            .args(WASM_OPT_ARGS)
            .args([path.as_os_str(), "-o".as_ref(), out.as_os_str()])
            .run()?;
        std::fs::read(&out).map_err(|e| fail("read", &out, e))
    };
    let main = optimised(&main_bg)?;
    let parts = split
        .split_modules
        .iter()
        .map(|p| optimised(p))
        .collect::<Result<Vec<_>, _>>()?;

    // 5. The glue.
    let glue_path = bindgen.join(format!("{BIN}.js"));
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| fail("read", &glue_path, e))?;
    let glue = classic_glue(&glue).map_err(Failure)?;
    Ok(Wasm {
        glue,
        main,
        parts,
        loaders,
        views,
    })
}

/// Which part holds which view, read from the names of the split functions' imports in the module rustc wrote
/// (`__wasm_split_00<part>00_import_<hash>_view_<id>`: `src/views/parts.rs` names each one `view_<id>`). The
/// loader uses it to fetch the part of the view a page opens on beside the main module.
pub fn views_in_parts(module: &[u8]) -> Vec<(String, String)> {
    const START: &[u8] = b"__wasm_split_00";
    let word = |b: &u8| b.is_ascii_lowercase() || *b == b'_';
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = module[at..].windows(START.len()).position(|w| w == START) {
        at += offset + START.len();
        let rest = &module[at..module.len().min(at + 200)];
        let name: String = rest
            .iter()
            .take_while(|b| b.is_ascii_graphic())
            .map(|&b| b as char)
            .collect();
        let Some((part, tail)) = name.split_once("00_import_") else {
            continue;
        };
        let Some((_, view)) = tail.split_once("_view_") else {
            continue;
        };
        if part.bytes().all(|b| word(&b)) && !view.is_empty() && view.bytes().all(|b| b.is_ascii_lowercase()) {
            let entry = (view.to_string(), format!("__wasm_split_load_{part}"));
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
    }
    found.sort();
    found
}

/// wasm-bindgen's web-target glue as code that runs inside the page's inline script: it declares
/// `splitImports` (filled by `public/loader.js`) and `wasm_bindgen` (the start function, with `initSync`).
///
/// The page cannot load the glue as a module file: in `<iframe sandbox="allow-scripts">` (opaque origin) every
/// module script is a CORS request that hosts refuse (see `shell`'s module docs). So the glue's few module
/// statements are rewritten, and anything else that looks like one stops the build rather than reaching a
/// reader's browser.
pub fn classic_glue(glue: &str) -> Result<String, String> {
    let mut body = String::new();
    for trimmed in crate::shell::compact_script(glue)?.lines() {
        if let Some(rest) = trimmed.strip_prefix("import * as ") {
            let (name, from) = rest
                .split_once(" from ")
                .ok_or_else(|| format!("an import the build does not know: {trimmed}"))?;
            if from.trim().trim_end_matches(';').trim_matches(['"', '\'']) != LINK_MODULE {
                return Err(format!(
                    "the glue imports a module other than the part loaders: {trimmed}"
                ));
            }
            body.push_str(&format!("const {} = splitImports;\n", name.trim()));
        } else if trimmed.starts_with("export {") {
            // `export { initSync, __wbg_init as default };`: returned below instead.
        } else if let Some(rest) = trimmed.strip_prefix("export ") {
            body.push_str(rest);
            body.push('\n');
        } else if trimmed.starts_with("import ") || trimmed.starts_with("import{") {
            return Err(format!("an import the build does not know: {trimmed}"));
        } else {
            // Only the default path of the .wasm uses the module's address; the loader always passes the bytes.
            body.push_str(&trimmed.replace("import.meta.url", "document.baseURI"));
            body.push('\n');
        }
    }
    if !body.contains("function __wbg_init") || !body.contains("function initSync") {
        return Err("the glue has no __wbg_init or initSync: has wasm-bindgen's output changed?".into());
    }
    Ok(format!(
        "const splitImports = {{}};\nconst wasm_bindgen = (() => {{\n{body}return Object.assign(__wbg_init, {{ initSync }});\n}})();"
    ))
}

/// The name of the custom sections that hold the modules in a [`bundle`].
pub const BUNDLE_SECTION: &str = "reverse-wave-part";

/// Several modules in one file, so that a view's part and its shared chunks come in one download (the split step
/// writes a part's code into many files, and on a slow phone each request waits out a round trip; see
/// `bench/levers.md`). The file is itself a WebAssembly module, with no code: its custom sections, named
/// [`BUNDLE_SECTION`], hold the modules in order. So it is honestly a `.wasm`, which hosts compress like any
/// other (they choose by content type), and it describes itself: `public/loader.js` reads the sections back.
pub fn bundle(modules: &[&[u8]]) -> Vec<u8> {
    let mut file = b"\0asm\x01\0\0\0".to_vec();
    for module in modules {
        let mut content = leb128(BUNDLE_SECTION.len());
        content.extend_from_slice(BUNDLE_SECTION.as_bytes());
        file.push(0);
        file.extend(leb128(content.len() + module.len()));
        file.extend(content);
        file.extend_from_slice(module);
    }
    file
}

/// An unsigned LEB128 number, as WebAssembly writes sizes.
fn leb128(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn fail(what: &str, path: &Path, e: std::io::Error) -> Failure {
    Failure(format!("cannot {what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEB_GLUE: &str = "import * as import1 from \"./__wasm_split.js\"\n\
        let wasm;\n/**\n * @returns {number}\n */\nexport class Thing {}\n\n    // A comment.\nexport function helper() {}\n\
        function initSync(module) { return wasm; }\n\
        async function __wbg_init(module_or_path) { module_or_path = new URL('a_bg.wasm', import.meta.url); }\n\
        function imports() { return { \"./__wasm_split.js\": import1 }; }\n\
        export { initSync, __wbg_init as default };\n";

    #[test]
    fn the_web_glue_becomes_plain_code_that_declares_the_start_function_and_the_part_imports() {
        let glue = classic_glue(WEB_GLUE).unwrap();
        assert!(glue.starts_with("const splitImports = {};\nconst wasm_bindgen = (() => {"));
        assert!(glue.contains("const import1 = splitImports;"));
        assert!(glue.contains("\nclass Thing {}") && glue.contains("\nfunction helper() {}"));
        assert!(glue.ends_with("return Object.assign(__wbg_init, { initSync });\n})();"));
        assert!(!glue.contains("import.meta") && !glue.contains("export"));
        assert!(!glue.contains("@returns") && !glue.contains("A comment") && !glue.contains("\n\n"));
    }

    #[test]
    fn views_are_found_by_their_split_functions_names() {
        let module = b"\0asm..__wasm_split_00reading00_import_0123abcd_view_timeline\x02..\
            __wasm_split_00reading00_export_0123abcd_view_timeline..__wasm_split_00quiz00_import_99_view_quiz\x05\
            __wasm_split_load_quiz__wasm_split_00reading00_import_0123abcd_view_timeline";
        assert_eq!(
            views_in_parts(module),
            vec![
                ("quiz".to_string(), "__wasm_split_load_quiz".to_string()),
                ("timeline".to_string(), "__wasm_split_load_reading".to_string()),
            ]
        );
    }

    /// Reads a bundle back section by section, as a WebAssembly parser (and `public/loader.js`) would.
    fn sections(file: &[u8]) -> Vec<(u8, String, &[u8])> {
        let read = |at: &mut usize| {
            let (mut n, mut shift) = (0usize, 0);
            loop {
                let byte = file[*at];
                *at += 1;
                n |= usize::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    return n;
                }
            }
        };
        assert_eq!(&file[..8], b"\0asm\x01\0\0\0", "a module header");
        let mut at = 8;
        let mut found = Vec::new();
        while at < file.len() {
            let id = file[at];
            at += 1;
            let size = read(&mut at);
            let end = at + size;
            let name_len = read(&mut at);
            let name = String::from_utf8(file[at..at + name_len].to_vec()).unwrap();
            found.push((id, name, &file[at + name_len..end]));
            at = end;
        }
        assert_eq!(at, file.len(), "the last section ends with the file");
        found
    }

    #[test]
    fn a_bundle_is_a_module_whose_custom_sections_hold_the_modules_in_order() {
        let big = vec![7u8; 300]; // a size that takes two LEB128 bytes
        let modules: [&[u8]; 3] = [b"\0asm\x01\0\0\0one", &big, b""];
        let file = bundle(&modules);
        let found = sections(&file);
        assert_eq!(found.len(), 3);
        for ((id, name, payload), module) in found.iter().zip(modules) {
            assert_eq!((*id, name.as_str()), (0, BUNDLE_SECTION), "a custom section");
            assert_eq!(*payload, module);
        }
        assert_eq!(leb128(300), [0xac, 0x02]);
    }

    #[test]
    fn an_unknown_import_or_a_missing_start_function_stops_the_build() {
        let other = WEB_GLUE.replace("./__wasm_split.js\"\n", "./snippets/x.js\"\n");
        assert!(classic_glue(&other)
            .unwrap_err()
            .contains("other than the part loaders"));
        let named = format!("import {{ a }} from './b.js';\n{WEB_GLUE}");
        assert!(classic_glue(&named).unwrap_err().contains("does not know"));
        let no_init = WEB_GLUE.replace("function initSync", "function other");
        assert!(classic_glue(&no_init).unwrap_err().contains("initSync"));
        let template = WEB_GLUE.replace("let wasm;", "let wasm = `a\n  b`;");
        assert!(classic_glue(&template).unwrap_err().contains("template literal"));
    }
}
