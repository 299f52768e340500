//! `cargo xtask package`: the release build as one zip for people who do not build Rust, with the page a school's
//! IT team reads first (`deploy/HOW-TO-PUBLISH.txt`) and the tested server settings (`deploy/nginx.conf`,
//! `deploy/apache.conf`).
//!
//! Layout: `reverse-wave/` (the contents of `dist/`), `server-config/`, `HOW-TO-PUBLISH.txt`.

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::run::Failure;

/// Writes `target/package/reverse-wave-<version>.zip` from `dist/` and returns its path.
pub fn package(root: &Path) -> Result<PathBuf, Failure> {
    let fail = |e: String| Failure(format!("package: {e}"));
    let version = version(root).map_err(fail)?;
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        return Err(fail("dist/ has no build; run `cargo xtask dist` first".into()));
    }
    let out_dir = root.join("target/package");
    // One zip: the one for this build (an older version's would be mistaken for it).
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).map_err(|e| fail(e.to_string()))?;
    let path = out_dir.join(format!("reverse-wave-{version}.zip"));
    let mut entries: Vec<(String, PathBuf)> = files(&dist)
        .map_err(fail)?
        .into_iter()
        .map(|rel| (format!("reverse-wave/{rel}"), dist.join(&rel)))
        .collect();
    entries.push(("HOW-TO-PUBLISH.txt".into(), root.join("deploy/HOW-TO-PUBLISH.txt")));
    for server in ["nginx.conf", "apache.conf"] {
        entries.push((format!("server-config/{server}"), root.join("deploy").join(server)));
    }
    write_zip(&path, &entries).map_err(fail)?;
    println!("package: {} ({} files)", path.display(), entries.len());
    Ok(path)
}

/// `version` of the app's `[package]` in Cargo.toml.
fn version(root: &Path) -> Result<String, String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml has no version".into())
}

/// Every file below `dir`, as sorted relative paths with `/`.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out)?;
            } else {
                out.push(name);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

fn write_zip(path: &Path, entries: &[(String, PathBuf)]) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    for (name, source) in entries {
        let bytes = std::fs::read(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        // Files that are compressed already are stored as they are.
        let packed = [".br", ".gz", ".png"].iter().any(|x| name.ends_with(x));
        let method = if packed {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .unix_permissions(0o644);
        zip.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(())
}
