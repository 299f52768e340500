//! The data as written in the TOML files. Vocabulary fields stay strings here so `validate` can name the
//! entry and field of a bad value, which serde's own enum errors cannot.

use serde::Deserialize;

use crate::{DataError, Files};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The file the entry came from, for error messages.
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub reference: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub seed: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub statement: String,
    #[serde(default)]
    pub values: Vec<f64>,
    pub unit: Option<String>,
    #[serde(default)]
    pub years: Vec<i64>,
    pub region: String,
    pub stance: String,
    #[serde(default)]
    pub sources: Vec<String>,
    pub verdict: String,
    pub claim: Option<String>,
    pub article_said: Option<String>,
    pub actual: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub date: String,
    /// For an event that publishes a figure: the period the figure describes (`2021`, `2017/2021`).
    pub about: Option<String>,
    pub title: String,
    pub summary: String,
    pub theme: String,
    pub region: String,
    pub stance: String,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub label: String,
    pub values: Vec<Value>,
}

/// One plotted value: a number, or what a source really gave when it gave no single number.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Value {
    Exact(f64),
    /// “Under 3”: a ceiling, never drawn as if it were 3.
    Below(Below),
    /// “2.4 to 3.6”.
    Range(Range),
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Below {
    pub below: f64,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Value {
    /// Every number written, for the finiteness and percentage checks.
    pub fn numbers(&self) -> Vec<f64> {
        match *self {
            Value::Exact(v) | Value::Below(Below { below: v }) => vec![v],
            Value::Range(Range { low, high }) => vec![low, high],
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleValue {
    pub series: String,
    pub category: String,
    pub value: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub question: String,
    pub kind: String,
    pub unit: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub caption: String,
    pub stance: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub article: Vec<ArticleValue>,
}

/// One struct for every question type; `validate` checks that exactly the fields of its type are present.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub difficulty: String,
    /// The fact the question tests: a quiz never asks two questions with the same key.
    pub claim: String,
    pub prompt: String,
    pub explanation: String,
    #[serde(default)]
    pub sources: Vec<String>,
    pub event: Option<String>,
    pub chart: Option<String>,
    pub perspective: Option<String>,
    pub options: Option<Vec<String>>,
    pub correct: Option<i64>,
    pub truth: Option<bool>,
    pub events: Option<Vec<String>>,
    pub answer: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
    pub unit: Option<String>,
    pub parts: Option<Vec<String>>,
    pub wrong: Option<i64>,
}

/// One edition of the quiz bank: the questions it added (`quiz-editions.toml`, append only). Class links and
/// results codes name an edition, so they keep meaning the same quiz when later editions add questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    #[serde(skip)]
    pub file: String,
    pub number: u8,
    pub questions: Vec<String>,
}

impl Dataset {
    /// The edition that added question `id`, if any lists it.
    pub fn edition_of(&self, id: &str) -> Option<u8> {
        self.editions
            .iter()
            .find(|e| e.questions.iter().any(|q| q == id))
            .map(|e| e.number)
    }
}

/// A mistake this app itself made and has corrected: shown in the Sources view.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub date: String,
    pub was: String,
    pub now: String,
    pub items: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One section of the perspectives page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub stance: String,
    pub summary: String,
    pub points: Vec<String>,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub charts: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A glossary term; `concept` terms are also cards on the perspectives page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub forms: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub concept: bool,
    pub origin: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A lesson plan of the teacher pack.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub objectives: Vec<String>,
    pub step: Vec<LessonStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    pub minutes: u32,
    pub title: String,
    pub text: String,
    pub link: Option<String>,
}

/// A discussion question of the teacher pack.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discussion {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub level: String,
    pub text: String,
    pub link: Option<String>,
}

/// An essay or exam-style prompt, with the syllabus topics it serves.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Essay {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub level: String,
    pub text: String,
    pub syllabus: Vec<Syllabus>,
    /// The syllabus entries' sources, gathered after parsing so the whole-dataset rules see them as cited.
    #[serde(skip)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Syllabus {
    pub board: String,
    pub course: String,
    pub topic: String,
    pub source: String,
}

/// A classroom activity of the teacher pack (the source-evaluation task).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub text: String,
    pub steps: Vec<String>,
    pub sources: Vec<String>,
    pub link: Option<String>,
}

/// A short how-to for teachers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: String,
    pub steps: Vec<String>,
    pub link: Option<String>,
}

#[derive(Debug, Default)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub events: Vec<Event>,
    pub comparisons: Vec<Comparison>,
    pub questions: Vec<Question>,
    pub corrections: Vec<Correction>,
    pub perspectives: Vec<Perspective>,
    pub terms: Vec<Term>,
    pub lessons: Vec<Lesson>,
    pub discussions: Vec<Discussion>,
    pub essays: Vec<Essay>,
    pub activities: Vec<Activity>,
    pub guides: Vec<Guide>,
    pub editions: Vec<Edition>,
}

/// One entry of any table, as the whole-dataset rules see it.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The table: `source`, `fact`, `event`, `comparison`, `question`, `correction`, `perspective`, `term`, or
    /// the teacher pack's `lesson`, `discussion`, `essay`, `activity` and `guide`.
    pub table: &'static str,
    pub id: &'a str,
    /// The sources it cites (a source cites none).
    pub sources: &'a [String],
}

impl Dataset {
    /// Every entry of every table, in one list: the rules that span tables (every source is cited, the review
    /// log covers every id) read this, so a new table is added here once rather than in each rule.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        fn of<'a, T>(
            table: &'static str,
            items: &'a [T],
            parts: impl Fn(&'a T) -> (&'a str, &'a [String]) + 'a,
        ) -> impl Iterator<Item = Entry<'a>> + 'a {
            items.iter().map(move |x| {
                let (id, sources) = parts(x);
                Entry { table, id, sources }
            })
        }
        of("source", &self.sources, |x| (&x.id, &[][..]))
            .chain(of("fact", &self.facts, |x| (&x.id, &x.sources)))
            .chain(of("event", &self.events, |x| (&x.id, &x.sources)))
            .chain(of("comparison", &self.comparisons, |x| (&x.id, &x.sources)))
            .chain(of("question", &self.questions, |x| (&x.id, &x.sources)))
            .chain(of("correction", &self.corrections, |x| (&x.id, &x.sources)))
            .chain(of("perspective", &self.perspectives, |x| (&x.id, &x.sources)))
            .chain(of("term", &self.terms, |x| (&x.id, &x.sources)))
            .chain(of("lesson", &self.lessons, |x| (&x.id, &[][..])))
            .chain(of("discussion", &self.discussions, |x| (&x.id, &[][..])))
            .chain(of("essay", &self.essays, |x| (&x.id, &x.sources)))
            .chain(of("activity", &self.activities, |x| (&x.id, &x.sources)))
            .chain(of("guide", &self.guides, |x| (&x.id, &[][..])))
    }
}

/// One data file: any of the tables, each optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    #[serde(default)]
    source: Vec<Source>,
    #[serde(default)]
    fact: Vec<Fact>,
    #[serde(default)]
    event: Vec<Event>,
    #[serde(default)]
    comparison: Vec<Comparison>,
    #[serde(default)]
    question: Vec<Question>,
    #[serde(default)]
    correction: Vec<Correction>,
    #[serde(default)]
    perspective: Vec<Perspective>,
    #[serde(default)]
    term: Vec<Term>,
    #[serde(default)]
    lesson: Vec<Lesson>,
    #[serde(default)]
    discussion: Vec<Discussion>,
    #[serde(default)]
    essay: Vec<Essay>,
    #[serde(default)]
    activity: Vec<Activity>,
    #[serde(default)]
    guide: Vec<Guide>,
    #[serde(default)]
    edition: Vec<Edition>,
}

/// Tags each entry with the file it came from and appends it.
macro_rules! take {
    ($into:expr, $from:expr, $name:expr) => {
        $into.extend($from.into_iter().map(|mut x| {
            x.file = $name.to_string();
            x
        }))
    };
}

pub fn parse(files: &Files) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut d = Dataset::default();
    for (name, text) in &files.files {
        if let Some(f) = parse_file::<DataFile>(name, text, &mut errors) {
            take!(d.sources, f.source, name);
            take!(d.facts, f.fact, name);
            take!(d.events, f.event, name);
            take!(d.comparisons, f.comparison, name);
            take!(d.questions, f.question, name);
            take!(d.corrections, f.correction, name);
            take!(d.perspectives, f.perspective, name);
            take!(d.terms, f.term, name);
            take!(d.lessons, f.lesson, name);
            take!(d.discussions, f.discussion, name);
            take!(d.essays, f.essay, name);
            take!(d.activities, f.activity, name);
            take!(d.guides, f.guide, name);
            take!(d.editions, f.edition, name);
        }
    }
    for essay in &mut d.essays {
        essay.sources = essay.syllabus.iter().map(|s| s.source.clone()).collect();
    }
    if errors.is_empty() {
        Ok(d)
    } else {
        Err(errors)
    }
}

fn parse_file<T: for<'de> Deserialize<'de>>(name: &str, text: &str, errors: &mut Vec<DataError>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let (entry, field) = locate(text, e.span(), e.message());
            errors.push(DataError::new(name, &entry, &field, one_line(e.message())));
            None
        }
    }
}

/// Finds which entry (`[[table]]` block) and field a parse error points at: the error's byte span gives the
/// line; the block around it gives the `id`; the key on the line (or a field named in the message) the field.
fn locate(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> (String, String) {
    let at = span.map(|s| s.start.min(text.len())).unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let block_start = text[..line_end].rfind("[[").unwrap_or(0);
    let block_end = text[line_end..].find("\n[[").map_or(text.len(), |i| line_end + i);
    let entry = text[block_start..block_end]
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "id").then(|| v.trim().trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "?".into());
    let quoted = |m: &str| m.split('`').nth(1).map(str::to_string);
    let field = if message.starts_with("missing field") || message.starts_with("unknown field") {
        quoted(message)
    } else {
        line.split_once('=')
            .map(|(k, _)| k.trim().to_string())
            .filter(|k| !k.starts_with('['))
    }
    .unwrap_or_else(|| "?".into());
    (entry, field)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
