//! What the Sources view needs from the dataset: the article's checked claims, and for each source what it
//! supports. Pure functions over the compiled-in data, tested natively.

use crate::data::model::{Comparison, Event, Fact, Question, Source, SourceKind, Verdict};
use crate::data::{COMPARISONS, EVENTS, FACTS, QUESTIONS, SOURCES};

/// The article's claims, in the order the fact-check lists them.
pub fn claims() -> impl Iterator<Item = &'static Fact> {
    FACTS.iter().filter(|f| f.claim.is_some())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    pub confirmed: u64,
    pub corrected: u64,
    pub unverified: u64,
}

impl VerdictCounts {
    pub fn total(&self) -> u64 {
        self.confirmed + self.corrected + self.unverified
    }
}

pub fn verdict_counts<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> VerdictCounts {
    facts.into_iter().fold(VerdictCounts::default(), |mut c, f| {
        match f.verdict {
            Verdict::Confirmed => c.confirmed += 1,
            Verdict::Corrected => c.corrected += 1,
            Verdict::Unverified => c.unverified += 1,
        }
        c
    })
}

/// Sources grouped the way the view lists them: the article, then primary, then secondary.
pub fn grouped_sources() -> [(SourceKind, Vec<&'static Source>); 3] {
    [SourceKind::Article, SourceKind::Primary, SourceKind::Secondary]
        .map(|kind| (kind, SOURCES.iter().filter(|s| s.kind == kind).collect()))
}

/// One thing in the app that cites a source.
#[derive(Clone, Copy, Debug)]
pub enum Citation {
    Fact(&'static Fact),
    Event(&'static Event),
    Chart(&'static Comparison),
    Question(&'static Question),
}

pub fn citations(source_id: &str) -> Vec<Citation> {
    let cites = |sources: &[&str]| sources.contains(&source_id);
    FACTS
        .iter()
        .filter(|f| cites(f.sources))
        .map(Citation::Fact)
        .chain(EVENTS.iter().filter(|e| cites(e.sources)).map(Citation::Event))
        .chain(COMPARISONS.iter().filter(|c| cites(c.sources)).map(Citation::Chart))
        .chain(QUESTIONS.iter().filter(|q| cites(q.sources)).map(Citation::Question))
        .collect()
}

/// The anchor other views link to: `?view=sources#source-<id>`.
pub fn anchor(source_id: &str) -> String {
    format!("source-{source_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_supports_something() {
        for s in SOURCES {
            assert!(!citations(s.id).is_empty(), "{} is cited by nothing", s.id);
        }
    }

    #[test]
    fn grouping_lists_every_source_exactly_once_with_the_article_first() {
        let groups = grouped_sources();
        let listed: usize = groups.iter().map(|(_, g)| g.len()).sum();
        assert_eq!(listed, SOURCES.len());
        assert_eq!(groups[0].0, SourceKind::Article);
        assert_eq!(groups[0].1.len(), 1, "one seed article");
    }

    #[test]
    fn verdict_counts_add_up_to_the_claims() {
        let counts = verdict_counts(claims());
        assert_eq!(counts.total() as usize, claims().count());
        assert!(
            counts.confirmed > 0 && counts.corrected > 0 && counts.unverified > 0,
            "{counts:?}"
        );
    }

    #[test]
    fn every_claim_cites_the_article() {
        let article = grouped_sources()[0].1[0].id;
        for c in claims() {
            assert!(c.sources.contains(&article), "{}", c.id);
        }
    }

    #[test]
    fn anchors_are_stable() {
        assert_eq!(anchor("economist-spotify-2022"), "source-economist-spotify-2022");
    }
}
