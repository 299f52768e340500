//! The manifest: one typed list of everything the page shell is made of. Every output of the shell step (the
//! page's policy, `_headers`, `sw.js`, the loader's `BUILD` constant) is written from it, so they cannot
//! disagree about a file or a hash.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// A file of the finished build.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// Relative URL path from the build's folder (`icons/icon-192.png`).
    pub path: String,
    /// Its SHA-384 integrity value, which browsers check before using it (`sha384-…`).
    pub integrity: String,
    /// Whether the service worker stores it for offline use.
    pub precache: bool,
}

/// What a piece of inlined code is; it decides which directive of the policy allows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InlineKind {
    /// A classic script: runs as soon as the parser reaches it.
    Script,
    /// A module script: runs once the page has been parsed.
    Module,
    Style,
}

/// Code written into `index.html` itself instead of being a file, so that it loads in an opaque-origin frame
/// (see the module docs of `shell`). The policy allows exactly this text, by its hash.
#[derive(Debug, Clone)]
pub struct Inline {
    pub kind: InlineKind,
    /// Where it comes from, for messages ("public/boot.js").
    pub from: String,
    pub text: String,
    /// `'sha256-…'`, as the policy lists it.
    pub csp_hash: String,
}

impl Inline {
    /// Checks that `text` can sit inside `<script>` or `<style>` without ending it early, and normalises line
    /// ends as the HTML parser will (the hash must be taken over what the browser reads).
    pub fn new(kind: InlineKind, from: impl Into<String>, text: &str) -> Result<Self, String> {
        let from = from.into();
        let lower = text.to_ascii_lowercase();
        if ["</script", "</style", "<!--"].iter().any(|bad| lower.contains(bad)) {
            return Err(format!(
                "{from} contains \"</script\", \"</style\" or \"<!--\" and cannot be inlined"
            ));
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let csp_hash = format!("'sha256-{}'", BASE64.encode(Sha256::digest(text.as_bytes())));
        Ok(Inline {
            kind,
            from,
            text,
            csp_hash,
        })
    }

    /// The element that carries it.
    pub fn element(&self) -> String {
        match self.kind {
            InlineKind::Script => format!("<script>{}</script>", self.text),
            InlineKind::Module => format!("<script type=\"module\">{}</script>", self.text),
            InlineKind::Style => format!("<style>{}</style>", self.text),
        }
    }
}

/// The SHA-384 integrity value of some bytes, as `integrity` attributes and `Request` options take it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// A short fingerprint of some bytes (the service worker's version).
pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A JSON string literal (also a valid JavaScript one).
pub fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_known_values() {
        // `printf abc | openssl dgst -sha384 -binary | base64`, and the same with -sha256.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        let inline = Inline::new(InlineKind::Style, "test", "abc").unwrap();
        assert_eq!(inline.csp_hash, "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    }

    #[test]
    fn inline_code_is_hashed_as_the_browser_reads_it_and_cannot_end_its_element() {
        let crlf = Inline::new(InlineKind::Script, "a", "x\r\ny").unwrap();
        let lf = Inline::new(InlineKind::Script, "b", "x\ny").unwrap();
        assert_eq!(crlf.csp_hash, lf.csp_hash);
        assert!(Inline::new(InlineKind::Script, "c", "s = '</SCRIPT>'").is_err());
        assert!(Inline::new(InlineKind::Style, "d", "a{} <!-- b").is_err());
    }

    #[test]
    fn json_strings_escape_what_could_break_out() {
        assert_eq!(json_string("a\"b\\c</script>\n"), r#""a\"b\\c\u003c/script>\u000a""#);
    }
}
