//! The drill build's hostile copy of the data (`cargo build --features drill`, used only by the browser tests).
//!
//! Issue #9 asks for proof, not a promise, that data is rendered as text: the drill build appends a piece of
//! markup to every user-visible string kind, and `end2end/tests/drill.spec.mjs` checks that it shows up as the
//! literal characters, that no element is created from it and that its image is never requested.

use crate::Dataset;

/// Markup that would create an element, fetch `x` and run script if any string reached the DOM as HTML.
pub const MARKUP: &str = "<img src=x onerror=\"document.documentElement.dataset.pwned='yes'\">";

/// Appends [`MARKUP`] to event titles and summaries, fact statements, chart titles, source publishers and
/// question prompts.
pub fn plant_markup(d: &mut Dataset) {
    let plant = |s: &mut String| {
        s.push(' ');
        s.push_str(MARKUP);
    };
    for e in &mut d.events {
        plant(&mut e.title);
        plant(&mut e.summary);
    }
    d.facts.iter_mut().for_each(|f| plant(&mut f.statement));
    d.comparisons.iter_mut().for_each(|c| plant(&mut c.title));
    d.sources.iter_mut().for_each(|s| plant(&mut s.publisher));
    d.questions.iter_mut().for_each(|q| plant(&mut q.prompt));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Files};

    #[test]
    fn every_planted_string_carries_the_markup_once() {
        let files = Files::read(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../data"))).unwrap();
        let mut d = check(&files).unwrap();
        plant_markup(&mut d);
        let planted = d
            .events
            .iter()
            .flat_map(|e| [&e.title, &e.summary])
            .chain(d.questions.iter().map(|q| &q.prompt));
        for s in planted {
            assert_eq!(s.matches(MARKUP).count(), 1, "{s}");
        }
        assert!(!d.events.is_empty() && !d.questions.is_empty());
    }
}
