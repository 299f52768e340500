//! `cargo xtask <command>`: the project's set-up, build and test entry points, in Rust so they work the same
//! on Linux, macOS and Windows. Every pinned tool version lives in `tools.rs`.

mod package;
mod run;
mod shell;
mod tools;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use run::{cmd, Failure};

const USAGE: &str = "\
usage: cargo xtask <command>

  serve   install missing tools, then serve the app at http://127.0.0.1:8080 with live reload
  test    install missing tools, then run every test, in order: fmt --check, yamllint, clippy -D warnings,
          cargo test, release build, byte ceilings, package, drill build, browser tests (what .ci/run runs)
  lint    cargo fmt --check and cargo clippy -D warnings (run before committing; kept out of `test` for CI time)
  dist    release build into dist/ (relocatable: serve it from any folder)
  e2e     browser tests only, against the existing dist/ (builds dist-drill/ first if it is missing)
  shots   screenshots of every view at 360x740 and 1280x800, light and dark, into end2end/screenshots/
  package release build, then target/package/reverse-wave-<version>.zip: the app, HOW-TO-PUBLISH.txt and the
          tested server settings (deploy/), for schools that do not build Rust
  shell   the page shell step that Trunk runs after each build (Trunk.toml): inline start-up code, policy,
          _headers, sw.js (xtask/src/shell); `cargo xtask shell <folder>` runs it on a staged build
  bench   release build, then sizes, timings and Lighthouse scores against the budgets into bench/report.json
          and report.md
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root),
        Some("test") => test(&root),
        Some("dist") => tools::ensure_build_tools(&root).and_then(|()| dist(&root)),
        Some("e2e") => tools::ensure_browser_tools(&root).and_then(|()| e2e(&root, &args[1..])),
        Some("shots") => tools::ensure_browser_tools(&root).and_then(|()| shots(&root)),
        Some("bench") => bench(&root),
        Some("lint") => lint(&root),
        Some("package") => tools::ensure_build_tools(&root)
            .and_then(|()| dist(&root))
            .and_then(|()| package::package(&root).map(|_| ())),
        Some("shell") => staging_dir(&args[1..]).and_then(|dir| shell::run(&root, &dir)),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("\nxtask: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the project")
        .to_path_buf()
}

/// The folder the shell step works on: Trunk names its staging folder in `TRUNK_STAGING_DIR`.
fn staging_dir(args: &[String]) -> Result<PathBuf, Failure> {
    args.first()
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .ok_or_else(|| Failure("usage: cargo xtask shell <folder> (Trunk runs it with TRUNK_STAGING_DIR set)".into()))
}

fn serve(root: &Path) -> Result<(), Failure> {
    tools::ensure_build_tools(root)?;
    println!("Serving Reverse Wave at http://127.0.0.1:8080 (Ctrl+C to stop)");
    cmd("trunk", root)
        .args(["serve", "--address", "127.0.0.1", "--port", "8080"])
        .run()
}

fn dist(root: &Path) -> Result<(), Failure> {
    cmd("trunk", root).args(["build", "--release"]).run()
}

/// The drill build for `end2end/tests/drill.spec.mjs`: planted markup and a panic on demand (the `drill`
/// feature). Its own folder, so it can never be mistaken for the build that is deployed.
fn dist_drill(root: &Path) -> Result<(), Failure> {
    cmd("trunk", root)
        .args(["build", "--release", "--dist", "dist-drill"])
        .env(wasm::FEATURES_ENV, "drill")
        .run()
}

fn e2e(root: &Path, only: &[String]) -> Result<(), Failure> {
    if !root.join("dist-drill/index.html").exists() {
        dist_drill(root)?;
    }
    let dir = root.join("end2end/tests");
    let mut specs: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| Failure(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".spec.mjs"))
        .filter(|p| only.is_empty() || only.iter().any(|o| p.to_string_lossy().contains(o.as_str())))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    specs.sort();
    cmd("node", &root.join("end2end"))
        // One spec file at a time (browsers are heavy on two cores); a test that hangs fails after 5 minutes, and
        // a handle a spec leaks (a browser that outlives it) cannot keep the run from ending.
        .args([
            "--test",
            "--test-concurrency=1",
            "--test-timeout=300000",
            "--test-force-exit",
        ])
        .args(specs)
        .run()
}

fn shots(root: &Path) -> Result<(), Failure> {
    cmd("node", &root.join("end2end")).args(["screenshots.mjs"]).run()
}

fn lint(root: &Path) -> Result<(), Failure> {
    cmd("cargo", root).args(["fmt", "--all", "--check"]).run()?;
    cmd("cargo", root)
        .args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
        .run()
}

/// Reports; never fails on a missed budget (timings vary between machines): read the PASS/FAIL lines.
fn bench(root: &Path) -> Result<(), Failure> {
    tools::ensure_bench_packages(root)?;
    tools::ensure_build_tools(root)?;
    tools::ensure_browser_tools(root)?;
    tools::ensure_twiggy(root)?;
    dist(root)?;
    cmd("node", &root.join("end2end")).args(["bench.mjs"]).run()
}

fn test(root: &Path) -> Result<(), Failure> {
    tools::ensure_build_tools(root)?;
    tools::ensure_browser_tools(root)?;
    tools::ensure_test_programs()?;
    cmd("cargo", root).args(["fmt", "--all", "--check"]).run()?;
    cmd("yamllint", root).args(["--strict", ".github"]).run()?;
    cmd("cargo", root)
        .args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
        .run()?;
    cmd("cargo", root).args(["test", "--workspace"]).run()?;
    dist(root)?;
    // Byte sizes are deterministic, so CI enforces their ceilings (timings are only reported, by `bench`).
    cmd("node", &root.join("end2end")).args(["check-bytes.mjs"]).run()?;
    // The zip a school downloads; end2end/tests/deploy.spec.mjs serves it with nginx.
    package::package(root)?;
    dist_drill(root)?;
    e2e(root, &[])?;
    println!("\nAll tests passed.");
    Ok(())
}
