//! What the start screen (or a class link) chooses, and the questions that choice gives.

use crate::data::model::{Difficulty, Question};
use crate::data::QUESTIONS;
use crate::logic::rng::SplitMix64;
use crate::logic::sort::sort_keys;
use crate::logic::url_state::{UrlState, UrlValue};

/// `len=5|10|all`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuizLength {
    Five,
    #[default]
    Ten,
    All,
}

impl UrlValue for QuizLength {
    const ALL: &'static [Self] = &[QuizLength::Five, QuizLength::Ten, QuizLength::All];
    fn id(self) -> &'static str {
        match self {
            QuizLength::Five => "5",
            QuizLength::Ten => "10",
            QuizLength::All => "all",
        }
    }
}

impl QuizLength {
    fn limit(self) -> usize {
        match self {
            QuizLength::Five => 5,
            QuizLength::Ten => 10,
            QuizLength::All => usize::MAX,
        }
    }
}

/// Seeds are short decimal numbers so a teacher can read one out or write it on the board.
pub const MAX_SEED: u32 = 999_999;

/// Everything that decides which questions come in which order. Equal configs give equal quizzes on every
/// device, which is what makes `view=quiz&seed=<n>&len=10&bank=1` a class link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuizConfig {
    pub seed: u32,
    pub len: QuizLength,
    /// `None`: every difficulty, mixed.
    pub level: Option<Difficulty>,
    /// The optional per-question timer (off unless chosen).
    pub timer: bool,
    /// The edition of the question bank the quiz draws on (`bank=`): questions added by later editions are
    /// left out, so a class link, worksheet or results code keeps meaning the same quiz as the bank grows.
    pub edition: u8,
}

/// Editions are numbered 1..=15: a results code has four bits for one.
pub const MAX_EDITION: u8 = 15;

/// The newest edition of the question bank in this build (`data/quiz-editions.toml`).
pub fn current_edition() -> u8 {
    QUESTIONS.iter().map(|q| q.edition).max().unwrap_or(1)
}

impl QuizConfig {
    /// The questions of this quiz, as indices into `bank`: those of this edition or earlier at the chosen
    /// level, in an order drawn from the seed and each question's id (not its position in the bank, which
    /// changes when questions are added), at most one per `claim` (two questions on the same fact would give
    /// each other away), cut to the chosen length (or fewer, when the level has fewer claims).
    pub fn pick(&self, bank: &[Question]) -> Vec<usize> {
        // Each key is the question's random draw with its bank index in the low 16 bits, so one sort of plain
        // numbers gives the order and the index (two draws equal in their top 48 bits, about one chance in
        // 10^12 per pair, fall back to bank order).
        let mut keys: Vec<u64> = bank
            .iter()
            .enumerate()
            .filter(|(_, q)| q.edition <= self.edition && self.level.is_none_or(|level| q.difficulty == level))
            .map(|(i, q)| SplitMix64::new(u64::from(self.seed) ^ id_hash(q.id)).next_u64() & !INDEX_BITS | i as u64)
            .collect();
        sort_keys(&mut keys);
        let mut claims = std::collections::HashSet::new();
        let mut picked: Vec<usize> = keys
            .into_iter()
            .map(|k| (k & INDEX_BITS) as usize)
            .filter(|&i| claims.insert(bank[i].claim))
            .collect();
        picked.truncate(self.len.limit());
        picked
    }

    /// The quiz an address describes. Its seed, or `new_seed()` when it has none (a quiz not yet started). The
    /// edition: the link's `bank=`, or 1 for a seed without one (links made before editions existed); the
    /// newest for a new quiz; never newer than this build has (the start screen then says so).
    pub fn from_url(u: &UrlState, new_seed: impl FnOnce() -> u32) -> QuizConfig {
        let current = current_edition();
        QuizConfig {
            seed: u.seed.unwrap_or_else(new_seed),
            len: u.len,
            level: u.level,
            timer: u.timer,
            edition: match u.seed {
                Some(_) => u.bank.unwrap_or(1).min(current),
                None => current,
            },
        }
    }

    /// Whether `other` asks the same questions in the same order (the timer does not change the quiz).
    pub fn same_quiz(&self, other: &QuizConfig) -> bool {
        (self.seed, self.len, self.level, self.edition) == (other.seed, other.len, other.level, other.edition)
    }
}

/// FNV-1a of a question id: mixed with the seed, it gives each question its place in a quiz's order.
/// The low bits of a question's sort key that hold its place in the bank (the data compiler caps the bank
/// far below 65,536 questions).
const INDEX_BITS: u64 = 0xFFFF;

fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    })
}

impl QuizConfig {
    /// How many questions "all" gives at `level`: one per claim.
    pub fn longest(bank: &[Question], level: Option<Difficulty>) -> usize {
        let all = QuizConfig {
            seed: 1,
            len: QuizLength::All,
            level,
            timer: false,
            edition: current_edition(),
        };
        all.pick(bank).len()
    }
}

/// The order in which an ordering question first shows its items: seeded per quiz and question so the whole
/// class sees the same puzzle, and never already solved (a rotation fixes a lucky shuffle).
pub fn starting_order(seed: u32, question_id: &str, solution: &[u8]) -> Vec<u8> {
    let salt = id_hash(question_id);
    let mut order = solution.to_vec();
    SplitMix64::new(u64::from(seed) ^ salt).shuffle(&mut order);
    if order.len() > 1 && order == solution {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Answer;

    fn config(seed: u32, len: QuizLength, level: Option<Difficulty>) -> QuizConfig {
        QuizConfig {
            seed,
            len,
            level,
            timer: false,
            edition: current_edition(),
        }
    }

    /// Property, over 10,000 seeds and every length and level: the same config gives the same quiz; the quiz
    /// has the promised length, no question twice, no two questions on the same claim, and only questions at
    /// the chosen level.
    #[test]
    fn property_same_seed_same_quiz_and_one_question_per_claim() {
        let levels = [
            None,
            Some(Difficulty::Easy),
            Some(Difficulty::Medium),
            Some(Difficulty::Hard),
        ];
        let mut rng = SplitMix64::new(99);
        for _ in 0..10_000 {
            let seed = rng.below(MAX_SEED as usize) as u32 + 1;
            for level in levels {
                let claims_at_level: std::collections::HashSet<&str> = QUESTIONS
                    .iter()
                    .filter(|q| level.is_none_or(|l| q.difficulty == l))
                    .map(|q| q.claim)
                    .collect();
                for &len in QuizLength::ALL {
                    let c = config(seed, len, level);
                    let a = c.pick(QUESTIONS);
                    assert_eq!(a, c.pick(QUESTIONS));
                    assert_eq!(a.len(), claims_at_level.len().min(len.limit()));
                    let claims: std::collections::HashSet<&str> = a.iter().map(|&i| QUESTIONS[i].claim).collect();
                    assert_eq!(claims.len(), a.len(), "seed {seed}: two questions on one claim");
                    assert!(a.iter().all(|&i| level.is_none_or(|l| QUESTIONS[i].difficulty == l)));
                }
            }
        }
    }

    /// The bank really has questions that share a claim, so the property above is not vacuous.
    #[test]
    fn some_questions_share_a_claim() {
        let mut claims: Vec<&str> = QUESTIONS.iter().map(|q| q.claim).collect();
        claims.sort_unstable();
        let total = claims.len();
        claims.dedup();
        assert!(claims.len() < total, "no shared claim keys");
    }

    #[test]
    fn different_seeds_give_different_quizzes() {
        let a = config(1, QuizLength::Ten, None).pick(QUESTIONS);
        let b = config(2, QuizLength::Ten, None).pick(QUESTIONS);
        assert_ne!(a, b);
        let all = config(1, QuizLength::All, None).pick(QUESTIONS);
        let claims: std::collections::HashSet<&str> = QUESTIONS.iter().map(|q| q.claim).collect();
        assert_eq!(all.len(), claims.len());
    }

    /// Property: a later edition that adds questions (at every level, on new claims, placed anywhere in the
    /// bank) never changes a quiz of the current edition, for 2,000 seeds and every length and level; and the
    /// same config at the new edition can include them.
    #[test]
    fn property_new_questions_never_change_an_existing_class_link() {
        let next = current_edition() + 1;
        let added: Vec<Question> = (0..40)
            .map(|n| Question {
                id: Box::leak(format!("q-added-{n}").into_boxed_str()),
                edition: next,
                difficulty: [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][n % 3],
                claim: Box::leak(format!("added-claim-{n}").into_boxed_str()),
                prompt: QUESTIONS[0].prompt,
                explanation: QUESTIONS[0].explanation,
                sources: &[],
                event: None,
                chart: None,
                perspective: None,
                answer: Answer::TrueFalse { truth: true },
            })
            .collect();
        let ids = |bank: &[Question], picked: Vec<usize>| -> Vec<&'static str> {
            picked.into_iter().map(|i| bank[i].id).collect()
        };
        let mut rng = SplitMix64::new(7);
        let mut grown_ever_differs = false;
        for _ in 0..2_000 {
            // The new questions go in at a random place, as an author might add them to any file.
            let at = rng.below(QUESTIONS.len() + 1);
            let bank: Vec<Question> = QUESTIONS[..at]
                .iter()
                .chain(&added)
                .chain(&QUESTIONS[at..])
                .map(copy_question)
                .collect();
            let seed = rng.below(MAX_SEED as usize) as u32 + 1;
            for level in [
                None,
                Some(Difficulty::Easy),
                Some(Difficulty::Medium),
                Some(Difficulty::Hard),
            ] {
                for &len in QuizLength::ALL {
                    let c = config(seed, len, level);
                    assert_eq!(
                        ids(QUESTIONS, c.pick(QUESTIONS)),
                        ids(&bank, c.pick(&bank)),
                        "seed {seed}"
                    );
                    let newer = QuizConfig { edition: next, ..c };
                    grown_ever_differs |= ids(&bank, newer.pick(&bank)) != ids(QUESTIONS, c.pick(QUESTIONS));
                }
            }
        }
        assert!(grown_ever_differs, "the new edition's questions were never picked");
    }

    fn copy_question(q: &Question) -> Question {
        let answer = match &q.answer {
            Answer::Single { options, correct } => Answer::Single {
                options,
                correct: *correct,
            },
            Answer::TrueFalse { truth } => Answer::TrueFalse { truth: *truth },
            Answer::Order { events } => Answer::Order { events },
            Answer::Estimate {
                answer,
                min,
                max,
                step,
                unit,
            } => Answer::Estimate {
                answer: *answer,
                min: *min,
                max: *max,
                step: *step,
                unit: *unit,
            },
            Answer::SpotError { parts, wrong } => Answer::SpotError { parts, wrong: *wrong },
        };
        Question { answer, ..*q }
    }

    #[test]
    fn starting_order_is_a_reproducible_unsolved_permutation() {
        for seed in 1..300 {
            for n in 2..=6u8 {
                let solution: Vec<u8> = (0..n).rev().collect();
                let order = starting_order(seed, "q-order-korean-wave", &solution);
                assert_eq!(order, starting_order(seed, "q-order-korean-wave", &solution));
                assert_ne!(order, solution, "seed {seed} n {n} starts solved");
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            }
        }
    }
}
