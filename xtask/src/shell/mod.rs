//! The page shell: the one step between the files Trunk builds and the app's `dist/`. Trunk runs it after every
//! build, on the staged folder (`Trunk.toml`: a `post_build` hook calling `cargo xtask shell`).
//!
//! # How a page starts
//!
//! After this step `index.html` holds, in order:
//!
//! 1. `<meta charset>`, then the Content-Security-Policy `<meta>` (a meta policy only governs what follows it;
//!    see [`policies`] for why `boot.js` adds a second one);
//! 2. `public/boot.js` as a `<script>`: the watchdog that turns the loading panel into a friendly message if the
//!    app cannot start, and applies the reader's theme to that panel;
//! 3. every stylesheet, as one `<style>`;
//! 4. one `<script type="module">`, where `index.html` holds its start marker (named by `stage_wasm`):
//!    wasm-bindgen's glue, then `const BUILD = {…}` (this build's `.wasm`, its integrity value, the parts that
//!    load later and the service worker, written from the manifest below), then `public/loader.js`. The glue is
//!    rewritten by `crate::wasm::classic_glue`, which guarantees what we rely on: it declares `wasm_bindgen`, the
//!    function that starts the app, and `splitImports`, where the loader puts the part loaders. The loader calls
//!    it; nothing has to search the generated code.
//! 5. the loading panel, which is what a reader sees until the app replaces it.
//!
//! # Why the code is inline
//!
//! Schools embed the app in `<iframe sandbox="allow-scripts">`. Without `allow-same-origin` such a frame has an
//! opaque origin, and there every module script, `fetch()` and file with an `integrity` attribute is a CORS
//! request, which a host that sends no `Access-Control-Allow-Origin` refuses. Inline code is not fetched, and the
//! policy allows exactly this code by its SHA-256 hash. The `.wasm` itself is fetched with its integrity value;
//! in an opaque-origin frame the loader reads `<name>_bg.wasm.css` instead, a stylesheet (fetched without CORS)
//! holding the same bytes in base64, and checks them against the same integrity value before compiling them.
//!
//! # Two kinds of build, one start
//!
//! `trunk serve` adds an inline live-reload script that a strict policy would block, and a service worker would
//! serve stale files while you edit. So a build with that script ([`Mode::LiveReload`]) gets no policy and no
//! service worker. That is the only difference: the page starts the same way in both (tested in this module).
//!
//! # Outputs, all from one manifest
//!
//! [`Manifest`] lists the inline code (with its policy hashes) and every file of the build (with its integrity
//! value and whether it is kept offline). From it come `index.html`, `_headers` (the policy in
//! `public/_headers`, the one place it is written, plus the hashes), `sw.js` (`public/sw.js` after this build's
//! file list) and the loader's `BUILD` constant. Static builds also get `.br` and `.gz` copies of every file that
//! compresses, for servers that send them as they are (`deploy/`).

mod compress;
mod html;
mod manifest;
mod packs;

use std::path::Path;

use crate::run::Failure;
use html::{Edits, Element};
use manifest::{fingerprint, integrity, json_string};
pub use manifest::{File, Inline, InlineKind};
use packs::Pack;

/// Script that ships inline to every reader (the glue, `public/boot.js`, `public/loader.js`), without what only
/// its readers need: indentation, blank lines, and comments that fill their lines. The page's HTML arrives
/// before anything else can start, so its bytes delay every view (bench/levers.md); the files in `public/` keep
/// their comments. Lines stay lines, so no statement changes meaning; a comment after code stays (telling it
/// from a `//` inside a string is a parser's job). A template literal that spans lines, whose text trimming would
/// change, stops the build.
pub fn compact_script(code: &str) -> Result<String, String> {
    let mut kept = Vec::new();
    let mut in_comment = false;
    for line in code.lines() {
        let trimmed = line.trim();
        if in_comment || trimmed.starts_with("/*") {
            in_comment = !trimmed.ends_with("*/");
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        if trimmed.matches('`').count() % 2 == 1 {
            return Err(format!(
                "a template literal that spans lines, which trimming would change: {line}"
            ));
        }
        kept.push(trimmed);
    }
    Ok(kept.join("\n"))
}

/// The element Trunk writes in place of its own start script (`Trunk.toml`, `pattern_script`), naming the
/// wasm-bindgen glue and the `.wasm`.
const START_MARKER: &str = "reverse-wave-start";
const SW_FILE: &str = "sw.js";
const HEADERS_FILE: &str = "_headers";
/// Appended to the name of the `.wasm` and of each language pack for its stylesheet copy, read only in
/// opaque-origin frames.
const WASM_CSS_SUFFIX: &str = ".css";
/// The folder of the parts of the app that load later (`crate::wasm`).
const PARTS_DIR: &str = "parts";
/// How a part file's name starts (in [`PARTS_DIR`]).
const PART_PREFIX: &str = "part-";
/// How a bundle's name starts (in [`PARTS_DIR`]).
const BUNDLE_PREFIX: &str = "bundle-";
/// How the name of the table of part files starts (in [`PARTS_DIR`]; see [`parts_constant`]).
const PART_TABLE_PREFIX: &str = "files-";
/// The custom property that holds a file's bytes, in base64, in its stylesheet copy (`public/loader.js`).
const COPY_PROPERTY: &str = "--reverse-wave-bytes";
/// What Trunk's live-reload script connects to.
const LIVE_RELOAD_URL: &str = ".well-known/trunk/ws";

/// Whether the page is served by `trunk serve` with live reload (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Static,
    LiveReload,
}

/// Everything the shell is made of.
#[derive(Debug)]
pub struct Manifest {
    pub mode: Mode,
    /// Code written into the page, in page order: boot, styles, start.
    pub inline: Vec<Inline>,
    /// Every file of the finished build, sorted by path.
    pub files: Vec<File>,
}

/// The shell step for the build in `dir` (Trunk's staging folder); page sources are read from `root`.
pub fn run(root: &Path, dir: &Path) -> Result<(), Failure> {
    // Trunk names its profile for hooks; a shell step run by hand works on a release build.
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let wasm = crate::wasm::build(root, release)?;
    let parts = stage_wasm(dir, &wasm).map_err(Failure)?;
    let packs = packs::build(root).map_err(Failure)?;
    let manifest = write_shell(root, dir, &packs, &parts).map_err(Failure)?;
    let inlined: Vec<&str> = manifest.inline.iter().map(|i| i.from.as_str()).collect();
    let offline = match manifest.mode {
        Mode::Static => format!(
            "{} kept offline by {SW_FILE}",
            manifest.files.iter().filter(|f| f.precache).count()
        ),
        Mode::LiveReload => "no service worker, no policy (live reload)".into(),
    };
    println!(
        "shell: inlined {}; {} files, {} of them parts that load later; {offline}",
        inlined.join(", "),
        manifest.files.len(),
        parts.files.len()
    );
    Ok(())
}

/// The parts of the app that load later (`crate::wasm`), as the page's loader needs them: each part's file,
/// and for each loader function the main module imports, the parts it links in order.
#[derive(Debug, Default)]
pub struct Parts {
    pub files: Vec<String>,
    pub loaders: Vec<(String, Vec<usize>)>,
    /// Each view in a part, with its part's loader (`crate::wasm::views_in_parts`).
    pub views: Vec<(String, String)>,
    /// For each loader, the same files in one download (`crate::wasm::bundle`).
    pub bundles: Vec<Bundle>,
}

/// A loader's files in one file (in the loader's order): the loader and the file.
#[derive(Debug)]
pub struct Bundle {
    pub loader: String,
    pub path: String,
}

/// Puts the built WebAssembly into the staged build under content-hashed names, and names the glue and the main
/// module in the start marker, where the rest of this step expects them.
fn stage_wasm(dir: &Path, wasm: &crate::wasm::Wasm) -> Result<Parts, String> {
    let glue = format!("reverse-wave-{}.js", fingerprint(wasm.glue.as_bytes()));
    let main = format!("reverse-wave-{}_bg.wasm", fingerprint(&wasm.main));
    write(dir, &glue, wasm.glue.as_bytes())?;
    write(dir, &main, &wasm.main)?;
    std::fs::create_dir_all(dir.join(PARTS_DIR)).map_err(|e| format!("cannot create {PARTS_DIR}/: {e}"))?;
    let mut files = Vec::new();
    for part in &wasm.parts {
        let path = format!("{PARTS_DIR}/{PART_PREFIX}{}.wasm", fingerprint(part));
        write(dir, &path, part)?;
        files.push(path);
    }
    let mut bundles = Vec::new();
    for (loader, needs) in &wasm.loaders {
        let modules: Vec<&[u8]> = needs.iter().map(|&i| wasm.parts[i].as_slice()).collect();
        let file = crate::wasm::bundle(&modules);
        let path = format!("{PARTS_DIR}/{BUNDLE_PREFIX}{}.wasm", fingerprint(&file));
        write(dir, &path, &file)?;
        bundles.push(Bundle {
            loader: loader.clone(),
            path,
        });
    }
    let page = read_text(dir, "index.html")?;
    let elements = html::elements(&page);
    let marker = one(&elements, "start marker", |e| {
        e.name == "template" && e.attr("id") == Some(START_MARKER)
    })?;
    let mut edits = Edits::default();
    edits.replace(
        marker.span.clone(),
        format!("<template id=\"{START_MARKER}\" data-glue=\"./{glue}\" data-wasm=\"./{main}\"></template>"),
    );
    write(dir, "index.html", edits.apply(&page).as_bytes())?;
    Ok(Parts {
        files,
        loaders: wasm.loaders.clone(),
        views: wasm.views.clone(),
        bundles,
    })
}

fn write_shell(root: &Path, dir: &Path, packs: &[Pack], parts: &Parts) -> Result<Manifest, String> {
    let page = read_text(dir, "index.html")?;
    let elements = html::elements(&page);
    let mode = mode_of(&page, &elements)?;

    // What Trunk built (the stylesheets, in page order) and what `stage_wasm` added (the glue and the .wasm).
    let marker = one(&elements, "start marker", |e| {
        e.name == "template" && e.attr("id") == Some(START_MARKER)
    })?;
    let glue_path = relative(marker.attr("data-glue"))?;
    let wasm_path = relative(marker.attr("data-wasm"))?;
    let sheets: Vec<&Element> = elements
        .iter()
        .filter(|e| e.name == "link" && e.attr("rel") == Some("stylesheet"))
        .collect();
    if sheets.is_empty() {
        return Err("index.html has no stylesheet".into());
    }
    let sheet_paths = sheets
        .iter()
        .map(|s| relative(s.attr("href")))
        .collect::<Result<Vec<_>, _>>()?;

    // The inline code.
    let css = sheet_paths
        .iter()
        .map(|p| read_text(dir, p).map(|t| t.trim().to_string()))
        .collect::<Result<Vec<_>, _>>()?
        .join("\n");
    let style = Inline::new(InlineKind::Style, "the stylesheets", &css)?;
    let boot = Inline::new(
        InlineKind::Script,
        "public/boot.js",
        &compact_script(&read_text(root, "public/boot.js")?)?,
    )?;
    let wasm = read_bytes(dir, wasm_path)?;
    let wasm_css = format!("{wasm_path}{WASM_CSS_SUFFIX}");
    let build = build_constant(
        mode,
        wasm_path,
        &integrity(&wasm),
        &wasm_css,
        packs,
        &parts_constant(dir, parts)?,
    );
    let start_code = format!(
        "{}\n{build}\n{}",
        read_text(dir, glue_path)?.trim(),
        compact_script(&read_text(root, "public/loader.js")?)?
    );
    let start = Inline::new(InlineKind::Module, "the glue and public/loader.js", &start_code)?;

    // Files that only existed to be inlined go; the opaque-origin copy of the .wasm comes.
    for path in sheet_paths.iter().chain([&glue_path]) {
        std::fs::remove_file(dir.join(path)).map_err(|e| format!("cannot remove {path}: {e}"))?;
    }
    write(dir, &wasm_css, &opaque_origin_copy(&wasm))?;
    for part in &parts.files {
        write(
            dir,
            &format!("{part}{WASM_CSS_SUFFIX}"),
            &opaque_origin_copy(&read_bytes(dir, part)?),
        )?;
    }
    // The language packs, each with its copy too.
    if !packs.is_empty() {
        std::fs::create_dir_all(dir.join(packs::PACK_DIR)).map_err(|e| format!("cannot create lang/: {e}"))?;
    }
    for pack in packs {
        write(dir, &pack.path(), pack.text.as_bytes())?;
        write(
            dir,
            &format!("{}{WASM_CSS_SUFFIX}", pack.path()),
            &opaque_origin_copy(pack.text.as_bytes()),
        )?;
    }

    // The policy, from public/_headers plus the inline code's hashes.
    let inline = vec![boot, style, start];
    let policy = match mode {
        Mode::Static => {
            let headers = read_text(root, &format!("public/{HEADERS_FILE}"))?;
            let (headers, meta_policy) = policies(&headers, &inline)?;
            write(dir, HEADERS_FILE, headers.as_bytes())?;
            Some(meta_policy)
        }
        Mode::LiveReload => None,
    };

    // index.html.
    let charset = one(&elements, "<meta charset>", |e| {
        e.name == "meta" && e.attr("charset").is_some()
    })?;
    let mut edits = Edits::default();
    let mut top = String::new();
    if let Some(policy) = &policy {
        top.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" data-self-fallback=\"{SELF_FALLBACK}\">"
        ));
    }
    top.push_str(&inline[0].element());
    edits.insert(charset.span.end, top);
    edits.replace(sheets[0].span.clone(), inline[1].element());
    for sheet in &sheets[1..] {
        edits.replace(sheet.span.clone(), "");
    }
    edits.replace(marker.span.clone(), inline[2].element());
    let page = edits.apply(&page);
    write(dir, "index.html", page.as_bytes())?;
    check_integrity_attributes(dir, &page)?;

    // The service worker, from the finished file list; then the precompressed copies of everything.
    let mut files = files_under(dir)?;
    if mode == Mode::Static {
        let template = read_text(root, "public/sw.js")?;
        write(dir, SW_FILE, service_worker(&files, packs, &template).as_bytes())?;
        let paths: Vec<String> = files_under(dir)?.into_iter().map(|f| f.path).collect();
        compress::precompress(dir, &paths.iter().map(String::as_str).collect::<Vec<_>>())?;
        files = files_under(dir)?;
    }
    Ok(Manifest { mode, inline, files })
}

/// A build with Trunk's live-reload script is served by `trunk serve`; any other inline or external script means
/// the page template changed in a way this step does not know.
fn mode_of(page: &str, elements: &[Element]) -> Result<Mode, String> {
    let mut mode = Mode::Static;
    for script in elements.iter().filter(|e| e.name == "script") {
        if page[script.content.clone()].contains(LIVE_RELOAD_URL) && script.attr("src").is_none() {
            mode = Mode::LiveReload;
        } else {
            return Err(format!(
                "index.html has a script this step does not know ({}…); start-up code belongs in public/boot.js \
                 or public/loader.js",
                &page[script.span.start..script.span.end.min(script.span.start + 60)]
            ));
        }
    }
    Ok(mode)
}

/// A file's stylesheet copy, for opaque-origin frames: its bytes in base64 in [`COPY_PROPERTY`]. Base64 has no
/// quote or backslash, so it sits in a CSS string as it is.
fn opaque_origin_copy(bytes: &[u8]) -> Vec<u8> {
    format!(":host{{{COPY_PROPERTY}:\"{}\"}}\n", base64_of(bytes)).into_bytes()
}

/// `views: {…}, loaders: {…}, bundles: {…}, partFiles: […]` for [`build_constant`]: the part loader of each
/// view in a part; for each loader function the parts it links (indices in the table of part files); for each
/// loader function its bundle's file, integrity value and stylesheet copy (written here); and the table of part
/// files (file, integrity value, stylesheet copy).
///
/// The table is a file of its own (written here, with its stylesheet copy), not part of the page: a first view
/// needs only its bundle, and the table's integrity values are some 5 KB that do not compress, which every
/// reader would download with the page. The loader fetches it when it first needs a part file on its own. A
/// build without parts has no table (`partFiles: null`).
fn parts_constant(dir: &Path, parts: &Parts) -> Result<String, String> {
    let files = parts
        .files
        .iter()
        .map(|f| {
            Ok(format!(
                "[{}, {}, {}]",
                json_string(&format!("./{f}")),
                json_string(&integrity(&read_bytes(dir, f)?)),
                json_string(&format!("./{f}{WASM_CSS_SUFFIX}"))
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let table = match files.is_empty() {
        true => "null".to_string(),
        false => {
            let table = format!("[\n{}\n]\n", files.join(",\n"));
            let path = format!("{PARTS_DIR}/{PART_TABLE_PREFIX}{}.json", fingerprint(table.as_bytes()));
            write(dir, &path, table.as_bytes())?;
            write(
                dir,
                &format!("{path}{WASM_CSS_SUFFIX}"),
                &opaque_origin_copy(table.as_bytes()),
            )?;
            format!(
                "[{}, {}, {}]",
                json_string(&format!("./{path}")),
                json_string(&integrity(table.as_bytes())),
                json_string(&format!("./{path}{WASM_CSS_SUFFIX}")),
            )
        }
    };
    let loaders: Vec<String> = parts
        .loaders
        .iter()
        .map(|(name, needs)| {
            let needs: Vec<String> = needs.iter().map(usize::to_string).collect();
            format!("{}: [{}]", json_string(name), needs.join(", "))
        })
        .collect();
    let views: Vec<String> = parts
        .views
        .iter()
        .map(|(view, loader)| format!("{}: {}", json_string(view), json_string(loader)))
        .collect();
    let bundles = parts
        .bundles
        .iter()
        .map(|b| {
            let bytes = read_bytes(dir, &b.path)?;
            let copy = format!("{}{WASM_CSS_SUFFIX}", b.path);
            write(dir, &copy, &opaque_origin_copy(&bytes))?;
            Ok(format!(
                "{}: [{}, {}, {}]",
                json_string(&b.loader),
                json_string(&format!("./{}", b.path)),
                json_string(&integrity(&bytes)),
                json_string(&format!("./{copy}")),
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(format!(
        "views: {{ {} }}, loaders: {{ {} }}, bundles: {{ {} }}, partFiles: {table}",
        views.join(", "),
        loaders.join(", "),
        bundles.join(", "),
    ))
}

/// `const BUILD = {…}`: what the loader needs to know about this build. `languages` maps each pack's language
/// to its file, integrity value and stylesheet copy; `parts` comes from [`parts_constant`].
fn build_constant(mode: Mode, wasm: &str, integrity: &str, wasm_css: &str, packs: &[Pack], parts: &str) -> String {
    let service_worker = match mode {
        Mode::Static => json_string(SW_FILE),
        Mode::LiveReload => "null".into(),
    };
    let languages: Vec<String> = packs
        .iter()
        .map(|p| {
            format!(
                "{}: [{}, {}, {}]",
                json_string(&p.lang),
                json_string(&format!("./{}", p.path())),
                json_string(&p.integrity()),
                json_string(&format!("./{}{WASM_CSS_SUFFIX}", p.path())),
            )
        })
        .collect();
    format!(
        "const BUILD = {{ wasm: {}, integrity: {}, opaqueOriginWasm: {}, serviceWorker: {service_worker}, \
         languages: {{ {} }}, {parts} }};",
        json_string(&format!("./{wasm}")),
        json_string(integrity),
        json_string(&format!("./{wasm_css}")),
        languages.join(", "),
    )
}

/// What WebKit needs besides `'self'` (see [`policies`]); `public/boot.js` narrows it to the page's own origin.
const SELF_FALLBACK: &str = "https: http:";
/// The directives that allow what a sandboxed frame loads from the app's folder: the `.wasm`'s stylesheet copy,
/// the icon and the manifest.
const SANDBOX_LOADS: [&str; 3] = ["style-src", "img-src", "manifest-src"];

/// The two policies written from the one in `public/_headers`:
///
/// - the page's `<meta>`: every directive but `frame-ancestors` (browsers ignore it in a meta), with the inline
///   code's hashes. WebKit resolves `'self'` in a frame sandboxed without `allow-same-origin` to the frame's opaque
///   origin, which matches nothing (WebKit bug 316847, fixed upstream in June 2026 but not in the Safari and
///   WebKitGTK of 2026), so it would refuse the app's own stylesheet copy of the `.wasm` there. The directives in
///   [`SANDBOX_LOADS`] therefore also allow [`SELF_FALLBACK`], marked on the meta as `data-self-fallback`; the
///   first thing `public/boot.js` does is add a second policy with the page's real origin in its place. Browsers
///   enforce every policy a page has, so from then on the page is as strict as `'self'`.
/// - `dist/_headers`: the directives that do not name `'self'`, which a header can carry safely in every engine
///   (the same as `deploy/nginx.conf` and `deploy/apache.conf`).
fn policies(headers: &str, inline: &[Inline]) -> Result<(String, String), String> {
    const KEY: &str = "Content-Security-Policy:";
    let line = headers
        .lines()
        .find(|l| l.trim_start().starts_with(KEY))
        .ok_or("public/_headers has no Content-Security-Policy line")?;
    let (indent, policy) = line.split_at(line.find(KEY).unwrap_or(0) + KEY.len());
    if [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'sha256-",
        SELF_FALLBACK,
    ]
    .iter()
    .any(|bad| policy.contains(bad))
    {
        return Err(format!(
            "public/_headers must not allow inline or eval'd code, any site, nor list hashes: {policy}"
        ));
    }
    let hashes = |kinds: &[InlineKind]| -> Vec<&str> {
        inline
            .iter()
            .filter(|i| kinds.contains(&i.kind))
            .map(|i| i.csp_hash.as_str())
            .collect()
    };
    let directives: Vec<&str> = policy.split(';').map(str::trim).filter(|d| !d.is_empty()).collect();
    let name = |d: &str| d.split_whitespace().next().unwrap_or_default().to_string();
    for needed in ["script-src", "style-src"] {
        if !directives.iter().any(|d| name(d) == needed) {
            return Err(format!(
                "the policy in public/_headers needs a {needed} for the inline code"
            ));
        }
    }
    let meta: Vec<String> = directives
        .iter()
        .filter(|d| name(d) != "frame-ancestors")
        .map(|d| {
            let mut parts = vec![d.to_string()];
            match name(d).as_str() {
                "script-src" => parts.extend(
                    hashes(&[InlineKind::Script, InlineKind::Module])
                        .into_iter()
                        .map(String::from),
                ),
                "style-src" => parts.extend(hashes(&[InlineKind::Style]).into_iter().map(String::from)),
                _ => {}
            }
            if SANDBOX_LOADS.contains(&name(d).as_str()) && d.contains("'self'") {
                parts.push(SELF_FALLBACK.to_string());
            }
            parts.join(" ")
        })
        .collect();
    let header: Vec<&str> = directives.iter().copied().filter(|d| !d.contains("'self'")).collect();
    Ok((
        headers.replacen(line, &format!("{indent} {}", header.join("; ")), 1),
        meta.join("; "),
    ))
}

/// `sw.js`: this build's version and file list, then `public/sw.js`. The page is listed as `./` (the address
/// readers open) and without integrity: some hosts rewrite HTML (injected snippets, e-mail obfuscation), which
/// must not stop the app from working offline; the page's own hashes still guard the code inside it. The
/// language packs are listed apart (`LATER`): kept once a reader has used them, not downloaded by everyone. The
/// part files are not listed: the worker reads them from the table of part files (`PARTS`, itself in `FILES`),
/// the same table the loader reads, so their integrity values travel once, not in every first visit's `sw.js`.
fn service_worker(files: &[File], packs: &[Pack], template: &str) -> String {
    let part_file = format!("{PARTS_DIR}/{PART_PREFIX}");
    let list: Vec<String> = files
        .iter()
        .filter(|f| f.precache && !f.path.starts_with(&part_file))
        .map(|f| match f.path.as_str() {
            "index.html" => "[\"./\", \"\"]".to_string(),
            path => format!("[{}, {}]", json_string(&format!("./{path}")), json_string(&f.integrity)),
        })
        .collect();
    let table = files
        .iter()
        .find(|f| f.path.starts_with(&format!("{PARTS_DIR}/{PART_TABLE_PREFIX}")))
        .map_or("null".into(), |f| json_string(&format!("./{}", f.path)));
    let later: Vec<String> = packs.iter().map(|p| json_string(&format!("./{}", p.path()))).collect();
    let version = fingerprint(format!("{}\n{}", list.join("\n"), later.join("\n")).as_bytes());
    format!(
        "// Written by `cargo xtask shell` (xtask/src/shell) for this build: its version and files, then public/sw.js.\n\
         const VERSION = {};\nconst FILES = [\n  {},\n];\nconst PARTS = {table};\nconst LATER = [{}];\n\n{}",
        json_string(&version),
        list.join(",\n  "),
        later.join(", "),
        template.trim_start()
    )
}

/// Every file below `dir`, sorted, with its integrity value. Not kept offline from the start: host
/// configuration, the service worker itself, the opaque-origin copies (opaque-origin frames have no service
/// worker), the precompressed copies (the worker stores what the browser decoded), the parts' bundles (the
/// worker keeps the same bytes as single files, which the loader asks for when a worker serves the page) and
/// the language packs (kept once used: [`service_worker`]).
fn files_under(dir: &Path) -> Result<Vec<File>, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<File>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{path}/"), out)?;
            } else {
                let bytes = std::fs::read(entry.path()).map_err(|e| format!("cannot read {path}: {e}"))?;
                let precache = path != SW_FILE
                    && path != HEADERS_FILE
                    // Every stylesheet of the page is inlined and its file removed: any .css is a copy.
                    && !path.ends_with(WASM_CSS_SUFFIX)
                    && !path.starts_with(&format!("{}/", packs::PACK_DIR))
                    && !path.starts_with(&format!("{PARTS_DIR}/{BUNDLE_PREFIX}"))
                    && !compress::is_copy(&path);
                out.push(File {
                    integrity: integrity(&bytes),
                    path,
                    precache,
                });
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The `integrity` attributes still in the page (the icon's) match their files, so a stale or changed file
/// fails the build instead of a reader's browser.
fn check_integrity_attributes(dir: &Path, page: &str) -> Result<(), String> {
    for e in html::elements(page) {
        let Some(expected) = e.attr("integrity") else { continue };
        let path = relative(e.attr("href").or(e.attr("src")))?;
        let actual = integrity(&read_bytes(dir, path)?);
        if actual != expected {
            return Err(format!(
                "{path}: integrity {expected} does not match the file ({actual})"
            ));
        }
    }
    Ok(())
}

fn one<'a>(elements: &'a [Element], what: &str, test: impl Fn(&Element) -> bool) -> Result<&'a Element, String> {
    let found: Vec<&Element> = elements.iter().filter(|e| test(e)).collect();
    match found.as_slice() {
        [only] => Ok(only),
        _ => Err(format!("expected one {what} in index.html, found {}", found.len())),
    }
}

/// A same-folder URL from the page (`./a.css`) as a path in the build folder (`a.css`).
fn relative(url: Option<&str>) -> Result<&str, String> {
    let url = url.ok_or("a link or script without its address")?;
    let path = url.strip_prefix("./").unwrap_or(url);
    if path.is_empty() || path.contains(':') || path.starts_with('/') || path.contains("..") {
        return Err(format!("{url}: only addresses inside the app's folder are allowed"));
    }
    Ok(path)
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn read_bytes(dir: &Path, path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(dir.join(path)).map_err(|e| format!("cannot read {}: {e}", dir.join(path).display()))
}

fn read_text(dir: &Path, path: &str) -> Result<String, String> {
    String::from_utf8(read_bytes(dir, path)?).map_err(|_| format!("{path} is not UTF-8"))
}

fn write(dir: &Path, path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(dir.join(path), bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

#[cfg(test)]
mod tests;
