//! The dataset's types as the app sees them: plain, `'static`, no signals and no parsing. The values are
//! generated from `data/*.toml` at build time (see `data-compiler/`), so every field here is already checked.

/// A date at the precision the source supports; `month` and `day` are 0 when not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

use std::marker::PhantomData;

pub use super::{
    ChartTexts, ClaimTexts, CorrectionTexts, EventTexts, FactTexts, Level, PerspectiveTexts, QuestionTexts, Region,
    SourceKind, SourceTexts, Stance, TeachTexts, TermTexts, Theme,
};

/// A text of the dataset, in the reader's language. The data compiler writes every text a reader reads into
/// tables and the statics hold only this handle, `Text::at(n)`: the `n`th text of table `T` (why: see
/// `data-compiler/src/emit.rs`). Equal texts of one table share one handle, so comparing handles compares texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text<T>(u16, PhantomData<T>);

/// Where the English of a [`Text`] lives. There is one table per kind of entry (events, quiz questions, chart
/// texts…; `data-compiler/src/emit.rs` lists them), so each table is compiled into the part of the app that
/// reads it (`src/views/parts.rs`) and the home page does not download the quiz's questions. `FIRST` places
/// the table among all the dataset's texts, the order a language pack holds them in (`crate::i18n::pack`).
pub trait Table: Copy {
    const FIRST: usize;
    fn english(index: usize) -> &'static str;
}

impl<T: Table> Text<T> {
    /// The handle of text `index` of table `T` (what the generated statics write).
    pub const fn at(index: u16) -> Self {
        Text(index, PhantomData)
    }

    pub fn get(self) -> &'static str {
        crate::i18n::pack::data_text(T::FIRST + usize::from(self.0)).unwrap_or_else(|| self.english())
    }

    /// The English original, whatever the reader's language: for the article's own words, which the quiz
    /// quotes in English beside their translation.
    pub fn english(self) -> &'static str {
        T::english(usize::from(self.0))
    }
}

/// A span of time at the precision the source gives; `from == to` for a single year, month or day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The article got it right.
    Confirmed,
    /// The article got it wrong; `actual` has the verified value.
    Corrected,
    /// No source was found: shown as the article's claim, never as fact.
    Unverified,
}

impl Verdict {
    /// Its value in the data (`verdict = "corrected"`), also used in class names.
    pub const fn id(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Corrected => "corrected",
            Verdict::Unverified => "unverified",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Paired,
    Grouped,
    Line,
}

#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    /// In the source's own language.
    pub title: &'static str,
    pub publisher: &'static str,
    pub date: Option<Date>,
    pub url: Option<&'static str>,
    /// A library or archive reference, for a source with no working link.
    pub reference: Option<&'static str>,
    pub kind: SourceKind,
    /// The opinion piece the project fact-checks.
    pub seed: bool,
    pub note: Option<Text<SourceTexts>>,
}

/// A source as a link names it (`data::source_name`): the same entries as `SOURCES`, in a table of their own so
/// that a view that only links to sources does not carry their titles, addresses and dates.
#[derive(Debug)]
pub struct SourceName {
    pub id: &'static str,
    pub publisher: &'static str,
}

#[derive(Debug)]
pub struct Fact {
    pub id: &'static str,
    pub statement: Text<FactTexts>,
    pub values: &'static [f64],
    pub unit: Option<Text<FactTexts>>,
    pub years: &'static [u16],
    pub region: Region,
    pub stance: Stance,
    pub sources: &'static [&'static str],
    pub verdict: Verdict,
    /// Set when this fact checks one of the article's claims: what the article said.
    pub claim: Option<Text<ClaimTexts>>,
    pub article_said: Option<Text<ClaimTexts>>,
    pub actual: Option<Text<ClaimTexts>>,
    pub note: Option<Text<FactTexts>>,
}

#[derive(Debug)]
pub struct Event {
    pub id: &'static str,
    /// When the world could first know of it: the day it happened, or the day a figure was published.
    pub date: Date,
    /// For a published figure: the period it describes.
    pub about: Option<Period>,
    pub title: Text<EventTexts>,
    /// May hold glossary marks: render with `GlossaryText`.
    pub summary: Text<EventTexts>,
    pub theme: Theme,
    pub region: Region,
    pub stance: Stance,
    pub facts: &'static [&'static str],
    pub sources: &'static [&'static str],
}

#[derive(Debug)]
pub struct Series {
    pub label: Text<ChartTexts>,
    pub values: &'static [Value],
}

/// One plotted value as the source gave it: ceilings and ranges are never drawn as plain bars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Exact(f64),
    /// “Under 3”.
    Below(f64),
    /// “2.4 to 3.6”.
    Range(f64, f64),
}

/// Where the article's figure differs from the verified one.
#[derive(Debug)]
pub struct ArticleValue {
    pub series: Text<ChartTexts>,
    pub category: Text<ChartTexts>,
    pub value: f64,
}

#[derive(Debug)]
pub struct Comparison {
    pub id: &'static str,
    pub title: Text<ChartTexts>,
    pub question: Text<ChartTexts>,
    pub kind: ChartKind,
    pub unit: Text<ChartTexts>,
    pub categories: &'static [Text<ChartTexts>],
    pub series: &'static [Series],
    /// May hold glossary marks.
    pub caption: Text<ChartTexts>,
    pub stance: Stance,
    pub sources: &'static [&'static str],
    pub facts: &'static [&'static str],
    pub article: &'static [ArticleValue],
}

#[derive(Debug)]
pub enum Answer {
    Single {
        options: &'static [Text<QuestionTexts>],
        correct: u8,
    },
    TrueFalse {
        truth: bool,
    },
    /// The right order is the events' date order.
    Order {
        events: &'static [&'static str],
    },
    Estimate {
        answer: f64,
        min: f64,
        max: f64,
        step: f64,
        unit: Text<QuestionTexts>,
    },
    SpotError {
        parts: &'static [Text<QuestionTexts>],
        wrong: u8,
    },
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// The edition of the bank that added it (`data/quiz-editions.toml`): a class link or results code made
    /// with edition N picks only from editions up to N, so it keeps meaning the same quiz as the bank grows.
    pub edition: u8,
    pub difficulty: Difficulty,
    /// The fact the question tests; a quiz never holds two questions with the same claim.
    pub claim: &'static str,
    /// May hold glossary marks, as may `explanation`.
    pub prompt: Text<QuestionTexts>,
    pub explanation: Text<QuestionTexts>,
    pub sources: &'static [&'static str],
    pub event: Option<&'static str>,
    pub chart: Option<&'static str>,
    /// The section of the perspectives page the question draws on.
    pub perspective: Option<&'static str>,
    pub answer: Answer,
}

/// Question ids are unique (the data compiler checks), so the id is the identity; this lets quiz sessions be
/// compared without comparing every field.
impl PartialEq for Question {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// A mistake this app made and corrected, listed in the Sources view.
#[derive(Debug)]
pub struct Correction {
    pub id: &'static str,
    pub date: Date,
    pub was: Text<CorrectionTexts>,
    pub now: Text<CorrectionTexts>,
    /// The facts, events, comparisons and questions that changed.
    pub items: &'static [&'static str],
    pub sources: &'static [&'static str],
}

/// One section of the perspectives page: a view of the claim, with its evidence.
#[derive(Debug)]
pub struct Perspective {
    pub id: &'static str,
    pub title: Text<PerspectiveTexts>,
    pub stance: Stance,
    pub summary: Text<PerspectiveTexts>,
    pub points: &'static [Text<PerspectiveTexts>],
    pub events: &'static [&'static str],
    pub facts: &'static [&'static str],
    pub charts: &'static [&'static str],
    pub sources: &'static [&'static str],
}

/// A glossary term. `concept` terms are also cards on the perspectives page.
#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub term: Text<TermTexts>,
    pub definition: Text<TermTexts>,
    pub concept: bool,
    /// Who coined or argued the idea, and when.
    pub origin: Option<Text<TermTexts>>,
    pub sources: &'static [&'static str],
}

/// A lesson plan of the teacher pack (`view=teach`). Texts may hold glossary marks.
#[derive(Debug)]
pub struct Lesson {
    pub id: &'static str,
    pub title: Text<TeachTexts>,
    /// The steps' minutes add up to this (the data compiler checks).
    pub minutes: u32,
    pub objectives: &'static [Text<TeachTexts>],
    pub steps: &'static [LessonStep],
}

#[derive(Debug)]
pub struct LessonStep {
    pub minutes: u32,
    pub title: Text<TeachTexts>,
    pub text: Text<TeachTexts>,
    /// A query string of the URL contract (`?view=timeline&stance=challenges`).
    pub link: Option<&'static str>,
}

/// A discussion question for a class.
#[derive(Debug)]
pub struct Discussion {
    pub id: &'static str,
    pub level: Level,
    pub text: Text<TeachTexts>,
    pub link: Option<&'static str>,
}

/// An essay or exam-style prompt and the syllabus topics it serves.
#[derive(Debug)]
pub struct Essay {
    pub id: &'static str,
    pub level: Level,
    pub text: Text<TeachTexts>,
    pub syllabus: &'static [Syllabus],
}

/// A topic of an exam board's specification; `source` is the specification itself.
#[derive(Debug)]
pub struct Syllabus {
    pub board: &'static str,
    pub course: Text<TeachTexts>,
    pub topic: Text<TeachTexts>,
    pub source: &'static str,
}

/// A classroom activity: students work on `sources`, and the app shows each one's kind as the answer.
#[derive(Debug)]
pub struct Activity {
    pub id: &'static str,
    pub title: Text<TeachTexts>,
    pub text: Text<TeachTexts>,
    pub steps: &'static [Text<TeachTexts>],
    pub sources: &'static [&'static str],
    pub link: Option<&'static str>,
}

/// A short how-to for teachers.
#[derive(Debug)]
pub struct Guide {
    pub id: &'static str,
    pub title: Text<TeachTexts>,
    pub steps: &'static [Text<TeachTexts>],
    pub link: Option<&'static str>,
}
