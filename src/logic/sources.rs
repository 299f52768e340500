//! What the Sources view needs from the dataset: the article's checked claims, and for each source what it
//! supports. Pure functions over the compiled-in data, tested natively.

use crate::data::model::{
    Activity, Comparison, Correction, Essay, Event, Fact, Perspective, Question, Source, SourceKind, Term, Verdict,
};
use crate::data::{
    ACTIVITIES, COMPARISONS, CORRECTIONS, ESSAYS, EVENTS, FACTS, PERSPECTIVES, QUESTIONS, SOURCES, TERMS,
};

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

/// A heading of the Sources view's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceGroup {
    /// The opinion piece this app fact-checks, on its own at the top.
    Seed,
    Kind(SourceKind),
}

/// Sources grouped the way the view lists them: the seed article, then each kind in the vocabulary's order.
/// Empty groups are left out.
pub fn grouped_sources() -> Vec<(SourceGroup, Vec<&'static Source>)> {
    let seed = (SourceGroup::Seed, SOURCES.iter().filter(|s| s.seed).collect());
    let kinds = SourceKind::ALL.iter().map(|&kind| {
        let list = SOURCES.iter().filter(|s| !s.seed && s.kind == kind).collect();
        (SourceGroup::Kind(kind), list)
    });
    std::iter::once(seed)
        .chain(kinds)
        .filter(|(_, list): &(_, Vec<_>)| !list.is_empty())
        .collect()
}

/// The seed article.
pub fn seed() -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.seed)
}

/// One thing in the app that cites a source.
#[derive(Clone, Copy, Debug)]
pub enum Citation {
    Fact(&'static Fact),
    Event(&'static Event),
    Chart(&'static Comparison),
    Question(&'static Question),
    Correction(&'static Correction),
    Perspective(&'static Perspective),
    Term(&'static Term),
    /// An essay prompt of the teacher pack, through the syllabus it is mapped to.
    Essay(&'static Essay),
    Activity(&'static Activity),
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
        .chain(
            CORRECTIONS
                .iter()
                .filter(|c| cites(c.sources))
                .map(Citation::Correction),
        )
        .chain(
            PERSPECTIVES
                .iter()
                .filter(|p| cites(p.sources))
                .map(Citation::Perspective),
        )
        .chain(TERMS.iter().filter(|t| cites(t.sources)).map(Citation::Term))
        .chain(
            ESSAYS
                .iter()
                .filter(|e| e.syllabus.iter().any(|s| s.source == source_id))
                .map(Citation::Essay),
        )
        .chain(ACTIVITIES.iter().filter(|a| cites(a.sources)).map(Citation::Activity))
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
        assert_eq!(groups[0].0, SourceGroup::Seed);
        assert_eq!(groups[0].1.len(), 1, "one seed article");
        assert!(
            groups
                .iter()
                .any(|(g, _)| *g == SourceGroup::Kind(SourceKind::Interested)),
            "interested parties are a group of their own"
        );
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
        let article = seed().expect("a seed article").id;
        for c in claims() {
            assert!(c.sources.contains(&article), "{}", c.id);
        }
    }

    #[test]
    fn anchors_are_stable() {
        assert_eq!(anchor("economist-spotify-2022"), "source-economist-spotify-2022");
    }
}
