//! Glossary marks in the data's texts. The data compiler writes each mark as `[[words|term-id]]` (see
//! `data-compiler/src/glossary.rs`); this splits a text into plain runs and marked terms for the
//! `GlossaryText` component, and strips the marks where only plain text fits (a CSV, a share message, a list
//! of what a source supports).

/// A run of a text: plain words, or words that open the definition of a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Term { words: &'a str, id: &'a str },
}

/// The runs of `text`, in order. A malformed mark (which the compiler never emits) is kept as text.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let inner = &rest[open + 2..];
        let Some(close) = inner.find("]]") else { break };
        let Some((words, id)) = inner[..close].split_once('|') else {
            break;
        };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        out.push(Segment::Term { words, id });
        rest = &inner[close + 2..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// `text` as a reader sees it, without marks.
pub fn plain(text: &str) -> String {
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t,
            Segment::Term { words, .. } => words,
        })
        .collect()
}

/// The ids of the terms `text` marks.
pub fn terms_in(text: &str) -> impl Iterator<Item = &str> {
    segments(text).into_iter().filter_map(|s| match s {
        Segment::Term { id, .. } => Some(id),
        Segment::Text(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{term, COMPARISONS, EVENTS, FACTS, PERSPECTIVES, QUESTIONS};

    #[test]
    fn marks_split_into_terms_and_text() {
        let s = segments("The [[Korean Wave|hallyu]] is [[soft power|soft-power]].");
        assert_eq!(
            s,
            vec![
                Segment::Text("The "),
                Segment::Term {
                    words: "Korean Wave",
                    id: "hallyu"
                },
                Segment::Text(" is "),
                Segment::Term {
                    words: "soft power",
                    id: "soft-power"
                },
                Segment::Text("."),
            ]
        );
        assert_eq!(plain("The [[Korean Wave|hallyu]] grew."), "The Korean Wave grew.");
        assert_eq!(segments("no marks"), vec![Segment::Text("no marks")]);
        assert_eq!(plain("broken [[mark"), "broken [[mark");
    }

    /// Every mark the compiler wrote names a term the app has, so no button opens nothing.
    #[test]
    fn every_mark_in_the_data_names_a_term() {
        let texts = EVENTS
            .iter()
            .map(|e| e.summary.get())
            .chain(FACTS.iter().map(|f| f.statement.get()))
            .chain(COMPARISONS.iter().map(|c| c.caption.get()))
            .chain(QUESTIONS.iter().flat_map(|q| [q.prompt.get(), q.explanation.get()]))
            .chain(
                PERSPECTIVES
                    .iter()
                    .flat_map(|p| std::iter::once(p.summary.get()).chain(p.points.iter().map(|t| t.get()))),
            );
        let mut marks = 0;
        for t in texts {
            for id in terms_in(t) {
                assert!(term(id).is_some(), "{id} in {t}");
                marks += 1;
            }
            assert!(!plain(t).contains("[["), "{t}");
        }
        assert!(marks >= 10, "only {marks} glossary marks in the data");
    }
}
