//! The quiz's rules, without a browser: which questions a quiz asks (seeded, so a class link gives everyone the
//! same quiz), how an answer is marked, the running session, and how it is saved and resumed.

pub mod config;
pub mod marking;
pub mod response;
pub mod save;
pub mod session;
pub mod worksheet;

pub use config::{QuizConfig, QuizLength};
pub use marking::{Mark, Outcome};
pub use response::Response;
pub use session::Session;

use crate::data::model::{Answer, Question};

/// The five kinds of question, for the results breakdown and per-kind behaviour (time limits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Single,
    TrueFalse,
    Order,
    Estimate,
    SpotError,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Single,
        Kind::TrueFalse,
        Kind::Order,
        Kind::Estimate,
        Kind::SpotError,
    ];

    pub fn of(question: &Question) -> Self {
        match question.answer {
            Answer::Single { .. } => Kind::Single,
            Answer::TrueFalse { .. } => Kind::TrueFalse,
            Answer::Order { .. } => Kind::Order,
            Answer::Estimate { .. } => Kind::Estimate,
            Answer::SpotError { .. } => Kind::SpotError,
        }
    }

    /// Seconds allowed when the optional timer is on: ordering and estimating need reading and thinking time.
    pub fn time_limit(self) -> u32 {
        match self {
            Kind::Single | Kind::TrueFalse | Kind::SpotError => 30,
            Kind::Order | Kind::Estimate => 45,
        }
    }
}

/// Points for a fully right answer; partial credit is a whole number below it.
pub const FULL_MARKS: u32 = 10;
