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
fn the_quiz_bank_has_40_questions_in_five_types_and_three_difficulties() {
    let d = dataset();
    assert!(d.questions.len() >= 40, "{} questions", d.questions.len());
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
