//! The real dataset passes every check and has the content the app promises.

mod common;

use std::collections::HashSet;

use reverse_wave_data_compiler::{check, Dataset};

fn dataset() -> Dataset {
    match check(&common::real_files()) {
        Ok(d) => d,
        Err(errors) => panic!(
            "data/ has problems:\n{}",
            errors.iter().map(|e| format!("  {e}\n")).collect::<String>()
        ),
    }
}

#[test]
fn the_real_data_passes_every_check() {
    dataset();
}

#[test]
fn the_timeline_has_at_least_25_events_from_2000_to_2025_across_all_themes() {
    let d = dataset();
    let in_range: Vec<_> = d
        .events
        .iter()
        .filter(|e| ("2000".."2026").contains(&&e.date[..4]))
        .collect();
    assert!(in_range.len() >= 25, "{} events in 2000–2025", in_range.len());
    let themes: HashSet<&str> = in_range.iter().map(|e| e.theme.as_str()).collect();
    for theme in ["music", "film-tv", "language", "politics", "trade"] {
        assert!(themes.contains(theme), "no event with theme {theme}");
    }
}

#[test]
fn there_are_at_least_8_comparisons_covering_every_chart_kind() {
    let d = dataset();
    assert!(d.comparisons.len() >= 8, "{} comparisons", d.comparisons.len());
    let kinds: HashSet<&str> = d.comparisons.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds.len(), 3, "chart kinds used: {kinds:?}");
}

#[test]
fn the_quiz_bank_has_70_questions_in_five_types_and_three_difficulties() {
    let d = dataset();
    assert!(d.questions.len() >= 70, "{} questions", d.questions.len());
    for kind in ["single", "true-false", "order", "estimate", "spot-error"] {
        let n = d.questions.iter().filter(|q| q.kind == kind).count();
        assert!(n >= 5, "only {n} `{kind}` questions");
    }
    for level in ["easy", "medium", "hard"] {
        assert!(
            d.questions.iter().any(|q| q.difficulty == level),
            "no {level} questions"
        );
    }
}

/// Every factual claim in the seed article (facts.md C1–C14) is in the data with its verdict.
#[test]
fn every_claim_of_the_article_is_represented_with_its_verdict() {
    let d = dataset();
    let expected = [
        ("claim-english-share-local", "corrected"),
        ("claim-english-share-spanish", "confirmed"),
        ("claim-us-imports", "corrected"),
        ("claim-audiovisual-imports", "unverified"),
        ("claim-johnson-quote", "unverified"),
        ("claim-gangnam-year", "corrected"),
        ("claim-squid-game-most-watched", "confirmed"),
        ("claim-korean-enrolment", "corrected"),
        ("claim-duolingo-korean", "confirmed"),
        ("claim-cha-quote", "unverified"),
        ("claim-spiderman-languages", "corrected"),
        ("claim-china-blocks", "corrected"),
        ("claim-vpn-share", "unverified"),
        ("claim-quiet-quitting-origin", "corrected"),
        ("claim-996-hours", "corrected"),
        ("claim-midnights", "confirmed"),
    ];
    for (id, verdict) in expected {
        let fact = d
            .facts
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("missing fact {id}"));
        assert!(fact.claim.is_some(), "{id} should say what the article claimed");
        assert_eq!(fact.verdict, verdict, "{id}");
    }
    let gangnam = d.facts.iter().find(|f| f.id == "claim-gangnam-year").unwrap();
    assert!(gangnam.article_said.as_deref().unwrap().contains("2018"));
    assert!(gangnam.actual.as_deref().unwrap().contains("2012"));
    let hours = d.facts.iter().find(|f| f.id == "claim-996-hours").unwrap();
    assert!(
        hours.actual.as_deref().unwrap().contains("9"),
        "996 correction gives the hours"
    );
}

fn year(date: &str) -> i64 {
    date[..4].parse().expect("checked dates start with a year")
}

/// Issue 15 §4: the timeline reaches 2026, with at least 15 events from 2023 on, from the regions that were
/// missing (Japan, Africa, India, the UK and Europe), and the new material brings at least two charts.
#[test]
fn the_content_reaches_2026_and_the_missing_regions() {
    let d = dataset();
    let recent: Vec<_> = d.events.iter().filter(|e| year(&e.date) >= 2023).collect();
    assert!(recent.len() >= 15, "{} events from 2023 on", recent.len());
    assert!(recent.iter().any(|e| year(&e.date) == 2026), "no event from 2026");
    for region in ["japan", "africa", "india", "uk", "europe"] {
        assert!(
            recent.iter().any(|e| e.region == region),
            "no 2023–2026 event from {region}"
        );
    }
    let new_charts = d.comparisons.iter().filter(|c| c.file == "recent.toml").count();
    assert!(new_charts >= 2, "{new_charts} comparisons from the 2023–2026 material");
}

/// Issue 15 §3: every side of the argument is in the data, and the perspectives page challenges the claim.
#[test]
fn every_stance_is_used_and_the_claim_is_challenged() {
    let d = dataset();
    for stance in ["supports", "challenges", "context"] {
        assert!(d.events.iter().any(|e| e.stance == stance), "no event that {stance}");
        assert!(d.facts.iter().any(|f| f.stance == stance), "no fact that {stance}");
    }
    assert!(
        d.comparisons.iter().any(|c| c.stance == "challenges"),
        "no chart challenges the claim"
    );
    let challenging = d.perspectives.iter().filter(|p| p.stance == "challenges").count();
    assert!(
        d.perspectives.len() >= 5 && challenging >= 3,
        "{challenging} of {} perspectives challenge",
        d.perspectives.len()
    );
    assert_eq!(
        d.perspectives[0].stance, "supports",
        "the page opens with the claim itself"
    );
    for concept in [
        "cultural imperialism",
        "soft power",
        "contra-flow",
        "platform imperialism",
        "hybridity",
    ] {
        let t = d.terms.iter().find(|t| t.term.to_lowercase() == concept);
        assert!(
            t.is_some_and(|t| t.concept && t.origin.is_some()),
            "no concept card for {concept}"
        );
    }
}

/// Issue 15 §6: the quiz follows the content.
#[test]
fn the_quiz_covers_the_perspectives_and_the_new_events() {
    let d = dataset();
    let on_perspectives = d.questions.iter().filter(|q| q.perspective.is_some()).count();
    assert!(on_perspectives >= 10, "{on_perspectives} questions on the perspectives");
    let recent: HashSet<&str> = d
        .events
        .iter()
        .filter(|e| year(&e.date) >= 2023)
        .map(|e| e.id.as_str())
        .collect();
    let on_recent = d
        .questions
        .iter()
        .filter(|q| {
            q.event.as_deref().is_some_and(|e| recent.contains(e))
                || q.events.iter().flatten().any(|e| recent.contains(e.as_str()))
        })
        .count();
    assert!(on_recent >= 10, "{on_recent} questions on 2023–2026 events");
}

/// Issue 15 §2: sources say what kind they are, and interested parties are labelled.
#[test]
fn every_kind_of_source_is_labelled() {
    let d = dataset();
    for kind in ["primary", "news", "interested", "opinion"] {
        assert!(d.sources.iter().any(|s| s.kind == kind), "no {kind} source");
    }
    assert_eq!(d.sources.iter().filter(|s| s.seed).count(), 1);
    assert!(!d.corrections.is_empty(), "the corrections to the app are listed");
}

/// `data/REVIEW.md` records the check of every item: each id of each entry appears in it.
#[test]
fn the_review_log_covers_every_item() {
    let d = dataset();
    let review = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/REVIEW.md"))
        .expect("data/REVIEW.md exists");
    let missing: Vec<String> = d
        .entries()
        .filter(|e| !review.contains(&format!("`{}`", e.id)))
        .map(|e| format!("{} {}", e.table, e.id))
        .collect();
    assert!(missing.is_empty(), "data/REVIEW.md has no entry for: {missing:?}");
}
