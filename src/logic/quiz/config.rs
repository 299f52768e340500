//! What the start screen (or a class link) chooses, and the questions that choice gives.

use crate::data::model::{Difficulty, Question};
use crate::logic::rng::SplitMix64;
use crate::logic::url_state::UrlValue;

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
/// device, which is what makes `view=quiz&seed=<n>&len=10` a class link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuizConfig {
    pub seed: u32,
    pub len: QuizLength,
    /// `None`: every difficulty, mixed.
    pub level: Option<Difficulty>,
    /// The optional per-question timer (off unless chosen).
    pub timer: bool,
}

impl QuizConfig {
    /// The questions of this quiz, as indices into `bank`: those at the chosen level, in seeded order, at
    /// most one per `claim` (two questions on the same fact would give each other away), cut to the chosen
    /// length (or fewer, when the level has fewer claims).
    pub fn pick(&self, bank: &[Question]) -> Vec<usize> {
        let mut picked: Vec<usize> = (0..bank.len())
            .filter(|&i| self.level.is_none_or(|level| bank[i].difficulty == level))
            .collect();
        SplitMix64::new(u64::from(self.seed)).shuffle(&mut picked);
        let mut claims = std::collections::HashSet::new();
        picked.retain(|&i| claims.insert(bank[i].claim));
        picked.truncate(self.len.limit());
        picked
    }
}

impl QuizConfig {
    /// How many questions "all" gives at `level`: one per claim.
    pub fn longest(bank: &[Question], level: Option<Difficulty>) -> usize {
        let all = QuizConfig {
            seed: 1,
            len: QuizLength::All,
            level,
            timer: false,
        };
        all.pick(bank).len()
    }
}

/// The order in which an ordering question first shows its items: seeded per quiz and question so the whole
/// class sees the same puzzle, and never already solved (a rotation fixes a lucky shuffle).
pub fn starting_order(seed: u32, question_id: &str, solution: &[u8]) -> Vec<u8> {
    let salt = question_id.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    });
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
    use crate::data::QUESTIONS;

    fn config(seed: u32, len: QuizLength, level: Option<Difficulty>) -> QuizConfig {
        QuizConfig {
            seed,
            len,
            level,
            timer: false,
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
