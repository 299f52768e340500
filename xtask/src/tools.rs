//! Installs missing tools at pinned versions. Every version the build depends on is here or derived from a
//! lock file, so a fresh machine and CI build exactly what we build.

use std::path::Path;

use crate::run::{cmd, Failure};

/// Trunk 0.22 needs a newer rustc than our machines have; 0.21.14 is verified (shared/TOOLCHAIN.md).
const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// For `cargo xtask bench` only: what each crate costs in the WASM.
const TWIGGY_VERSION: &str = "0.8.0";
/// wasm-opt, which Trunk runs on release builds: binaryen's npm package (no dependencies), because binaryen ships no
/// binaries through cargo. Trunk.toml's `[tools] wasm_opt` must name the same version (checked).
const BINARYEN_VERSION: &str = "132.0.0";
/// The browser tests' npm packages (playwright-core, axe-core) are pinned in end2end/package-lock.json, and so is
/// Lighthouse, an optional dependency that only `cargo xtask bench` installs. The build needs none of them.
const NPM_DIR: &str = "end2end";
/// Appended to the lock file in the install stamp when the optional packages are installed too.
const WITH_OPTIONAL: &str = "\n(installed with optional packages)\n";

/// Everything `trunk build` needs, installed where Trunk finds it: so after this, plain `trunk build --release`
/// works too.
pub fn ensure_build_tools(root: &Path) -> Result<(), Failure> {
    ensure_wasm_target(root)?;
    ensure_trunk(root)?;
    ensure_wasm_bindgen(root)?;
    ensure_wasm_opt(root)?;
    // Trunk builds offline (Trunk.toml), so every crate must be in the local cache first.
    cmd("cargo", root).args(["fetch"]).run()
}

/// wasm-opt at `BINARYEN_VERSION`, on `PATH` in cargo's bin folder (where `cargo install` put Trunk): npm installs
/// binaryen into a folder of its own next to it, and `wasm-opt` in the bin folder starts that copy. Trunk builds
/// offline, so it only ever uses a wasm-opt it finds on `PATH` with exactly the version Trunk.toml names.
fn ensure_wasm_opt(root: &Path) -> Result<(), Failure> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or(BINARYEN_VERSION);
    if !read(root, "Trunk.toml")?.contains(&format!("wasm_opt = \"version_{major}\"")) {
        return Err(Failure(format!(
            "Trunk.toml [tools] wasm_opt must be \"version_{major}\" to match xtask/src/tools.rs; please update it."
        )));
    }
    if cmd("wasm-opt", root)
        .args(["--version"])
        .output()
        .is_some_and(|v| v.ends_with(&format!("(version_{major})")))
    {
        return Ok(());
    }
    let bin = crate::run::cargo_bin();
    let prefix = bin.with_file_name(format!("binaryen-{BINARYEN_VERSION}"));
    println!(
        "Installing wasm-opt (binaryen {BINARYEN_VERSION}, from npm) into {} (one time)…",
        prefix.display()
    );
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    cmd(npm, root)
        .args(["install", "--global", "--no-audit", "--no-fund", "--prefix"])
        .args([&prefix])
        .args([format!("binaryen@{BINARYEN_VERSION}")])
        .run()
        .map_err(needs_node)?;
    let script = if cfg!(windows) {
        prefix.join("node_modules/binaryen/bin/wasm-opt")
    } else {
        prefix.join("lib/node_modules/binaryen/bin/wasm-opt")
    };
    let (launcher, text) = if cfg!(windows) {
        (
            bin.join("wasm-opt.cmd"),
            format!("@node \"{}\" %*\r\n", script.display()),
        )
    } else {
        (
            bin.join("wasm-opt"),
            format!("#!/bin/sh\nexec node \"{}\" \"$@\"\n", script.display()),
        )
    };
    std::fs::create_dir_all(&bin).map_err(|e| Failure(format!("cannot create {}: {e}", bin.display())))?;
    std::fs::write(&launcher, text).map_err(|e| Failure(format!("cannot write {}: {e}", launcher.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Failure(format!("cannot make {} executable: {e}", launcher.display())))?;
    }
    Ok(())
}

pub fn ensure_browser_tools(root: &Path) -> Result<(), Failure> {
    ensure_npm_packages(root, false)?;
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Path::new(&chromium).exists() {
        Ok(())
    } else {
        Err(Failure(format!(
            "Chromium not found at {chromium}. Install it (Debian/Ubuntu: `sudo apt-get install chromium \
             chromium-driver fonts-noto-cjk`) or set CHROMIUM to your Chromium or Chrome binary."
        )))
    }
}

/// Programs the tests start that come from the system's packages (`.ci/run` installs them with apt-get).
const TEST_PROGRAMS: [(&str, &str); 7] = [
    ("/usr/bin/pdftotext", "poppler-utils"),
    ("/usr/sbin/nginx", "nginx libnginx-mod-http-brotli-static"),
    ("/usr/sbin/apache2", "apache2"),
    ("/usr/bin/yamllint", "yamllint"),
    ("/usr/bin/firefox-esr", "firefox-esr"),
    ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
    ("/usr/bin/xvfb-run", "xvfb xauth"),
];

pub fn ensure_test_programs() -> Result<(), Failure> {
    let missing: Vec<&str> = TEST_PROGRAMS
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|&(_, package)| package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Failure(format!(
        "the tests need programs from these Debian/Ubuntu packages: `sudo apt-get install {}`",
        missing.join(" ")
    )))
}

fn ensure_wasm_target(root: &Path) -> Result<(), Failure> {
    let installed = cmd("rustup", root)
        .args(["target", "list", "--installed"])
        .output()
        .unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    cmd("rustup", root)
        .args(["target", "add", WASM_TARGET])
        .run()
        .map_err(|_| {
            Failure(format!(
                "could not add the {WASM_TARGET} target. Install rustup from https://rustup.rs, then run \
             `rustup target add {WASM_TARGET}`."
            ))
        })
}

/// Trunk's own release profile asks for fat LTO in one codegen unit, which makes the one-time install the
/// slowest step of a fresh CI run (8.2 min on 2 cores); without them it took 7.0 min, and Trunk only
/// orchestrates the build, so its own speed does not matter.
const TRUNK_PROFILE: [&str; 4] = [
    "--config",
    "profile.release.lto=false",
    "--config",
    "profile.release.codegen-units=16",
];

fn ensure_trunk(root: &Path) -> Result<(), Failure> {
    ensure_cargo_tool(root, "trunk", TRUNK_VERSION, "takes several minutes", &TRUNK_PROFILE)
}

/// Installs `tool` at exactly `version` with `cargo install --locked`, unless `tool --version` already names
/// that version (its first word may differ from the package: twiggy prints `twiggy-opt 0.8.0`). `why`
/// finishes the one-time message ("one time; …").
fn ensure_cargo_tool(root: &Path, tool: &str, version: &str, why: &str, extra: &[&str]) -> Result<(), Failure> {
    let reported = cmd(tool, root).args(["--version"]).output();
    if reported.as_deref().and_then(|r| r.split_whitespace().last()) == Some(version) {
        return Ok(());
    }
    println!("Installing {tool} {version} (one time; {why})…");
    cmd("cargo", root)
        .args(["install", tool, "--version", version, "--locked"])
        .args(extra)
        .run()
}

/// Bench-only: the npm packages including the optional ones (Lighthouse). Call it before the other `ensure_*`,
/// which then find everything installed.
pub fn ensure_bench_packages(root: &Path) -> Result<(), Failure> {
    ensure_npm_packages(root, true)
}

/// Bench-only: twiggy attributes WASM bytes to functions and crates (issue 8, "hunt bytes").
pub fn ensure_twiggy(root: &Path) -> Result<(), Failure> {
    ensure_cargo_tool(root, "twiggy", TWIGGY_VERSION, "for the benchmark", &[])
}

/// The CLI must equal the `wasm-bindgen` crate in Cargo.lock exactly, or the generated JS will not load the
/// WASM (style.md P1). Trunk.toml names the same version so Trunk never tries to download another.
fn ensure_wasm_bindgen(root: &Path) -> Result<(), Failure> {
    let lock = read(root, "Cargo.lock")?;
    let version = locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| Failure("Cargo.lock has no wasm-bindgen entry; run `cargo fetch`".into()))?;
    let trunk_toml = read(root, "Trunk.toml")?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(Failure(format!(
            "Trunk.toml [tools] wasm_bindgen must be \"{version}\" to match Cargo.lock; please update it."
        )));
    }
    if cmd("wasm-bindgen", root).args(["--version"]).output().as_deref() == Some(&format!("wasm-bindgen {version}")) {
        return Ok(());
    }
    println!("Installing wasm-bindgen-cli {version} to match Cargo.lock (one time; a few minutes)…");
    // Not `--locked`: one of its locked dependencies is missing from the registry index (TOOLCHAIN.md).
    cmd("cargo", root)
        .args(["install", "wasm-bindgen-cli", "--version", &version])
        .run()
}

/// `npm ci` whenever the lock file changed since the last install (a stamp in node_modules records it). Without
/// `optional`, Lighthouse and its ~200 packages are left out (`--omit=optional`), which keeps CI's install short;
/// an install that has them satisfies both.
fn ensure_npm_packages(root: &Path, optional: bool) -> Result<(), Failure> {
    let dir = root.join(NPM_DIR);
    let lock = read(&dir, "package-lock.json")?;
    let stamp_path = dir.join("node_modules/.reverse-wave-lock");
    let full = format!("{lock}{WITH_OPTIONAL}");
    let stamp = std::fs::read_to_string(&stamp_path).unwrap_or_default();
    if stamp == full || (!optional && stamp == lock) {
        return Ok(());
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let omit: &[&str] = if optional { &[] } else { &["--omit=optional"] };
    cmd(npm, &dir)
        .args(["ci", "--no-audit", "--no-fund"])
        .args(omit)
        .run()
        .map_err(needs_node)?;
    let stamp = if optional { full } else { lock };
    std::fs::write(&stamp_path, stamp).map_err(|e| Failure(format!("cannot write {}: {e}", stamp_path.display())))
}

/// An npm command failed: most often because Node.js is missing, so say how to get it.
fn needs_node(e: Failure) -> Failure {
    Failure(format!(
        "{} — install Node.js 20 or newer (it includes npm) and try again.",
        e.0
    ))
}

fn read(dir: &Path, name: &str) -> Result<String, Failure> {
    std::fs::read_to_string(dir.join(name)).map_err(|e| Failure(format!("cannot read {name}: {e}")))
}

/// The version of `name` in a Cargo.lock (the first entry, which is the only one for wasm-bindgen).
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let needle = format!("name = \"{name}\"\nversion = \"");
    let start = lock.find(&needle)? + needle.len();
    let len = lock[start..].find('"')?;
    Some(lock[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "trunk"), None);
    }
}
