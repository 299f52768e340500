//! How an answer is marked. Right answers earn [`FULL_MARKS`]; ordering and estimating earn partial credit,
//! because "nearly" is worth something when you are learning and says more than a plain "wrong".

use super::response::Response;
use super::FULL_MARKS;
use crate::data::event;
use crate::data::model::{Answer, Question};
use crate::logic::sort::sort_keys;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Right,
    /// Some credit: an estimate in the right area, or an order with some items in place.
    Close,
    Wrong,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub points: u32,
    pub outcome: Outcome,
}

impl Mark {
    fn from_points(points: u32) -> Self {
        let outcome = match points {
            0 => Outcome::Wrong,
            p if p >= FULL_MARKS => Outcome::Right,
            _ => Outcome::Close,
        };
        Self {
            points: points.min(FULL_MARKS),
            outcome,
        }
    }
}

/// Marks `response` to `question`. A response that does not fit the question scores nothing.
pub fn mark(question: &Question, response: &Response) -> Mark {
    if !response.fits(question) {
        return Mark::from_points(0);
    }
    let points = match (&question.answer, response) {
        (Answer::Single { correct, .. }, Response::Choice(i)) => all_or_nothing(i == correct),
        (Answer::SpotError { wrong, .. }, Response::Choice(i)) => all_or_nothing(i == wrong),
        (Answer::TrueFalse { truth }, Response::Truth(b)) => all_or_nothing(b == truth),
        (Answer::Order { .. }, Response::Order(order)) => {
            let (in_place, total) = order_in_place(question, order);
            (FULL_MARKS * in_place as u32 + total as u32 / 2) / total.max(1) as u32
        }
        (Answer::Estimate { answer, min, max, .. }, Response::Estimate(v)) => estimate_points(*v, *answer, max - min),
        _ => 0,
    };
    Mark::from_points(points)
}

fn all_or_nothing(right: bool) -> u32 {
    if right {
        FULL_MARKS
    } else {
        0
    }
}

/// The right order of an ordering question: its items sorted by their events' dates.
pub fn solution(question: &Question) -> Vec<u8> {
    let Answer::Order { events } = question.answer else {
        return Vec::new();
    };
    // Date, then position (so equal dates keep the bank's order), packed into one key for logic::sort.
    let mut keys: Vec<u64> = (0..events.len() as u8)
        .map(|i| {
            let date = event(events[usize::from(i)]).map_or(0, |e| {
                u64::from(e.date.year) << 16 | u64::from(e.date.month) << 8 | u64::from(e.date.day)
            });
            date << 8 | u64::from(i)
        })
        .collect();
    sort_keys(&mut keys);
    keys.into_iter().map(|k| k as u8).collect()
}

/// How many items sit in their right place, out of how many: shown to the student ("3 of 4 in place").
pub fn order_in_place(question: &Question, order: &[u8]) -> (usize, usize) {
    let right = solution(question);
    let in_place = right.iter().zip(order).filter(|(a, b)| a == b).count();
    (in_place, right.len())
}

/// Closeness is measured against the question's whole scale, so "45 for 31 on a 0–100 scale" and "150 for 142
/// on a 0–300 scale" are judged alike. Bands rather than a sliding scale keep the feedback easy to explain.
fn estimate_points(guess: f64, answer: f64, range: f64) -> u32 {
    let miss = (guess - answer).abs() / range.max(f64::MIN_POSITIVE);
    match miss {
        m if m <= 0.05 => FULL_MARKS,
        m if m <= 0.15 => 6,
        m if m <= 0.30 => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::QUESTIONS;
    use crate::logic::rng::SplitMix64;

    fn find(kind: fn(&Answer) -> bool) -> &'static Question {
        QUESTIONS
            .iter()
            .find(|q| kind(&q.answer))
            .expect("the bank has every kind")
    }

    #[test]
    fn choices_are_all_or_nothing() {
        let q = find(|a| matches!(a, Answer::Single { .. }));
        let Answer::Single { correct, .. } = q.answer else {
            unreachable!()
        };
        assert_eq!(mark(q, &Response::Choice(correct)).outcome, Outcome::Right);
        assert_eq!(mark(q, &Response::Choice((correct + 1) % 4)).points, 0);
        assert_eq!(mark(q, &Response::Choice(9)).points, 0, "out of range");
        assert_eq!(mark(q, &Response::Truth(true)).points, 0, "wrong kind");
        assert_eq!(mark(q, &Response::TimedOut).outcome, Outcome::Wrong);
        let tf = find(|a| matches!(a, Answer::TrueFalse { .. }));
        let Answer::TrueFalse { truth } = tf.answer else {
            unreachable!()
        };
        assert_eq!(mark(tf, &Response::Truth(truth)).points, FULL_MARKS);
        assert_eq!(mark(tf, &Response::Truth(!truth)).points, 0);
    }

    #[test]
    fn ordering_gives_credit_per_item_in_place() {
        for q in QUESTIONS.iter().filter(|q| matches!(q.answer, Answer::Order { .. })) {
            let right = solution(q);
            let dates: Vec<_> = right
                .iter()
                .map(|&i| {
                    let Answer::Order { events } = q.answer else {
                        unreachable!()
                    };
                    event(events[usize::from(i)]).unwrap().date
                })
                .collect();
            assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{}", q.id);
            assert_eq!(mark(q, &Response::Order(right.clone())).outcome, Outcome::Right);
            let mut swapped = right.clone();
            swapped.swap(0, 1);
            let m = mark(q, &Response::Order(swapped));
            assert_eq!(m.outcome, Outcome::Close, "{}: two items out of place", q.id);
            let n = right.len() as u32;
            assert_eq!(m.points, (FULL_MARKS * (n - 2) + n / 2) / n);
            assert_eq!(
                mark(q, &Response::Order(vec![0, 0, 1, 2])).points,
                0,
                "not a permutation"
            );
        }
    }

    #[test]
    fn estimates_score_by_closeness_on_the_scale() {
        assert_eq!(estimate_points(31.0, 30.0, 100.0), FULL_MARKS);
        assert_eq!(estimate_points(40.0, 30.0, 100.0), 6);
        assert_eq!(estimate_points(55.0, 30.0, 100.0), 3);
        assert_eq!(estimate_points(90.0, 30.0, 100.0), 0);
        assert_eq!(estimate_points(150.0, 142.0, 300.0), FULL_MARKS);
        let q = find(|a| matches!(a, Answer::Estimate { .. }));
        let Answer::Estimate { answer, max, .. } = q.answer else {
            unreachable!()
        };
        assert_eq!(mark(q, &Response::Estimate(answer)).outcome, Outcome::Right);
        assert_eq!(mark(q, &Response::Estimate(max + 1.0)).points, 0, "outside the scale");
        assert_eq!(mark(q, &Response::Estimate(f64::NAN)).points, 0);
    }

    /// Property: any response to any question earns between 0 and full marks, and Right means full marks.
    #[test]
    fn property_marks_stay_within_bounds() {
        let mut rng = SplitMix64::new(0x5C0E);
        for _ in 0..20_000 {
            let q = &QUESTIONS[rng.below(QUESTIONS.len())];
            let response = match rng.below(5) {
                0 => Response::Choice(rng.below(8) as u8),
                1 => Response::Truth(rng.below(2) == 1),
                2 => Response::Order((0..rng.below(7)).map(|_| rng.below(7) as u8).collect()),
                3 => Response::Estimate((rng.next_u64() as i64 as f64) / 1e15),
                _ => Response::TimedOut,
            };
            let m = mark(q, &response);
            assert!(m.points <= FULL_MARKS);
            assert_eq!(m.outcome == Outcome::Right, m.points == FULL_MARKS);
            assert_eq!(m.outcome == Outcome::Wrong, m.points == 0);
        }
    }
}
