//! Precompressed copies: `<file>.br` and `<file>.gz` beside each file that compresses, for servers that send them
//! as they are (nginx `gzip_static`/`brotli_static` and Apache with the rules in `deploy/`). The strongest
//! settings cost seconds once, here, instead of CPU on every request; hosts that compress on the fly (Netlify,
//! Cloudflare Pages) ignore the copies.

use std::io::Write;
use std::path::Path;

/// Extensions worth compressing (images are compressed already).
const COMPRESSIBLE: [&str; 8] = ["html", "js", "css", "wasm", "svg", "webmanifest", "json", "txt"];
/// Below this a copy saves less than the bytes of its headers.
const MIN_BYTES: usize = 1024;

/// Whether a path is one of the copies, which are never listed as files of their own (never precached).
pub fn is_copy(path: &str) -> bool {
    path.ends_with(".br") || path.ends_with(".gz")
}

/// Writes the copies for every compressible file in `paths` (relative to `dir`); returns how many it wrote.
pub fn precompress(dir: &Path, paths: &[&str]) -> Result<usize, String> {
    let mut written = 0;
    for path in paths {
        let compressible = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        let bytes = std::fs::read(dir.join(path)).map_err(|e| format!("cannot read {path}: {e}"))?;
        if !compressible || bytes.len() < MIN_BYTES {
            continue;
        }
        for (suffix, packed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
            // A copy that is not smaller would only cost the server a lookup.
            if packed.len() < bytes.len() {
                let copy = format!("{path}.{suffix}");
                std::fs::write(dir.join(&copy), packed).map_err(|e| format!("cannot write {copy}: {e}"))?;
                written += 1;
            }
        }
    }
    Ok(written)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressible_files_get_both_copies_and_they_decode_to_the_original() {
        let dir = std::env::temp_dir().join(format!("reverse-wave-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Reverse Wave ".repeat(200);
        std::fs::write(dir.join("app.wasm"), &text).unwrap();
        std::fs::write(dir.join("tiny.js"), "x").unwrap();
        std::fs::write(dir.join("icon.png"), &text).unwrap();
        assert_eq!(precompress(&dir, &["app.wasm", "tiny.js", "icon.png"]).unwrap(), 2);
        let mut unzipped = String::new();
        let gz = std::fs::read(dir.join("app.wasm.gz")).unwrap();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unzipped).unwrap();
        assert_eq!(unzipped, text);
        let br = std::fs::read(dir.join("app.wasm.br")).unwrap();
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, text.as_bytes());
        assert!(!dir.join("tiny.js.gz").exists() && !dir.join("icon.png.br").exists());
        assert!(is_copy("app.wasm.br") && is_copy("index.html.gz") && !is_copy("app.wasm"));
    }
}
