//! The data as written in the TOML files. Vocabulary fields stay strings here so `validate` can name the
//! entry and field of a bad value, which serde's own enum errors cannot.

use serde::Deserialize;

use crate::{DataError, Files, FILE_NAMES};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub kind: String,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub statement: String,
    #[serde(default)]
    pub values: Vec<f64>,
    pub unit: Option<String>,
    #[serde(default)]
    pub years: Vec<i64>,
    pub region: String,
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
    pub id: String,
    pub date: String,
    pub title: String,
    pub summary: String,
    pub theme: String,
    pub region: String,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
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
    pub id: String,
    pub title: String,
    pub question: String,
    pub kind: String,
    pub unit: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub caption: String,
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
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub difficulty: String,
    pub prompt: String,
    pub explanation: String,
    #[serde(default)]
    pub sources: Vec<String>,
    pub event: Option<String>,
    pub chart: Option<String>,
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

#[derive(Debug)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub events: Vec<Event>,
    pub comparisons: Vec<Comparison>,
    pub questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<Source>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(default)]
    fact: Vec<Fact>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    #[serde(default)]
    event: Vec<Event>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonsFile {
    #[serde(default)]
    comparison: Vec<Comparison>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    #[serde(default)]
    question: Vec<Question>,
}

pub fn parse(files: &Files) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let sources = parse_file::<SourcesFile>(FILE_NAMES[0], &files.sources, &mut errors).map(|f| f.source);
    let facts = parse_file::<FactsFile>(FILE_NAMES[1], &files.facts, &mut errors).map(|f| f.fact);
    let events = parse_file::<EventsFile>(FILE_NAMES[2], &files.events, &mut errors).map(|f| f.event);
    let comparisons =
        parse_file::<ComparisonsFile>(FILE_NAMES[3], &files.comparisons, &mut errors).map(|f| f.comparison);
    let questions = parse_file::<QuestionsFile>(FILE_NAMES[4], &files.questions, &mut errors).map(|f| f.question);
    match (sources, facts, events, comparisons, questions) {
        (Some(sources), Some(facts), Some(events), Some(comparisons), Some(questions)) => Ok(Dataset {
            sources,
            facts,
            events,
            comparisons,
            questions,
        }),
        _ => Err(errors),
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
