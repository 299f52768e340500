//! The quiz on paper (`view=worksheet`): the questions a quiz config gives, in the same order, with ordering
//! questions' items in the same starting order, so a class with and without phones shares one quiz.

use super::config::{starting_order, QuizConfig};
use super::marking::solution;
use crate::data::model::{Answer, Question};
use crate::data::QUESTIONS;

/// One question as printed.
#[derive(Debug, PartialEq)]
pub struct SheetItem {
    pub question: &'static Question,
    /// For an ordering question, its items (indices into its events) as the quiz first shows them; else empty.
    pub shown_order: Vec<u8>,
}

/// The worksheet for `config`: what `config.pick` chooses from the bank, as printed items.
pub fn sheet(config: QuizConfig) -> Vec<SheetItem> {
    config
        .pick(QUESTIONS)
        .into_iter()
        .map(|i| {
            let question = &QUESTIONS[i];
            let shown_order = match question.answer {
                Answer::Order { .. } => starting_order(config.seed, question.id, &solution(question)),
                _ => Vec::new(),
            };
            SheetItem { question, shown_order }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Difficulty;
    use crate::logic::quiz::{QuizLength, Session};

    /// The promise a teacher relies on: for any seed, length and level, the worksheet asks what the quiz asks,
    /// in the quiz's order, and shows ordering questions' items as the quiz first does.
    #[test]
    fn the_worksheet_and_the_quiz_agree_for_every_config() {
        let levels = [
            None,
            Some(Difficulty::Easy),
            Some(Difficulty::Medium),
            Some(Difficulty::Hard),
        ];
        let mut orders = 0;
        for seed in (1..=999_999).step_by(997) {
            for len in [QuizLength::Five, QuizLength::Ten, QuizLength::All] {
                for level in levels {
                    let config = QuizConfig {
                        seed,
                        len,
                        level,
                        timer: false,
                        edition: crate::logic::quiz::config::current_edition(),
                    };
                    let session = Session::new(config);
                    let items = sheet(config);
                    let asked: Vec<&str> = session.questions().iter().map(|q| q.id).collect();
                    let printed: Vec<&str> = items.iter().map(|i| i.question.id).collect();
                    assert_eq!(printed, asked, "seed {seed} {len:?} {level:?}");
                    for item in items.iter().filter(|i| !i.shown_order.is_empty()) {
                        assert_eq!(item.shown_order, session.starting_order(item.question));
                        orders += 1;
                    }
                }
            }
        }
        assert!(orders > 100, "ordering questions were compared ({orders})");
    }
}
