//! Every rule a teacher's edit could break, each reported with its file, entry and field.

use std::collections::{HashMap, HashSet};

use crate::raw::{Comparison, Dataset, Event, Fact, Question, Source};
use crate::DataError;

pub const REGIONS: &[&str] = &[
    "global",
    "korea",
    "china",
    "india",
    "latin-america",
    "spain",
    "usa",
    "uk",
    "europe",
];
pub const THEMES: &[&str] = &["music", "film-tv", "language", "politics", "trade"];
pub const VERDICTS: &[&str] = &["confirmed", "corrected", "unverified"];
pub const SOURCE_KINDS: &[&str] = &["article", "primary", "secondary"];
pub const DIFFICULTIES: &[&str] = &["easy", "medium", "hard"];
pub const CHART_KINDS: &[&str] = &["paired", "grouped", "line"];
pub const QUESTION_TYPES: &[&str] = &["single", "true-false", "order", "estimate", "spot-error"];
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2026;

/// A date as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; month/day 0 mean "not given".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i64,
    pub month: u8,
    pub day: u8,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<i64> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let bad = || format!("`{s}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)?;
    let month = match parts.get(1) {
        Some(p) => num(p, 2).ok_or_else(bad)?,
        None => 0,
    };
    let day = match parts.get(2) {
        Some(p) => num(p, 2).ok_or_else(bad)?,
        None => 0,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    if !YEARS.contains(&year) {
        return Err(format!("year {year} is outside {}–{}", YEARS.start(), YEARS.end()));
    }
    if parts.len() >= 2 && !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist"));
    }
    if parts.len() == 3 && !(1..=days_in_month(year, month)).contains(&day) {
        return Err(format!("{s} does not exist"));
    }
    Ok(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Collects errors for one entry of one file.
struct Check<'a> {
    file: &'a str,
    entry: &'a str,
    errors: &'a mut Vec<DataError>,
}

impl Check<'_> {
    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(DataError::new(self.file, self.entry, field, message));
    }
    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        } else if value.trim() != value {
            self.fail(field, "has spaces at the start or end");
        }
    }
    fn opt_text(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.text(field, v);
        }
    }
    fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.fail(field, format!("`{value}` is not one of: {}", allowed.join(", ")));
        }
    }
    fn refs(&mut self, field: &str, ids: &[String], known: &HashSet<&str>, what: &str) {
        for id in ids {
            if !known.contains(id.as_str()) {
                self.fail(field, format!("no {what} has the id `{id}`"));
            }
        }
    }
    fn cites(&mut self, sources: &[String], known: &HashSet<&str>) {
        if sources.is_empty() {
            self.fail("sources", "must cite at least one source");
        }
        self.refs("sources", sources, known, "source");
    }
    fn finite(&mut self, field: &str, values: &[f64]) -> bool {
        let ok = values.iter().all(|v| v.is_finite());
        if !ok {
            self.fail(field, "numbers must be finite");
        }
        ok
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn ids<'a, T>(
    file: &str,
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    errors: &mut Vec<DataError>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for i in items.iter().map(id) {
        if !is_id(i) {
            errors.push(DataError::new(
                file,
                i,
                "id",
                "use lower-case letters, digits and single hyphens",
            ));
        }
        if !seen.insert(i) {
            errors.push(DataError::new(file, i, "id", "is used by another entry in this file"));
        }
    }
    seen
}

pub fn validate(d: &Dataset) -> Vec<DataError> {
    let mut errors = Vec::new();
    let source_ids = ids("sources.toml", &d.sources, |s| s.id.as_str(), &mut errors);
    let fact_ids = ids("facts.toml", &d.facts, |f| f.id.as_str(), &mut errors);
    ids("events.toml", &d.events, |e| e.id.as_str(), &mut errors);
    let chart_ids = ids("comparisons.toml", &d.comparisons, |c| c.id.as_str(), &mut errors);
    ids("questions.toml", &d.questions, |q| q.id.as_str(), &mut errors);
    let article_sources: HashSet<&str> = d
        .sources
        .iter()
        .filter(|s| s.kind == "article")
        .map(|s| s.id.as_str())
        .collect();

    for s in &d.sources {
        source(s, &mut errors);
    }
    for f in &d.facts {
        fact(f, &source_ids, &article_sources, &mut errors);
    }
    for e in &d.events {
        event(e, &source_ids, &fact_ids, &mut errors);
    }
    for c in &d.comparisons {
        comparison(c, &source_ids, &fact_ids, &mut errors);
    }
    let event_dates: HashMap<&str, Option<Date>> = d
        .events
        .iter()
        .map(|e| (e.id.as_str(), parse_date(&e.date).ok()))
        .collect();
    for q in &d.questions {
        question(q, &source_ids, &event_dates, &chart_ids, &mut errors);
    }

    let cited: HashSet<&str> = d
        .facts
        .iter()
        .flat_map(|f| &f.sources)
        .chain(d.events.iter().flat_map(|e| &e.sources))
        .chain(d.comparisons.iter().flat_map(|c| &c.sources))
        .chain(d.questions.iter().flat_map(|q| &q.sources))
        .map(String::as_str)
        .collect();
    for s in &d.sources {
        if !cited.contains(s.id.as_str()) {
            errors.push(DataError::new(
                "sources.toml",
                &s.id,
                "id",
                "is not cited by any fact, event, comparison or question",
            ));
        }
    }
    errors
}

fn source(s: &Source, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: "sources.toml",
        entry: &s.id,
        errors,
    };
    c.text("title", &s.title);
    c.text("publisher", &s.publisher);
    c.one_of("kind", &s.kind, SOURCE_KINDS);
    c.opt_text("note", &s.note);
    if let Some(date) = &s.date {
        if let Err(e) = parse_date(date) {
            c.fail("date", e);
        }
    }
    if let Some(url) = &s.url {
        // Only web links: a `javascript:` or `data:` URL in the data must never become a clickable link.
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
            c.fail("url", "must be an http:// or https:// address without spaces");
        }
    }
}

fn fact(f: &Fact, sources: &HashSet<&str>, article: &HashSet<&str>, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: "facts.toml",
        entry: &f.id,
        errors,
    };
    c.text("statement", &f.statement);
    c.one_of("region", &f.region, REGIONS);
    c.one_of("verdict", &f.verdict, VERDICTS);
    c.cites(&f.sources, sources);
    c.finite("values", &f.values);
    if !f.values.is_empty() && f.unit.is_none() {
        c.fail("unit", "is needed when a fact has values");
    }
    c.opt_text("unit", &f.unit);
    for y in &f.years {
        if !YEARS.contains(y) {
            c.fail(
                "years",
                format!("year {y} is outside {}–{}", YEARS.start(), YEARS.end()),
            );
        }
    }
    for (field, value) in [
        ("claim", &f.claim),
        ("article_said", &f.article_said),
        ("actual", &f.actual),
        ("note", &f.note),
    ] {
        c.opt_text(field, value);
    }
    if f.claim.is_some() && !f.sources.iter().any(|s| article.contains(s.as_str())) {
        c.fail("sources", "an article claim must cite the article itself");
    }
    if f.claim.is_some() && f.sources.iter().all(|s| article.contains(s.as_str())) && f.verdict != "unverified" {
        c.fail("sources", "a checked claim must cite the source it was checked against");
    }
    if f.claim.is_none() && f.verdict != "confirmed" {
        c.fail(
            "claim",
            "only the article's claims can be corrected or unverified: say what the article claimed",
        );
    }
    match f.verdict.as_str() {
        "corrected" => {
            for (field, v) in [
                ("article_said", &f.article_said),
                ("actual", &f.actual),
                ("note", &f.note),
            ] {
                if v.is_none() {
                    c.fail(field, "is needed when the verdict is `corrected`");
                }
            }
        }
        "unverified" if f.note.is_none() => c.fail("note", "is needed when the verdict is `unverified`"),
        _ => {}
    }
}

fn event(e: &Event, sources: &HashSet<&str>, facts: &HashSet<&str>, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: "events.toml",
        entry: &e.id,
        errors,
    };
    if let Err(msg) = parse_date(&e.date) {
        c.fail("date", msg);
    }
    c.text("title", &e.title);
    c.text("summary", &e.summary);
    c.one_of("theme", &e.theme, THEMES);
    c.one_of("region", &e.region, REGIONS);
    c.refs("facts", &e.facts, facts, "fact");
    c.cites(&e.sources, sources);
}

fn comparison(k: &Comparison, sources: &HashSet<&str>, facts: &HashSet<&str>, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: "comparisons.toml",
        entry: &k.id,
        errors,
    };
    for (field, v) in [
        ("title", &k.title),
        ("question", &k.question),
        ("unit", &k.unit),
        ("caption", &k.caption),
    ] {
        c.text(field, v);
    }
    c.one_of("kind", &k.kind, CHART_KINDS);
    c.cites(&k.sources, sources);
    c.refs("facts", &k.facts, facts, "fact");
    if k.categories.len() < 2 {
        c.fail("categories", "a comparison needs at least two categories");
    }
    if k.categories.iter().collect::<HashSet<_>>().len() != k.categories.len() {
        c.fail("categories", "has the same label twice");
    }
    if k.series.is_empty() {
        c.fail("series", "needs at least one series");
    }
    for s in &k.series {
        c.text("series.label", &s.label);
        if s.values.len() != k.categories.len() {
            c.fail(
                "series.values",
                format!(
                    "series `{}` has {} values for {} categories",
                    s.label,
                    s.values.len(),
                    k.categories.len()
                ),
            );
        }
        if c.finite("series.values", &s.values) && k.unit == "%" && s.values.iter().any(|v| !(0.0..=100.0).contains(v))
        {
            c.fail(
                "series.values",
                format!("series `{}` has a percentage outside 0–100", s.label),
            );
        }
    }
    if k.kind == "line" {
        let years: Vec<Option<i64>> = k.categories.iter().map(|y| y.parse::<i64>().ok()).collect();
        if years.iter().any(|y| !y.is_some_and(|y| YEARS.contains(&y))) {
            c.fail("categories", "a line chart's categories must be years within 1990–2026");
        } else if years.windows(2).any(|w| w[0] >= w[1]) {
            c.fail("categories", "a line chart's years must increase");
        }
    }
    for a in &k.article {
        if !k.series.iter().any(|s| s.label == a.series) {
            c.fail("article.series", format!("no series is labelled `{}`", a.series));
        }
        if !k.categories.contains(&a.category) {
            c.fail("article.category", format!("no category is labelled `{}`", a.category));
        }
        c.finite("article.value", &[a.value]);
    }
}

fn question(
    q: &Question,
    sources: &HashSet<&str>,
    events: &HashMap<&str, Option<Date>>,
    charts: &HashSet<&str>,
    errors: &mut Vec<DataError>,
) {
    let mut c = Check {
        file: "questions.toml",
        entry: &q.id,
        errors,
    };
    c.one_of("type", &q.kind, QUESTION_TYPES);
    c.one_of("difficulty", &q.difficulty, DIFFICULTIES);
    c.text("prompt", &q.prompt);
    c.text("explanation", &q.explanation);
    c.cites(&q.sources, sources);
    if let Some(e) = &q.event {
        if !events.contains_key(e.as_str()) {
            c.fail("event", format!("no event has the id `{e}`"));
        }
    }
    if let Some(k) = &q.chart {
        if !charts.contains(k.as_str()) {
            c.fail("chart", format!("no comparison has the id `{k}`"));
        }
    }
    // Which answer fields each type uses; any other answer field is a mistake worth reporting.
    let present: Vec<&str> = [
        ("options", q.options.is_some()),
        ("correct", q.correct.is_some()),
        ("truth", q.truth.is_some()),
        ("events", q.events.is_some()),
        ("answer", q.answer.is_some()),
        ("min", q.min.is_some()),
        ("max", q.max.is_some()),
        ("step", q.step.is_some()),
        ("unit", q.unit.is_some()),
        ("parts", q.parts.is_some()),
        ("wrong", q.wrong.is_some()),
    ]
    .into_iter()
    .filter_map(|(f, p)| p.then_some(f))
    .collect();
    let wanted: &[&str] = match q.kind.as_str() {
        "single" => &["options", "correct"],
        "true-false" => &["truth"],
        "order" => &["events"],
        "estimate" => &["answer", "min", "max", "step", "unit"],
        "spot-error" => &["parts", "wrong"],
        _ => return,
    };
    for f in wanted {
        if !present.contains(f) {
            c.fail(f, format!("is needed by a `{}` question", q.kind));
        }
    }
    for f in &present {
        if !wanted.contains(f) {
            c.fail(f, format!("does not belong in a `{}` question", q.kind));
        }
    }
    match q.kind.as_str() {
        "single" => choice(&mut c, "options", q.options.as_deref(), "correct", q.correct, 4..=4),
        "spot-error" => choice(&mut c, "parts", q.parts.as_deref(), "wrong", q.wrong, 3..=4),
        "order" => {
            let ids = q.events.as_deref().unwrap_or_default();
            if !(3..=5).contains(&ids.len()) {
                c.fail("events", "an order question needs 3 to 5 events");
            }
            let mut dates = HashSet::new();
            for id in ids {
                match events.get(id.as_str()) {
                    None => c.fail("events", format!("no event has the id `{id}`")),
                    Some(Some(d)) if !dates.insert(*d) => c.fail(
                        "events",
                        format!("`{id}` has the same date as another event here, so the order is ambiguous"),
                    ),
                    _ => {}
                }
            }
        }
        "estimate" => {
            if let (Some(a), Some(lo), Some(hi), Some(step)) = (q.answer, q.min, q.max, q.step) {
                if c.finite("answer", &[a, lo, hi, step]) {
                    if !(lo < hi && lo <= a && a <= hi) {
                        c.fail("answer", "needs min < max and min <= answer <= max");
                    }
                    if step <= 0.0 || step > hi - lo {
                        c.fail("step", "must be positive and smaller than max - min");
                    }
                }
            }
            c.opt_text("unit", &q.unit);
        }
        _ => {}
    }
}

/// A pick-one list: the right count, no repeats, and a valid index (so there is exactly one right answer).
fn choice(
    c: &mut Check<'_>,
    list_field: &str,
    list: Option<&[String]>,
    index_field: &str,
    index: Option<i64>,
    count: std::ops::RangeInclusive<usize>,
) {
    let Some(list) = list else { return };
    if !count.contains(&list.len()) {
        let n = if count.start() == count.end() {
            format!("exactly {}", count.start())
        } else {
            format!("{} to {}", count.start(), count.end())
        };
        c.fail(list_field, format!("needs {n} entries, found {}", list.len()));
    }
    let mut seen = HashSet::new();
    for item in list {
        c.text(list_field, item);
        if !seen.insert(item.trim().to_lowercase()) {
            c.fail(list_field, format!("`{item}` appears twice"));
        }
    }
    if let Some(i) = index {
        if i < 0 || i as usize >= list.len() {
            c.fail(
                index_field,
                format!(
                    "{i} is not the index of an entry (0 to {})",
                    list.len().saturating_sub(1)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_three_precisions_and_reject_impossible_days() {
        assert_eq!(
            parse_date("2012"),
            Ok(Date {
                year: 2012,
                month: 0,
                day: 0
            })
        );
        assert_eq!(
            parse_date("2012-07"),
            Ok(Date {
                year: 2012,
                month: 7,
                day: 0
            })
        );
        assert_eq!(
            parse_date("2012-07-15"),
            Ok(Date {
                year: 2012,
                month: 7,
                day: 15
            })
        );
        assert!(parse_date("2020-02-29").is_ok());
        for bad in [
            "2021-02-29",
            "2012-13",
            "2012-00",
            "2012-7",
            "12-07-15",
            "1989",
            "2027-01-01",
            "2012-07-15-1",
            "",
            "20x2",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_id("gangnam-style-2012"));
        for bad in ["", "Gangnam", "a--b", "-a", "a-", "a b", "a_b"] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
