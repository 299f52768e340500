//! Just enough HTML reading for the page Trunk writes: each element's start tag with its attributes, and where
//! the element ends. Attribute values are read the way a browser reads them, quoted or not, because Trunk's
//! release output is minified (`<link href=./a.css rel=stylesheet>`). Comments are skipped, and the text inside
//! `<script>`, `<style>` and `<template>` is never mistaken for tags.
//!
//! This reads one known page (our `index.html` after Trunk), not arbitrary HTML: anything it does not expect
//! makes the shell step fail loudly rather than guess.

use std::ops::Range;

/// One element of the page.
#[derive(Debug)]
pub struct Element {
    /// The tag name, lower case.
    pub name: String,
    /// Attribute names (lower case) and values, in order. A bare attribute (`defer`) has an empty value.
    pub attrs: Vec<(String, String)>,
    /// Byte range of the whole element: from `<` to the end of its end tag, or of the start tag for elements
    /// without content.
    pub span: Range<usize>,
    /// Byte range of the text between start and end tag (`<script>`, `<style>`, `<template>`), else empty.
    pub content: Range<usize>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Elements whose content is text up to their end tag.
const WITH_CONTENT: [&str; 3] = ["script", "style", "template"];

/// Every element of `html`, in document order.
pub fn elements(html: &str) -> Vec<Element> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let name_len = html[start + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(html.len() - start - 1);
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            // An end tag, a doctype or a stray '<'.
            i = start + 1;
            continue;
        }
        let name = html[start + 1..start + 1 + name_len].to_ascii_lowercase();
        let (attrs, tag_end) = attributes(html, start + 1 + name_len);
        let mut span = start..tag_end;
        let mut content = tag_end..tag_end;
        if WITH_CONTENT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let text_end = find_ignore_case(html, tag_end, &close).unwrap_or(html.len());
            let end = html[text_end..].find('>').map_or(html.len(), |e| text_end + e + 1);
            content = tag_end..text_end;
            span = start..end;
        }
        i = span.end;
        out.push(Element {
            name,
            attrs,
            span,
            content,
        });
    }
    out
}

/// Reads attributes from `i` (just after the tag name) to the end of the start tag; returns them and the
/// index just past its `>`.
fn attributes(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let quote = b[i];
                let value_start = i + 1;
                let value_end = b[value_start..]
                    .iter()
                    .position(|&c| c == quote)
                    .map_or(b.len(), |p| value_start + p);
                value = html[value_start..value_end].to_string();
                i = (value_end + 1).min(b.len());
            } else {
                let value_start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = html[value_start..i].to_string();
            }
        }
        attrs.push((name, value));
    }
}

fn find_ignore_case(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let needle = needle.as_bytes();
    (from..=hay.len().saturating_sub(needle.len())).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Replacements of byte ranges of one text, applied together, so each range refers to the original text.
#[derive(Default)]
pub struct Edits(Vec<(Range<usize>, String)>);

impl Edits {
    pub fn replace(&mut self, range: Range<usize>, with: impl Into<String>) {
        self.0.push((range, with.into()));
    }

    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at..at, text);
    }

    /// The edited text. Panics on overlapping ranges, a bug in the caller.
    pub fn apply(mut self, text: &str) -> String {
        self.0.sort_by_key(|(r, _)| (r.start, r.end));
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (range, with) in self.0 {
            assert!(range.start >= at, "overlapping edits at byte {}", range.start);
            out.push_str(&text[at..range.start]);
            out.push_str(&with);
            at = range.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        let html = r#"<link href=./a.css rel=stylesheet integrity="sha384-x/y="><script defer src='b.js'></script>"#;
        let els = elements(html);
        assert_eq!(els.len(), 2);
        assert_eq!(els[0].name, "link");
        assert_eq!(els[0].attr("href"), Some("./a.css"));
        assert_eq!(els[0].attr("integrity"), Some("sha384-x/y="));
        assert_eq!(
            &html[els[0].span.clone()],
            r#"<link href=./a.css rel=stylesheet integrity="sha384-x/y=">"#
        );
        assert_eq!(els[1].attr("defer"), Some(""));
        assert_eq!(els[1].attr("src"), Some("b.js"));
        assert_eq!(&html[els[1].span.clone()], "<script defer src='b.js'></script>");
    }

    #[test]
    fn skips_comments_and_never_reads_tags_inside_script_text() {
        let html = "<!-- <link rel=stylesheet href=x.css> --><SCRIPT>let s = '<link href=y>';</SCRIPT><p>";
        let els = elements(html);
        let names: Vec<&str> = els.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["script", "p"]);
        assert_eq!(&html[els[0].content.clone()], "let s = '<link href=y>';");
    }

    #[test]
    fn edits_refer_to_the_original_text() {
        let mut edits = Edits::default();
        edits.replace(0..1, "A");
        edits.insert(3, "-");
        edits.replace(4..6, "");
        assert_eq!(edits.apply("abcdefg"), "Abc-dg");
    }
}
