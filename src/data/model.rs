//! The dataset's types as the app sees them: plain, `'static`, no signals and no parsing. The values are
//! generated from `data/*.toml` at build time (see `data-compiler/`), so every field here is already checked.

/// A date at the precision the source supports; `month` and `day` are 0 when not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// The opinion piece the project started from.
    Article,
    /// The body that produced the data (a statistics office, the company, the researchers).
    Primary,
    /// A report or copy of the primary source.
    Secondary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    Global,
    Korea,
    China,
    India,
    LatinAmerica,
    Spain,
    Usa,
    Uk,
    Europe,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    Music,
    FilmTv,
    Language,
    Politics,
    Trade,
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
    pub title: &'static str,
    pub publisher: &'static str,
    pub date: Option<Date>,
    pub url: Option<&'static str>,
    pub kind: SourceKind,
    pub note: Option<&'static str>,
}

#[derive(Debug)]
pub struct Fact {
    pub id: &'static str,
    pub statement: &'static str,
    pub values: &'static [f64],
    pub unit: Option<&'static str>,
    pub years: &'static [u16],
    pub region: Region,
    pub sources: &'static [&'static str],
    pub verdict: Verdict,
    /// Set when this fact checks one of the article's claims: what the article said.
    pub claim: Option<&'static str>,
    pub article_said: Option<&'static str>,
    pub actual: Option<&'static str>,
    pub note: Option<&'static str>,
}

#[derive(Debug)]
pub struct Event {
    pub id: &'static str,
    pub date: Date,
    pub title: &'static str,
    pub summary: &'static str,
    pub theme: Theme,
    pub region: Region,
    pub facts: &'static [&'static str],
    pub sources: &'static [&'static str],
}

#[derive(Debug)]
pub struct Series {
    pub label: &'static str,
    pub values: &'static [f64],
}

/// Where the article's figure differs from the verified one.
#[derive(Debug)]
pub struct ArticleValue {
    pub series: &'static str,
    pub category: &'static str,
    pub value: f64,
}

#[derive(Debug)]
pub struct Comparison {
    pub id: &'static str,
    pub title: &'static str,
    pub question: &'static str,
    pub kind: ChartKind,
    pub unit: &'static str,
    pub categories: &'static [&'static str],
    pub series: &'static [Series],
    pub caption: &'static str,
    pub sources: &'static [&'static str],
    pub facts: &'static [&'static str],
    pub article: &'static [ArticleValue],
}

#[derive(Debug)]
pub enum Answer {
    Single {
        options: &'static [&'static str],
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
        unit: &'static str,
    },
    SpotError {
        parts: &'static [&'static str],
        wrong: u8,
    },
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub difficulty: Difficulty,
    pub prompt: &'static str,
    pub explanation: &'static str,
    pub sources: &'static [&'static str],
    pub event: Option<&'static str>,
    pub chart: Option<&'static str>,
    pub answer: Answer,
}

/// Question ids are unique (the data compiler checks), so the id is the identity; this lets quiz sessions be
/// compared without comparing every field.
impl PartialEq for Question {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
