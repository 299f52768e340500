//! Every rule a teacher's edit could break, each reported with its file, entry and field.

use std::collections::{HashMap, HashSet};

use crate::glossary;
use crate::raw::{Comparison, Correction, Dataset, Event, Fact, Perspective, Question, Source, Term, Value};
use crate::readability;
use crate::DataError;

pub const REGIONS: &[&str] = &[
    "global",
    "korea",
    "japan",
    "china",
    "india",
    "africa",
    "latin-america",
    "spain",
    "usa",
    "uk",
    "europe",
];
pub const STANCES: &[&str] = &["supports", "challenges", "context"];
pub const THEMES: &[&str] = &["music", "film-tv", "language", "politics", "trade"];
pub const VERDICTS: &[&str] = &["confirmed", "corrected", "unverified"];
pub const SOURCE_KINDS: &[&str] = &["primary", "news", "analysis", "interested", "opinion"];
pub const DIFFICULTIES: &[&str] = &["easy", "medium", "hard"];
pub const CHART_KINDS: &[&str] = &["paired", "grouped", "line"];
pub const QUESTION_TYPES: &[&str] = &["single", "true-false", "order", "estimate", "spot-error"];
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2026;
/// Teacher pack: which students a discussion question or essay prompt is for.
pub const LEVELS: &[&str] = &["ages-14-16", "ages-16-18"];

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

impl Date {
    /// The first day this date could mean: `2021` → 1 January 2021.
    pub fn first_day(self) -> (i64, u8, u8) {
        (self.year, self.month.max(1), self.day.max(1))
    }
    /// The last day this date could mean: `2021` → 31 December 2021.
    pub fn last_day(self) -> (i64, u8, u8) {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month as i64) as u8
        } else {
            self.day
        };
        (self.year, month, day)
    }
}

/// An event's `about`: one date, or `start/end`; returns its end.
pub fn parse_period_end(s: &str) -> Result<Date, String> {
    let (start, end) = s.split_once('/').unwrap_or((s, s));
    let (start, end) = (parse_date(start)?, parse_date(end)?);
    if start.first_day() > end.last_day() {
        return Err(format!("`{s}` ends before it starts"));
    }
    Ok(end)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Each file's readability grades, for the mean-grade rule.
type Grades = HashMap<String, Vec<f64>>;

/// The ids of everything, for cross-references.
struct Known<'a> {
    sources: HashSet<&'a str>,
    facts: HashSet<&'a str>,
    charts: HashSet<&'a str>,
    perspectives: HashSet<&'a str>,
    event_dates: HashMap<&'a str, Option<Date>>,
    /// Every term and form, lower-cased.
    terms: HashSet<String>,
    /// The seed article's id.
    seed: HashSet<&'a str>,
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
        } else if value.chars().any(|c| c.is_control() && c != '\n') {
            // Invisible on screen, and U+001F separates the texts in the app's text table.
            self.fail(field, "holds a control character");
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
    /// A text students read: not empty, glossary marks that name a term, and readable (see `readability`).
    /// Returns the grade, for the file's mean.
    fn prose(&mut self, field: &str, value: &str, terms: &HashSet<String>, grades: &mut Grades) {
        self.text(field, value);
        match glossary::marks(value) {
            Err(e) => self.fail(field, e),
            Ok(marks) => {
                for m in marks {
                    let words = value[m].to_lowercase();
                    if !terms.contains(&words) {
                        self.fail(field, format!("`[[{words}]]` is not a term or form in the glossary"));
                    }
                }
            }
        }
        let r = readability::measure(value);
        if r.longest_sentence > readability::MAX_SENTENCE_WORDS {
            self.fail(
                field,
                format!(
                    "has a sentence of {} words: keep every sentence to {} words or fewer",
                    r.longest_sentence,
                    readability::MAX_SENTENCE_WORDS
                ),
            );
        }
        if r.grade > readability::MAX_TEXT_GRADE {
            self.fail(
                field,
                format!(
                    "reads at grade {:.1} (Flesch–Kincaid); the limit is {}: use shorter sentences and words",
                    r.grade,
                    readability::MAX_TEXT_GRADE
                ),
            );
        }
        grades.entry(self.file.to_string()).or_default().push(r.grade);
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

/// The ids of one kind of entry, checked for form and uniqueness across files.
fn ids<'a, T>(
    items: &'a [T],
    at: impl Fn(&'a T) -> (&'a String, &'a String),
    errors: &mut Vec<DataError>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (file, i) in items.iter().map(at) {
        if !is_id(i) {
            errors.push(DataError::new(
                file,
                i,
                "id",
                "use lower-case letters, digits and single hyphens",
            ));
        }
        if !seen.insert(i.as_str()) {
            errors.push(DataError::new(file, i, "id", "is used by another entry"));
        }
    }
    seen
}

pub fn validate(d: &Dataset) -> Vec<DataError> {
    let mut errors = Vec::new();
    let known = Known {
        sources: ids(&d.sources, |s| (&s.file, &s.id), &mut errors),
        facts: ids(&d.facts, |f| (&f.file, &f.id), &mut errors),
        charts: ids(&d.comparisons, |c| (&c.file, &c.id), &mut errors),
        perspectives: ids(&d.perspectives, |p| (&p.file, &p.id), &mut errors),
        event_dates: d
            .events
            .iter()
            .map(|e| (e.id.as_str(), parse_date(&e.date).ok()))
            .collect(),
        terms: terms(&d.terms, &mut errors),
        seed: d.sources.iter().filter(|s| s.seed).map(|s| s.id.as_str()).collect(),
    };
    ids(&d.events, |e| (&e.file, &e.id), &mut errors);
    ids(&d.questions, |q| (&q.file, &q.id), &mut errors);
    ids(&d.corrections, |c| (&c.file, &c.id), &mut errors);
    let mut grades = Grades::new();

    for s in &d.sources {
        source(s, &mut errors);
    }
    if known.seed.len() != 1 {
        errors.push(DataError::new(
            "sources.toml",
            "?",
            "seed",
            format!(
                "exactly one source must be the seed article (`seed = true`); found {}",
                known.seed.len()
            ),
        ));
    }
    for f in &d.facts {
        fact(f, &known, &mut grades, &mut errors);
    }
    let facts_by_id: HashMap<&str, &Fact> = d.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    for e in &d.events {
        event(e, &known, &facts_by_id, &mut grades, &mut errors);
    }
    for c in &d.comparisons {
        comparison(c, &known, &mut grades, &mut errors);
    }
    for q in &d.questions {
        question(q, &known, &mut grades, &mut errors);
    }
    quiz_bank(&d.questions, &known, &mut errors);
    editions(d, &mut errors);
    let every_id: HashSet<&str> = d
        .entries()
        .filter(|e| matches!(e.table, "fact" | "event" | "comparison" | "question"))
        .map(|e| e.id)
        .collect();
    for c in &d.corrections {
        correction(c, &known, &every_id, &mut errors);
    }
    for p in &d.perspectives {
        perspective(p, &known, &mut grades, &mut errors);
    }
    for t in &d.terms {
        term(t, &known, &mut grades, &mut errors);
    }
    teacher_pack(d, &known, &mut grades, &mut errors);
    let mut files: Vec<_> = grades.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (file, g) in files {
        let mean = g.iter().sum::<f64>() / g.len() as f64;
        if mean > readability::MAX_FILE_MEAN_GRADE {
            errors.push(DataError::new(
                &file,
                "*",
                "*",
                format!(
                    "the texts' mean Flesch–Kincaid grade is {mean:.2}; the limit is {}",
                    readability::MAX_FILE_MEAN_GRADE
                ),
            ));
        }
    }

    let cited: HashSet<&str> = d.entries().flat_map(|e| e.sources).map(String::as_str).collect();
    for s in &d.sources {
        if !cited.contains(s.id.as_str()) {
            errors.push(DataError::new(&s.file, &s.id, "id", "is not cited by anything"));
        }
    }
    errors
}

/// Every term and form, lower-cased; each may name one term only.
fn terms(terms: &[Term], errors: &mut Vec<DataError>) -> HashSet<String> {
    let mut all = HashSet::new();
    for t in terms {
        for words in std::iter::once(&t.term).chain(&t.forms) {
            if !all.insert(words.to_lowercase()) {
                errors.push(DataError::new(
                    &t.file,
                    &t.id,
                    "forms",
                    format!("`{words}` names another term too"),
                ));
            }
        }
    }
    all
}

/// The id of the term that `words` (any case) names.
pub fn term_id<'a>(terms: &'a [Term], words: &str) -> Option<&'a str> {
    let w = words.to_lowercase();
    terms
        .iter()
        .find(|t| std::iter::once(&t.term).chain(&t.forms).any(|x| x.to_lowercase() == w))
        .map(|t| t.id.as_str())
}

fn source(s: &Source, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &s.file,
        entry: &s.id,
        errors,
    };
    c.text("title", &s.title);
    c.text("publisher", &s.publisher);
    c.one_of("kind", &s.kind, SOURCE_KINDS);
    c.opt_text("note", &s.note);
    c.opt_text("reference", &s.reference);
    if s.seed && s.kind != "opinion" {
        c.fail("kind", "the seed article is an opinion piece: `kind = \"opinion\"`");
    }
    if let Some(date) = &s.date {
        if let Err(e) = parse_date(date) {
            c.fail("date", e);
        }
    }
    match &s.url {
        // Only web links: a `javascript:` or `data:` URL in the data must never become a clickable link.
        Some(url)
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) =>
        {
            c.fail("url", "must be an http:// or https:// address without spaces")
        }
        None if s.reference.is_none() => c.fail(
            "url",
            "every source needs a `url`, or a `reference` (a library or archive reference) when no link works",
        ),
        _ => {}
    }
}

fn fact(f: &Fact, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &f.file,
        entry: &f.id,
        errors,
    };
    c.prose("statement", &f.statement, &known.terms, grades);
    c.one_of("region", &f.region, REGIONS);
    c.one_of("stance", &f.stance, STANCES);
    c.one_of("verdict", &f.verdict, VERDICTS);
    c.cites(&f.sources, &known.sources);
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
    ] {
        c.opt_text(field, value);
    }
    if let Some(note) = &f.note {
        c.prose("note", note, &known.terms, grades);
    }
    let article = &known.seed;
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

fn event(e: &Event, known: &Known, facts: &HashMap<&str, &Fact>, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &e.file,
        entry: &e.id,
        errors,
    };
    let date = parse_date(&e.date);
    if let Err(msg) = &date {
        c.fail("date", msg.clone());
    }
    c.text("title", &e.title);
    c.prose("summary", &e.summary, &known.terms, grades);
    c.one_of("theme", &e.theme, THEMES);
    c.one_of("region", &e.region, REGIONS);
    c.one_of("stance", &e.stance, STANCES);
    c.refs("facts", &e.facts, &known.facts, "fact");
    c.cites(&e.sources, &known.sources);
    // The date convention (data/README.md): a figure is dated when it was published, after the period it
    // describes. A year-only date on an event that cites a figure for that same year is the old convention.
    let Ok(date) = date else { return };
    match &e.about {
        Some(about) => match parse_period_end(about) {
            Err(msg) => c.fail("about", msg),
            Ok(end) if date.first_day() < end.last_day() => c.fail(
                "date",
                format!(
                    "a figure about `{about}` is dated when it was published, which cannot be before `{about}` ends"
                ),
            ),
            Ok(_) => {}
        },
        None if date.month == 0 => {
            let same_year = e
                .facts
                .iter()
                .filter_map(|id| facts.get(id.as_str()))
                .any(|f| !f.values.is_empty() && f.years.contains(&date.year));
            if same_year {
                c.fail(
                    "about",
                    "this event reports a figure for its own year: date it when the figure was published, \
                     and give the year it describes in `about`",
                );
            }
        }
        None => {}
    }
}

fn comparison(k: &Comparison, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &k.file,
        entry: &k.id,
        errors,
    };
    for (field, v) in [("title", &k.title), ("question", &k.question), ("unit", &k.unit)] {
        c.text(field, v);
    }
    c.prose("caption", &k.caption, &known.terms, grades);
    c.one_of("kind", &k.kind, CHART_KINDS);
    c.one_of("stance", &k.stance, STANCES);
    c.cites(&k.sources, &known.sources);
    c.refs("facts", &k.facts, &known.facts, "fact");
    if k.categories.len() < 2 {
        c.fail("categories", "a comparison needs at least two categories");
    }
    if k.categories.iter().collect::<HashSet<_>>().len() != k.categories.len() {
        c.fail("categories", "has the same label twice");
    }
    // The article's figures are claims, not data: they belong in `article`, drawn as marked claims.
    for label in k.categories.iter().chain(k.series.iter().map(|s| &s.label)) {
        if label.to_lowercase().contains("article") {
            c.fail(
                "categories",
                format!("`{label}`: the article's figures go in `article`, never in the plotted data"),
            );
        }
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
        let numbers: Vec<f64> = s.values.iter().flat_map(Value::numbers).collect();
        if c.finite("series.values", &numbers) && k.unit == "%" && numbers.iter().any(|v| !(0.0..=100.0).contains(v)) {
            c.fail(
                "series.values",
                format!("series `{}` has a percentage outside 0–100", s.label),
            );
        }
        for v in &s.values {
            if let Value::Range(r) = v {
                if r.low >= r.high {
                    c.fail(
                        "series.values",
                        format!("series `{}` has a range whose low is not below its high", s.label),
                    );
                }
            }
        }
        if k.kind == "line" && s.values.iter().any(|v| !matches!(v, Value::Exact(_))) {
            c.fail(
                "series.values",
                "a line chart joins exact values only: draw ranges and ceilings as bars",
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
    if !k.article.is_empty() && !k.sources.iter().any(|s| known.seed.contains(s.as_str())) {
        c.fail(
            "sources",
            "a chart that shows the article's figures must cite the article",
        );
    }
}

fn correction(k: &Correction, known: &Known, every_id: &HashSet<&str>, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &k.file,
        entry: &k.id,
        errors,
    };
    if let Err(msg) = parse_date(&k.date) {
        c.fail("date", msg);
    }
    c.text("was", &k.was);
    c.text("now", &k.now);
    if k.items.is_empty() {
        c.fail(
            "items",
            "name at least one fact, event, comparison or question that changed",
        );
    }
    c.refs("items", &k.items, every_id, "fact, event, comparison or question");
    c.cites(&k.sources, &known.sources);
}

fn perspective(p: &Perspective, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &p.file,
        entry: &p.id,
        errors,
    };
    c.text("title", &p.title);
    c.one_of("stance", &p.stance, STANCES);
    c.prose("summary", &p.summary, &known.terms, grades);
    if !(2..=5).contains(&p.points.len()) {
        c.fail("points", format!("give 2 to 5 points, found {}", p.points.len()));
    }
    for point in &p.points {
        c.prose("points", point, &known.terms, grades);
    }
    let events: HashSet<&str> = known.event_dates.keys().copied().collect();
    c.refs("events", &p.events, &events, "event");
    c.refs("facts", &p.facts, &known.facts, "fact");
    c.refs("charts", &p.charts, &known.charts, "comparison");
    c.cites(&p.sources, &known.sources);
}

fn term(t: &Term, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let mut c = Check {
        file: &t.file,
        entry: &t.id,
        errors,
    };
    c.text("term", &t.term);
    for f in &t.forms {
        c.text("forms", f);
    }
    c.prose("definition", &t.definition, &known.terms, grades);
    c.opt_text("origin", &t.origin);
    c.refs("sources", &t.sources, &known.sources, "source");
    if t.concept {
        if t.origin.is_none() {
            c.fail("origin", "a concept card says who coined or argued the idea, and when");
        }
        if t.sources.is_empty() {
            c.fail("sources", "a concept card cites at least one source");
        }
    }
}

/// The teacher pack (`view=teach`): lessons whose steps add up, levels, links, and syllabus mappings that cite
/// the specification. Links are query strings; the app's own URL parser checks their keys and values (a native
/// test in `src/`, which owns the URL contract).
fn teacher_pack(d: &Dataset, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    ids(&d.lessons, |x| (&x.file, &x.id), errors);
    ids(&d.discussions, |x| (&x.file, &x.id), errors);
    ids(&d.essays, |x| (&x.file, &x.id), errors);
    ids(&d.activities, |x| (&x.file, &x.id), errors);
    ids(&d.guides, |x| (&x.file, &x.id), errors);
    for l in &d.lessons {
        let mut c = Check {
            file: &l.file,
            entry: &l.id,
            errors,
        };
        c.text("title", &l.title);
        if !(15..=90).contains(&l.minutes) {
            c.fail("minutes", "a lesson lasts 15 to 90 minutes");
        }
        count(&mut c, "objectives", l.objectives.len(), 2..=4);
        for o in &l.objectives {
            c.prose("objectives", o, &known.terms, grades);
        }
        count(&mut c, "step", l.step.len(), 3..=8);
        for step in &l.step {
            c.text("step.title", &step.title);
            c.prose("step.text", &step.text, &known.terms, grades);
            link(&mut c, "step.link", &step.link);
            if step.minutes == 0 {
                c.fail("step.minutes", "a step takes at least a minute");
            }
        }
        let total: u32 = l.step.iter().map(|s| s.minutes).sum();
        if total != l.minutes {
            c.fail(
                "step.minutes",
                format!("the steps add up to {total} minutes, not the lesson's {}", l.minutes),
            );
        }
    }
    for q in &d.discussions {
        let mut c = Check {
            file: &q.file,
            entry: &q.id,
            errors,
        };
        c.one_of("level", &q.level, LEVELS);
        c.prose("text", &q.text, &known.terms, grades);
        link(&mut c, "link", &q.link);
    }
    let kinds: HashMap<&str, &str> = d.sources.iter().map(|s| (s.id.as_str(), s.kind.as_str())).collect();
    for e in &d.essays {
        let mut c = Check {
            file: &e.file,
            entry: &e.id,
            errors,
        };
        c.one_of("level", &e.level, LEVELS);
        c.prose("text", &e.text, &known.terms, grades);
        if e.syllabus.is_empty() {
            c.fail("syllabus", "map the prompt to at least one syllabus topic");
        }
        for s in &e.syllabus {
            for (field, value) in [
                ("syllabus.board", &s.board),
                ("syllabus.course", &s.course),
                ("syllabus.topic", &s.topic),
            ] {
                c.text(field, value);
            }
            match kinds.get(s.source.as_str()) {
                None => c.fail("syllabus.source", format!("no source has the id `{}`", s.source)),
                Some(&"primary") => {}
                Some(kind) => c.fail(
                    "syllabus.source",
                    format!(
                        "`{}` is `{kind}`: cite the exam board's own specification (`primary`)",
                        s.source
                    ),
                ),
            }
        }
    }
    for a in &d.activities {
        let mut c = Check {
            file: &a.file,
            entry: &a.id,
            errors,
        };
        c.text("title", &a.title);
        c.prose("text", &a.text, &known.terms, grades);
        count(&mut c, "steps", a.steps.len(), 2..=8);
        for step in &a.steps {
            c.prose("steps", step, &known.terms, grades);
        }
        c.cites(&a.sources, &known.sources);
        link(&mut c, "link", &a.link);
    }
    for g in &d.guides {
        let mut c = Check {
            file: &g.file,
            entry: &g.id,
            errors,
        };
        c.text("title", &g.title);
        count(&mut c, "steps", g.steps.len(), 2..=8);
        for step in &g.steps {
            c.prose("steps", step, &known.terms, grades);
        }
        link(&mut c, "link", &g.link);
    }
}

/// A teacher-pack link: a query string of the URL contract (its keys are checked by the app's own parser).
fn link(c: &mut Check, field: &str, link: &Option<String>) {
    if let Some(l) = link {
        if !l.starts_with("?view=") {
            c.fail(field, format!("`{l}` must be a query string that starts with `?view=`"));
        }
    }
}

fn count(c: &mut Check, field: &str, n: usize, range: std::ops::RangeInclusive<usize>) {
    if !range.contains(&n) {
        c.fail(field, format!("give {} to {}, found {n}", range.start(), range.end()));
    }
}

/// The highest edition number a results code can carry (four bits).
pub const MAX_EDITION: u8 = 15;

/// The bank's editions are numbered 1, 2, 3… in order; each question is listed in exactly one, and each listed
/// id is a question. A listed id that is gone means old class links changed meaning: that is refused.
fn editions(d: &Dataset, errors: &mut Vec<DataError>) {
    let mut listed: HashMap<&str, u8> = HashMap::new();
    for (at, e) in d.editions.iter().enumerate() {
        let entry = format!("edition {}", e.number);
        let mut c = Check {
            file: &e.file,
            entry: &entry,
            errors,
        };
        if usize::from(e.number) != at + 1 || e.number > MAX_EDITION {
            c.fail(
                "number",
                format!(
                    "editions are numbered 1, 2, 3… in order, up to {MAX_EDITION}; expected {}",
                    at + 1
                ),
            );
        }
        for id in &e.questions {
            if listed.insert(id.as_str(), e.number).is_some() {
                c.fail("questions", format!("`{id}` is listed in two editions"));
            }
            if !d.questions.iter().any(|q| &q.id == id) {
                c.fail(
                    "questions",
                    format!(
                        "`{id}` is not in the bank: a listed question may not be deleted, because class links and \
                         results codes made with this edition would change meaning; restore it (correct it if wrong)"
                    ),
                );
            }
        }
    }
    for q in &d.questions {
        if !listed.contains_key(q.id.as_str()) {
            errors.push(DataError::new(
                &q.file,
                &q.id,
                "id",
                format!(
                    "is in no edition of the bank: add it to a new `[[edition]]` (number {}) in quiz-editions.toml",
                    d.editions.len() + 1
                ),
            ));
        }
    }
}

/// The most questions the bank may hold: the app packs a question's place in the bank into 16 bits when it
/// orders a quiz (`QuizConfig::pick`).
pub const MAX_QUESTIONS: usize = 0xFFFF;

/// Rules over the whole bank: its size, and the share about the article's mistakes.
fn quiz_bank(questions: &[Question], known: &Known, errors: &mut Vec<DataError>) {
    if questions.len() > MAX_QUESTIONS {
        errors.push(DataError::new(
            "questions.toml",
            "(bank)",
            "question",
            format!(
                "the bank holds {} questions; the most it may hold is {MAX_QUESTIONS}",
                questions.len()
            ),
        ));
    }
    let about_article = questions
        .iter()
        .filter(|q| q.sources.iter().any(|s| known.seed.contains(s.as_str())))
        .count();
    if about_article * 4 > questions.len() {
        errors.push(DataError::new(
            "questions.toml",
            "*",
            "sources",
            format!(
                "{about_article} of {} questions cite the seed article: at most a quarter may be about its mistakes",
                questions.len()
            ),
        ));
    }
}

fn question(q: &Question, known: &Known, grades: &mut Grades, errors: &mut Vec<DataError>) {
    let (events, charts) = (&known.event_dates, &known.charts);
    let mut c = Check {
        file: &q.file,
        entry: &q.id,
        errors,
    };
    c.one_of("type", &q.kind, QUESTION_TYPES);
    c.one_of("difficulty", &q.difficulty, DIFFICULTIES);
    if !is_id(&q.claim) {
        c.fail("claim", "a claim key is kebab-case, like an id");
    }
    c.prose("prompt", &q.prompt, &known.terms, grades);
    c.prose("explanation", &q.explanation, &known.terms, grades);
    c.cites(&q.sources, &known.sources);
    if let Some(p) = &q.perspective {
        if !known.perspectives.contains(p.as_str()) {
            c.fail("perspective", format!("no perspective has the id `{p}`"));
        }
    }
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
