//! The shell step on a small stand-in for Trunk's output, in both modes. The browser specs
//! (`end2end/tests/security.spec.mjs`, `embed.spec.mjs`, `offline.spec.mjs`) check the real release build.

use std::path::PathBuf;

use super::*;

const GLUE: &str = "let wasm_bindgen = (function(exports) { return exports; })({ __proto__: null });";
const LIVE_RELOAD: &str =
    "<script>(function(){ const url = 'ws://' + address + base + '.well-known/trunk/ws'; })()</script>";

/// A project folder (page sources) and a staged build, as Trunk leaves them before the hook runs.
struct Fixture {
    root: PathBuf,
    dir: PathBuf,
}

impl Fixture {
    fn new(name: &str, body_extra: &str) -> Fixture {
        let base = std::env::temp_dir().join(format!("reverse-wave-shell-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("project");
        let dir = base.join("staging");
        for d in [root.join("public"), dir.join("icons")] {
            std::fs::create_dir_all(d).unwrap();
        }
        let put = |path: PathBuf, text: &[u8]| std::fs::write(path, text).unwrap();
        put(root.join("public/boot.js"), b"// boot\r\nwindow.booted = 1;\n");
        put(
            root.join("public/loader.js"),
            b"wasm_bindgen({ module_or_path: BUILD.wasm });\n",
        );
        put(
            root.join("public/sw.js"),
            b"self.addEventListener('fetch', () => FILES);\n",
        );
        put(
            root.join("public/_headers"),
            b"# comment\n/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors *\n  X-Content-Type-Options: nosniff\n",
        );
        put(dir.join("a-1.css"), b"a{color:red}\n");
        put(dir.join("b-2.css"), b"b{color:blue}\n");
        put(dir.join("app-3.js"), GLUE.as_bytes());
        put(dir.join("app-3_bg.wasm"), b"\0asm\x01\0\0\0");
        put(dir.join("icon-4.svg"), b"<svg/>");
        put(dir.join("icons/icon-192.png"), b"png");
        let icon = integrity(b"<svg/>");
        let page = format!(
            "<!doctype html><html><head><meta charset=utf-8><title>T</title>\
             <link href=./icon-4.svg integrity={icon} rel=icon><link href=./a-1.css integrity=x rel=stylesheet>\
             <link href=./b-2.css integrity=y rel=stylesheet>\
             <template data-glue=./app-3.js data-wasm=./app-3_bg.wasm id=reverse-wave-start></template></head>\
             <body><p>Loading</p>{body_extra}</body></html>"
        );
        put(dir.join("index.html"), page.as_bytes());
        Fixture { root, dir }
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path)).unwrap()
    }

    fn exists(&self, path: &str) -> bool {
        self.dir.join(path).exists()
    }
}

/// The text of every inline element called `name` in `page`.
fn inline_texts(page: &str, name: &str) -> Vec<String> {
    html::elements(page)
        .iter()
        .filter(|e| e.name == name && e.attr("src").is_none())
        .map(|e| page[e.content.clone()].to_string())
        .collect()
}

#[test]
fn inline_script_loses_indentation_blank_lines_and_comment_lines_but_nothing_else() {
    let code = "/**\n * Docs.\n */\nfunction f(a) {\n  // why\n\n  return a; // kept: may be inside a string\n}\n/* one line */\nconst u = 'http://x';";
    assert_eq!(
        compact_script(code).unwrap(),
        "function f(a) {\nreturn a; // kept: may be inside a string\n}\nconst u = 'http://x';"
    );
    assert!(compact_script("const t = `a\n  b`;")
        .unwrap_err()
        .contains("template literal"));
}

#[test]
fn a_static_build_gets_inline_code_a_policy_with_its_hashes_and_a_service_worker() {
    let f = Fixture::new("static", "");
    let manifest = write_shell(&f.root, &f.dir, &[], &Parts::default()).unwrap();
    assert_eq!(manifest.mode, Mode::Static);
    let page = f.read("index.html");

    // Policy first, then boot; styles in order as one <style>; the start script where the marker was.
    let policy_at = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("a policy meta");
    assert!(policy_at < page.find("<script").unwrap() && policy_at < page.find("<style").unwrap());
    let scripts = inline_texts(&page, "script");
    assert_eq!(scripts.len(), 2);
    assert_eq!(
        scripts[0], "window.booted = 1;",
        "no comment lines; line ends as the parser reads them"
    );
    assert!(scripts[1].starts_with(GLUE));
    assert!(scripts[1].contains(&format!("integrity: \"{}\"", integrity(b"\0asm\x01\0\0\0"))));
    assert!(scripts[1].contains("serviceWorker: \"sw.js\""));
    assert!(scripts[1].ends_with("wasm_bindgen({ module_or_path: BUILD.wasm });"));
    assert_eq!(inline_texts(&page, "style"), ["a{color:red}\nb{color:blue}"]);
    assert!(page.contains("<script type=\"module\">") && !page.contains("reverse-wave-start"));
    assert!(!page.contains("rel=stylesheet"));

    // The policy allows exactly the inline code; stylesheets also from any site until boot.js narrows that to the
    // page's origin (WebKit, see `policies`). _headers carries only what names no 'self'.
    let hash = |t: &str, kind| Inline::new(kind, "t", t).unwrap().csp_hash;
    let script_src = format!(
        "script-src 'self' 'wasm-unsafe-eval' {} {}",
        hash(&scripts[0], InlineKind::Script),
        hash(&scripts[1], InlineKind::Module)
    );
    let style_src = format!(
        "style-src 'self' {} https: http:",
        hash(&inline_texts(&page, "style")[0], InlineKind::Style)
    );
    let meta = format!("default-src 'self'; {script_src}; {style_src}");
    assert!(
        page.contains(&format!("content=\"{meta}\" data-self-fallback=\"https: http:\"")),
        "{page}"
    );
    assert!(f
        .read("_headers")
        .contains("\n  Content-Security-Policy: frame-ancestors *\n"));
    assert!(f.read("_headers").starts_with("# comment\n"));

    // Inlined files are gone; the opaque-origin copy holds the .wasm in base64.
    assert!(!f.exists("a-1.css") && !f.exists("b-2.css") && !f.exists("app-3.js"));
    assert_eq!(
        f.read("app-3_bg.wasm.css"),
        ":host{--reverse-wave-bytes:\"AGFzbQEAAAA=\"}\n"
    );

    // The service worker keeps every file of the build except host configuration, itself and the copy.
    let sw = f.read("sw.js");
    assert!(sw.contains("[\"./\", \"\"]"));
    assert!(sw.contains(&format!("[\"./icons/icon-192.png\", \"{}\"]", integrity(b"png"))));
    for absent in ["_headers", "sw.js", "wasm.css"] {
        assert!(!sw.contains(&format!("{absent}\"")), "{absent} is not precached");
    }
    assert!(
        sw.contains("\nconst PARTS = null;\n"),
        "a build without parts has no table"
    );
    assert!(sw.ends_with("self.addEventListener('fetch', () => FILES);\n"));
    let precached: Vec<&str> = manifest
        .files
        .iter()
        .filter(|f| f.precache)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        precached,
        ["app-3_bg.wasm", "icon-4.svg", "icons/icon-192.png", "index.html"]
    );
}

#[test]
fn a_live_reload_build_starts_the_same_way_without_policy_or_service_worker() {
    let stat = Fixture::new("same", "");
    write_shell(&stat.root, &stat.dir, &[], &Parts::default()).unwrap();
    let live = Fixture::new("live", LIVE_RELOAD);
    let manifest = write_shell(&live.root, &live.dir, &[], &Parts::default()).unwrap();
    assert_eq!(manifest.mode, Mode::LiveReload);
    let page = live.read("index.html");
    assert!(!page.contains("Content-Security-Policy"));
    assert!(!live.exists("sw.js") && !live.exists("_headers"));
    assert!(page.contains(LIVE_RELOAD), "Trunk's script stays");
    // The start code differs only in the service worker it names.
    let start = |page: &str| inline_texts(page, "script")[1].clone();
    assert_eq!(
        start(&page),
        start(&stat.read("index.html")).replace("serviceWorker: \"sw.js\"", "serviceWorker: null")
    );
    assert_eq!(
        inline_texts(&page, "style"),
        inline_texts(&stat.read("index.html"), "style")
    );
}

#[test]
fn refuses_a_page_it_does_not_know() {
    let f = Fixture::new("unknown-script", "<script src=./extra.js></script>");
    assert!(write_shell(&f.root, &f.dir, &[], &Parts::default())
        .unwrap_err()
        .contains("a script this step does not know"));

    let f = Fixture::new("stale-icon", "");
    std::fs::write(f.dir.join("icon-4.svg"), b"<svg>changed</svg>").unwrap();
    assert!(write_shell(&f.root, &f.dir, &[], &Parts::default())
        .unwrap_err()
        .contains("does not match the file"));

    let f = Fixture::new("no-marker", "");
    let page = f.read("index.html").replace("id=reverse-wave-start", "id=other");
    std::fs::write(f.dir.join("index.html"), page).unwrap();
    assert!(write_shell(&f.root, &f.dir, &[], &Parts::default())
        .unwrap_err()
        .contains("expected one start marker"));

    let f = Fixture::new("unsafe-policy", "");
    let headers = std::fs::read_to_string(f.root.join("public/_headers")).unwrap();
    std::fs::write(
        f.root.join("public/_headers"),
        headers.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    )
    .unwrap();
    assert!(write_shell(&f.root, &f.dir, &[], &Parts::default())
        .unwrap_err()
        .contains("must not allow inline"));
}

#[test]
fn parts_are_listed_for_the_loader_and_kept_offline_one_by_one_never_as_bundles() {
    let f = Fixture::new("parts", "");
    std::fs::create_dir_all(f.dir.join("parts")).unwrap();
    let (chunk, part) = (b"\0asm\x01\0\0\0chunk".as_slice(), b"\0asm\x01\0\0\0part".as_slice());
    let bundle = crate::wasm::bundle(&[chunk, part]);
    for (path, bytes) in [
        ("parts/part-c.wasm", chunk),
        ("parts/part-p.wasm", part),
        ("parts/bundle-b.wasm", &bundle),
    ] {
        std::fs::write(f.dir.join(path), bytes).unwrap();
    }
    let parts = Parts {
        files: vec!["parts/part-p.wasm".into(), "parts/part-c.wasm".into()],
        loaders: vec![("__wasm_split_load_quiz".into(), vec![1, 0])],
        views: vec![("quiz".into(), "__wasm_split_load_quiz".into())],
        bundles: vec![Bundle {
            loader: "__wasm_split_load_quiz".into(),
            path: "parts/bundle-b.wasm".into(),
        }],
    };
    let manifest = write_shell(&f.root, &f.dir, &[], &parts).unwrap();

    // The table of part files is a file of its own, with its integrity value in the page.
    let entry = |path: &str, bytes: &[u8]| format!("[\"./{path}\", \"{}\", \"./{path}.css\"]", integrity(bytes));
    let table = format!(
        "[\n{},\n{}\n]\n",
        entry("parts/part-p.wasm", part),
        entry("parts/part-c.wasm", chunk)
    );
    let table_path = format!("parts/files-{}.json", fingerprint(table.as_bytes()));
    assert_eq!(f.read(&table_path), table);
    let start = inline_texts(&f.read("index.html"), "script")[1].clone();
    let expected = format!(
        "views: {{ \"quiz\": \"__wasm_split_load_quiz\" }}, loaders: {{ \"__wasm_split_load_quiz\": [1, 0] }}, \
         bundles: {{ \"__wasm_split_load_quiz\": {} }}, partFiles: {} }};",
        entry("parts/bundle-b.wasm", &bundle),
        entry(&table_path, table.as_bytes())
    );
    assert!(start.contains(&expected), "{start}");

    // Parts, bundles and the table have opaque-origin copies; a bundle is not kept offline (its bytes are the
    // parts').
    for copy in [
        "parts/part-p.wasm.css",
        "parts/part-c.wasm.css",
        "parts/bundle-b.wasm.css",
        &format!("{table_path}.css"),
    ] {
        assert!(f.exists(copy), "{copy}");
    }
    let precached: Vec<&str> = manifest
        .files
        .iter()
        .filter(|f| f.precache && f.path.starts_with("parts/"))
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        precached,
        [table_path.as_str(), "parts/part-c.wasm", "parts/part-p.wasm"]
    );
    // The worker reads the part files from the table, which it lists; the parts themselves it does not.
    let sw = f.read("sw.js");
    assert!(sw.contains(&format!("[\"./{table_path}\", \"{}\"]", integrity(table.as_bytes()))));
    assert!(sw.contains(&format!("\nconst PARTS = \"./{table_path}\";\n")));
    assert!(!sw.contains("part-p") && !sw.contains("part-c") && !sw.contains("bundle-b"));
}
