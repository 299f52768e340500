//! A student's answer, as data: what the session records, marks and saves.

use crate::data::model::{Answer, Question};
use crate::logic::number::{parse_decimal, short};

#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// Single choice and spot-the-error: the index of the option or sentence part chosen.
    Choice(u8),
    /// Fact or fiction: `true` for "fact".
    Truth(bool),
    /// The items of an ordering question as arranged, as indices into the question's `events`.
    Order(Vec<u8>),
    Estimate(f64),
    /// The optional timer ran out first.
    TimedOut,
}

impl Response {
    /// Whether this response could have been given to `question`: the right kind and within range. Saved data
    /// is checked with this, so a tampered or stale blob cannot smuggle in an impossible answer.
    pub fn fits(&self, question: &Question) -> bool {
        match (self, &question.answer) {
            (Response::TimedOut, _) => true,
            (Response::Choice(i), Answer::Single { options, .. }) => usize::from(*i) < options.len(),
            (Response::Choice(i), Answer::SpotError { parts, .. }) => usize::from(*i) < parts.len(),
            (Response::Truth(_), Answer::TrueFalse { .. }) => true,
            (Response::Order(order), Answer::Order { events }) => {
                // A permutation of the items: each index in range and none twice (no sort: see logic::sort).
                let mut seen: u64 = 0;
                order.len() == events.len()
                    && order.iter().all(|&i| {
                        let bit = 1u64.checked_shl(u32::from(i)).unwrap_or(0);
                        let fresh = usize::from(i) < events.len() && bit != 0 && seen & bit == 0;
                        seen |= bit;
                        fresh
                    })
            }
            (Response::Estimate(v), Answer::Estimate { min, max, .. }) => v.is_finite() && *min <= *v && *v <= *max,
            _ => false,
        }
    }

    /// A short token for saving: `c2`, `t1`, `o3.0.1.2`, `e45.5`, `x`.
    pub fn encode(&self) -> String {
        match self {
            Response::Choice(i) => format!("c{i}"),
            Response::Truth(b) => format!("t{}", u8::from(*b)),
            Response::Order(order) => {
                let parts: Vec<String> = order.iter().map(u8::to_string).collect();
                format!("o{}", parts.join("."))
            }
            // Six decimals are more than any estimate is typed with, and read back exactly.
            Response::Estimate(v) => format!("e{}", short(*v, 6)),
            Response::TimedOut => "x".to_string(),
        }
    }

    /// The inverse of [`encode`](Self::encode); `None` for anything else.
    pub fn decode(token: &str) -> Option<Self> {
        let (tag, rest) = token.split_at_checked(1)?;
        match tag {
            "c" => digits(rest).map(Response::Choice),
            "t" => match rest {
                "0" => Some(Response::Truth(false)),
                "1" => Some(Response::Truth(true)),
                _ => None,
            },
            "o" => rest
                .split('.')
                .map(digits)
                .collect::<Option<Vec<u8>>>()
                .map(Response::Order),
            "e" => {
                let plain = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
                let value = if plain { parse_decimal(rest)? } else { return None };
                value.is_finite().then_some(Response::Estimate(value))
            }
            "x" if rest.is_empty() => Some(Response::TimedOut),
            _ => None,
        }
    }
}

/// A small decimal number, digits only (no sign, no spaces, at most three digits).
fn digits(s: &str) -> Option<u8> {
    let ok = !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if ok {
        s.parse().ok()
    } else {
        None
    }
}

/// Why a typed estimate cannot be submitted yet; the field says so next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EstimateError {
    /// Empty, not a number, or not finite (`NaN`, `1e309`).
    NotANumber,
    OutOfRange,
}

/// Reads what a student typed into the estimate field. Accepts a decimal comma ("12,5"), spaces and a trailing
/// unit sign ("45 %"), because that is how people write numbers; rejects everything else kindly.
pub fn parse_estimate(text: &str, min: f64, max: f64) -> Result<f64, EstimateError> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let plain = !cleaned.is_empty()
        && cleaned
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (b == b'-' && i == 0));
    let value: f64 = if plain {
        parse_decimal(&cleaned).ok_or(EstimateError::NotANumber)?
    } else {
        return Err(EstimateError::NotANumber);
    };
    if !value.is_finite() {
        return Err(EstimateError::NotANumber);
    }
    if value < min || value > max {
        return Err(EstimateError::OutOfRange);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    #[test]
    fn tokens_round_trip() {
        for r in [
            Response::Choice(0),
            Response::Choice(3),
            Response::Truth(true),
            Response::Truth(false),
            Response::Order(vec![2, 0, 3, 1]),
            Response::Estimate(45.5),
            Response::Estimate(-3.0),
            Response::Estimate(0.125),
            Response::Estimate(1_500_000.0),
            Response::TimedOut,
        ] {
            assert_eq!(Response::decode(&r.encode()), Some(r.clone()), "{r:?}");
        }
        // A value with more digits than anyone types keeps six decimals, and then stays put.
        let once = Response::decode(&Response::Estimate(0.1 + 0.2).encode());
        assert_eq!(once, Some(Response::Estimate(0.3)));
        assert_eq!(
            Response::decode(&once.expect("decoded").encode()),
            Some(Response::Estimate(0.3))
        );
    }

    #[test]
    fn malformed_tokens_are_rejected() {
        for t in [
            "", "c", "c-1", "c1000", "c 1", "t2", "t", "o", "o1..2", "o1.x", "e", "eNaN", "einf", "e1e309", "e1e3",
            "x1", "z1", "é", "c١",
        ] {
            assert_eq!(Response::decode(t), None, "{t:?}");
        }
    }

    #[test]
    fn estimate_field_accepts_how_people_write_numbers() {
        assert_eq!(parse_estimate(" 45 ", 0.0, 100.0), Ok(45.0));
        assert_eq!(parse_estimate("45 %", 0.0, 100.0), Ok(45.0));
        assert_eq!(parse_estimate("12,5", 0.0, 100.0), Ok(12.5));
        assert_eq!(parse_estimate("0", 0.0, 100.0), Ok(0.0));
    }

    #[test]
    fn estimate_field_rejects_hostile_input() {
        use EstimateError::*;
        for (text, err) in [
            ("", NotANumber),
            ("   ", NotANumber),
            ("abc", NotANumber),
            ("NaN", NotANumber),
            ("inf", NotANumber),
            ("1e309", NotANumber),
            ("1e3", NotANumber),
            ("4-5", NotANumber),
            ("--5", NotANumber),
            ("1.2.3", NotANumber),
            (".", NotANumber),
            ("-5", OutOfRange),
            ("101", OutOfRange),
            ("99999999999999999999999", OutOfRange),
        ] {
            assert_eq!(parse_estimate(text, 0.0, 100.0), Err(err), "{text:?}");
        }
    }

    /// Property: whatever is typed, the parser returns a finite in-range value or an error, never a panic.
    #[test]
    fn property_estimate_parser_is_total() {
        let mut rng = SplitMix64::new(0xE57);
        let atoms = [
            "1",
            "9",
            "0",
            ".",
            ",",
            "-",
            "+",
            "e",
            "%",
            " ",
            "NaN",
            "∞",
            "١",
            "\u{0}",
            "9999999999",
        ];
        for _ in 0..20_000 {
            let text: String = (0..rng.below(10)).map(|_| atoms[rng.below(atoms.len())]).collect();
            if let Ok(v) = parse_estimate(&text, -50.0, 300.0) {
                assert!(v.is_finite() && (-50.0..=300.0).contains(&v), "{text:?} gave {v}");
            }
        }
    }
}
