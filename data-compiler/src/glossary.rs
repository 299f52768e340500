//! Glossary marks in the data's texts: `[[Korean Wave]]` marks words that open a definition.
//!
//! Writers mark the words as they appear; the compiler finds the term they name (by its `term` or one of its
//! `forms`, in any case) and writes the canonical form `[[Korean Wave|hallyu]]`, so the app never has to look
//! a term up by its words (see `src/logic/glossary.rs`, which reads that form).

/// The marks in `text`, as byte ranges of the words inside `[[` and `]]`, or a message if the brackets do
/// not pair up.
pub fn marks(text: &str) -> Result<Vec<std::ops::Range<usize>>, String> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("[[") {
        let start = rest + open + 2;
        let Some(len) = text[start..].find("]]") else {
            return Err("has `[[` without a closing `]]`".into());
        };
        let words = start..start + len;
        if text[words.clone()].contains("[[") || text[words.clone()].trim().is_empty() {
            return Err("has an empty or nested glossary mark".into());
        }
        out.push(words);
        rest = start + len + 2;
    }
    if text[rest..].contains("]]") {
        return Err("has `]]` without an opening `[[`".into());
    }
    Ok(out)
}

/// `text` with every mark's words resolved by `term_of` (words → term id) into `[[words|id]]`.
pub fn canonical(text: &str, term_of: impl Fn(&str) -> Option<String>) -> String {
    let Ok(marks) = marks(text) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + 16 * marks.len());
    let mut at = 0;
    for m in marks {
        out.push_str(&text[at..m.end]);
        if let Some(id) = term_of(&text[m.clone()]) {
            out.push('|');
            out.push_str(&id);
        }
        at = m.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with the brackets removed: what a reader sees.
pub fn plain(text: &str) -> String {
    text.replace("[[", "").replace("]]", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_and_broken_brackets_refused() {
        let t = "The [[Korean Wave]] is [[soft power]].";
        let m = marks(t).unwrap();
        assert_eq!(&t[m[0].clone()], "Korean Wave");
        assert_eq!(&t[m[1].clone()], "soft power");
        for bad in ["a [[b", "a ]] b", "[[]]", "[[a [[b]]"] {
            assert!(marks(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn canonical_form_names_the_term() {
        let t = canonical("The [[Korean Wave]] grew.", |w| {
            (w == "Korean Wave").then(|| "hallyu".into())
        });
        assert_eq!(t, "The [[Korean Wave|hallyu]] grew.");
        assert_eq!(plain("The [[Korean Wave]] grew."), "The Korean Wave grew.");
    }
}
