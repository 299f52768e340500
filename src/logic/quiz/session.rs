//! One quiz in progress: its questions, the answers so far, and where the student is.
//!
//! The session is the single source of truth for scoring and is what gets saved, so a reload resumes exactly
//! where the student was. Answers are stored as responses and always re-marked, never as points, so saved data
//! cannot claim a score the answers do not earn.

use super::config::{starting_order, QuizConfig};
use super::marking::{mark, solution, Mark, Outcome};
use super::response::Response;
use super::{Kind, FULL_MARKS};
use crate::data::model::{Answer, Question};
use crate::data::QUESTIONS;

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub config: QuizConfig,
    /// A "retry the ones I missed" round: same class config, a chosen subset of questions.
    pub retry: bool,
    questions: Vec<&'static Question>,
    answers: Vec<Response>,
    /// The question on screen; equals `questions.len()` once the results are shown.
    position: usize,
}

/// What one answered question looks like in the review.
pub struct Reviewed<'a> {
    pub question: &'static Question,
    pub response: &'a Response,
    pub mark: Mark,
}

impl Session {
    pub fn new(config: QuizConfig) -> Self {
        let questions = config.pick(QUESTIONS).into_iter().map(|i| &QUESTIONS[i]).collect();
        Self::with_questions(config, questions, false)
    }

    /// Restores a session from saved parts; `None` unless they describe a reachable state.
    pub fn restore(
        config: QuizConfig,
        retry: bool,
        questions: Vec<&'static Question>,
        answers: Vec<Response>,
        position: usize,
    ) -> Option<Self> {
        let reachable = !questions.is_empty()
            && answers.len() <= questions.len()
            && (position == answers.len() || position + 1 == answers.len())
            && answers.iter().zip(&questions).all(|(r, q)| r.fits(q))
            && !has_duplicates(&questions);
        reachable.then_some(Self {
            config,
            retry,
            questions,
            answers,
            position,
        })
    }

    fn with_questions(config: QuizConfig, questions: Vec<&'static Question>, retry: bool) -> Self {
        Self {
            config,
            retry,
            questions,
            answers: Vec::new(),
            position: 0,
        }
    }

    pub fn questions(&self) -> &[&'static Question] {
        &self.questions
    }

    pub fn answers(&self) -> &[Response] {
        &self.answers
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn current(&self) -> Option<&'static Question> {
        self.questions.get(self.position).copied()
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.questions.len()
    }

    /// The response and mark for question `index`, once answered.
    pub fn answer_at(&self, index: usize) -> Option<(Response, Mark)> {
        let response = self.answers.get(index)?;
        Some((response.clone(), mark(self.questions[index], response)))
    }

    /// Records the answer to the current question. Returns `false` (and changes nothing) when that question is
    /// already answered, so a double tap or a late timer never counts twice.
    pub fn answer(&mut self, response: Response) -> bool {
        let Some(question) = self.current() else {
            return false;
        };
        if self.answers.len() != self.position || !response.fits(question) {
            return false;
        }
        self.answers.push(response);
        true
    }

    /// Moves on after the feedback; does nothing until the current question is answered.
    pub fn next(&mut self) {
        if self.answers.len() > self.position {
            self.position += 1;
        }
    }

    /// The items of an ordering question as first shown (seeded, so the class shares the puzzle).
    pub fn starting_order(&self, question: &Question) -> Vec<u8> {
        starting_order(self.config.seed, question.id, &solution(question))
    }

    pub fn score(&self) -> u32 {
        self.marks().map(|m| m.points).sum()
    }

    pub fn max_score(&self) -> u32 {
        FULL_MARKS * self.questions.len() as u32
    }

    pub fn right_count(&self) -> usize {
        self.marks().filter(|m| m.outcome == Outcome::Right).count()
    }

    /// Right answers in a row, ending with the latest answer.
    pub fn streak(&self) -> usize {
        let marks: Vec<Mark> = self.marks().collect();
        marks.iter().rev().take_while(|m| m.outcome == Outcome::Right).count()
    }

    pub fn best_streak(&self) -> usize {
        self.marks()
            .fold((0, 0), |(run, best), m| {
                let run = if m.outcome == Outcome::Right { run + 1 } else { 0 };
                (run, best.max(run))
            })
            .1
    }

    /// Points and maximum per kind of question, in a fixed order, for kinds this quiz asked.
    pub fn breakdown(&self) -> Vec<(Kind, u32, u32)> {
        Kind::ALL
            .iter()
            .filter_map(|&kind| {
                let (points, max) = self
                    .review()
                    .filter(|r| Kind::of(r.question) == kind)
                    .fold((0, 0), |(p, m), r| (p + r.mark.points, m + FULL_MARKS));
                (max > 0).then_some((kind, points, max))
            })
            .collect()
    }

    pub fn review(&self) -> impl Iterator<Item = Reviewed<'_>> {
        self.answers
            .iter()
            .zip(&self.questions)
            .map(|(response, &question)| Reviewed {
                question,
                response,
                mark: mark(question, response),
            })
    }

    /// A new round with only the questions that did not earn full marks; `None` when there are none.
    pub fn retry_missed(&self) -> Option<Self> {
        let missed: Vec<&'static Question> = self
            .review()
            .filter(|r| r.mark.outcome != Outcome::Right)
            .map(|r| r.question)
            .collect();
        (!missed.is_empty()).then(|| Self::with_questions(self.config, missed, true))
    }

    fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.review().map(|r| r.mark)
    }
}

fn has_duplicates(questions: &[&'static Question]) -> bool {
    questions
        .iter()
        .enumerate()
        .any(|(i, q)| questions[..i].iter().any(|p| p.id == q.id))
}

/// The right answer to `question` as a response, for tests and for showing solutions.
pub fn right_response(question: &Question) -> Response {
    match question.answer {
        Answer::Single { correct, .. } => Response::Choice(correct),
        Answer::SpotError { wrong, .. } => Response::Choice(wrong),
        Answer::TrueFalse { truth } => Response::Truth(truth),
        Answer::Order { .. } => Response::Order(solution(question)),
        Answer::Estimate { answer, .. } => Response::Estimate(answer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::quiz::QuizLength;
    use crate::logic::rng::SplitMix64;
    use crate::logic::url_state::UrlValue;

    pub fn config(seed: u32) -> QuizConfig {
        QuizConfig {
            seed,
            len: QuizLength::Ten,
            level: None,
            timer: false,
            edition: crate::logic::quiz::config::current_edition(),
        }
    }

    #[test]
    fn a_perfect_run_scores_full_marks_and_streaks() {
        let mut s = Session::new(config(7));
        assert_eq!(s.len(), 10);
        while let Some(q) = s.current() {
            assert!(s.answer(right_response(q)));
            s.next();
        }
        assert!(s.is_finished());
        assert_eq!(s.score(), s.max_score());
        assert_eq!((s.right_count(), s.streak(), s.best_streak()), (10, 10, 10));
        assert!(s.retry_missed().is_none());
        let kinds: u32 = s.breakdown().iter().map(|(_, _, max)| max).sum();
        assert_eq!(kinds, s.max_score());
    }

    #[test]
    fn a_double_answer_counts_once_and_next_waits_for_an_answer() {
        let mut s = Session::new(config(3));
        s.next();
        assert_eq!(s.position(), 0, "cannot skip an unanswered question");
        let q = s.current().unwrap();
        assert!(s.answer(right_response(q)));
        assert!(!s.answer(right_response(q)), "second tap ignored");
        assert!(!s.answer(Response::TimedOut), "late timer ignored");
        assert_eq!(s.answers().len(), 1);
        s.next();
        s.next();
        assert_eq!(s.position(), 1);
    }

    #[test]
    fn missed_questions_make_a_retry_round() {
        let mut s = Session::new(config(11));
        let mut missed = Vec::new();
        let mut i = 0;
        while let Some(q) = s.current() {
            let r = if i % 3 == 0 {
                missed.push(q.id);
                Response::TimedOut
            } else {
                right_response(q)
            };
            s.answer(r);
            s.next();
            i += 1;
        }
        let retry = s.retry_missed().unwrap();
        assert!(retry.retry);
        assert_eq!(retry.questions().iter().map(|q| q.id).collect::<Vec<_>>(), missed);
        assert_eq!(s.best_streak(), 2);
    }

    /// Property: random answering never scores above the maximum, and the score is the sum of the review.
    #[test]
    fn property_score_never_exceeds_the_maximum() {
        let mut rng = SplitMix64::new(0x5C07E);
        for round in 0..300 {
            let mut s = Session::new(QuizConfig {
                len: QuizLength::ALL[round % 3],
                ..config(round as u32 + 1)
            });
            while let Some(q) = s.current() {
                let r = match rng.below(4) {
                    0 => right_response(q),
                    1 => Response::TimedOut,
                    _ => match &q.answer {
                        Answer::Single { .. } | Answer::SpotError { .. } => Response::Choice(rng.below(3) as u8),
                        Answer::TrueFalse { .. } => Response::Truth(rng.below(2) == 1),
                        Answer::Order { events } => {
                            let mut o: Vec<u8> = (0..events.len() as u8).collect();
                            rng.shuffle(&mut o);
                            Response::Order(o)
                        }
                        Answer::Estimate { min, max, .. } => {
                            Response::Estimate(min + (max - min) * rng.below(1000) as f64 / 1000.0)
                        }
                    },
                };
                s.answer(r.clone());
                s.answer(r);
                s.next();
            }
            assert!(s.score() <= s.max_score());
            assert_eq!(s.score(), s.review().map(|r| r.mark.points).sum::<u32>());
            assert!(s.best_streak() <= s.len() && s.streak() <= s.best_streak());
        }
    }
}
