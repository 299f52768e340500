//! Results codes: a class quiz's result as a short code a student can read out, type or paste, and a teacher
//! can paste into the tally (issue 21). No account, no server, nothing stored: the code *is* the result.
//!
//! A code looks like `RW-7KQ2-M9XA-P3F`: the prefix `RW`, then characters of Crockford's base 32 (digits and
//! letters without I, L, O and U, so nothing can be misread: typed `O` is read as `0`, `I` and `L` as `1`), in
//! groups of four for reading aloud. Hyphens and case do not matter. The bits, most significant first:
//!
//! | field | bits | |
//! | --- | --- | --- |
//! | seed | 20 | `1..=999_999` |
//! | length | 2 | 5, 10, all |
//! | level | 2 | mixed, easy, medium, hard |
//! | bank edition | 4 | `1..=15` |
//! | initials | 2 + 5 each | 0–3 letters A–Z, only if the student typed some |
//! | answers | 1 per question | right (full marks) or not, in quiz order |
//!
//! then zero bits to a whole character, then three check characters. The quiz's questions are not in the
//! code: the seed, length, level and edition give them (`QuizConfig::pick`), so a 10-question code is 13
//! characters, or 16 with three initials.
//!
//! **The check.** Read as one base-32 number, a whole code is a multiple of the prime 32749. Changing one
//! character changes that number by d·32ⁱ with 0 < |d| < 32, and swapping two neighbours by (a−b)·31·32ⁱ;
//! neither can be a multiple of a prime above 32, so every single typo and every swap of neighbours is caught.
//! Random text passes the check one time in 32749, and must also spell a valid quiz of the right length.
//!
//! **What it is not.** Anyone can make a code for any score with this description; it is for a quick class
//! overview, and the results screen says so.

use crate::data::model::Difficulty;
use crate::data::QUESTIONS;
use crate::logic::quiz::config::{current_edition, QuizConfig, QuizLength, MAX_EDITION, MAX_SEED};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX: &str = "RW";
const CHECK_PRIME: u32 = 32749;
const CHECK_CHARS: usize = 3;
pub const MAX_INITIALS: usize = 3;
/// Header bits before the initials and answers.
const HEADER_BITS: usize = 20 + 2 + 2 + 4 + 2;

/// What a valid code says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsCode {
    /// The quiz (its timer is not in the code and reads as off).
    pub config: QuizConfig,
    /// Upper-case A–Z, at most three; empty when the student typed none.
    pub initials: String,
    /// One entry per question of the quiz, in order: answered fully right.
    pub right: Vec<bool>,
}

/// Why a piece of text is not a valid code, in words a teacher can act on (see `Msg::TallyError*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Does not start with `RW` (a code pasted without its prefix, or not a code).
    NoPrefix,
    /// Holds a character no code uses (such as `U` or `!`).
    BadCharacter(char),
    /// Too short to be a code: characters are missing.
    TooShort,
    /// The check failed: a character is wrong, missing or extra, or two are swapped.
    Mistyped,
    /// The check passed but the content is not a quiz this app can make (it was not made by Reverse Wave).
    NotAQuiz,
    /// Made with a newer edition of the question bank than this copy of the app has.
    Newer,
}

impl ResultsCode {
    pub fn score(&self) -> usize {
        self.right.iter().filter(|&&r| r).count()
    }

    /// The code, grouped for reading: `RW-7KQ2-M9XA-P3F`.
    pub fn encode(&self) -> String {
        let mut bits = Bits::default();
        bits.push(self.config.seed, 20);
        bits.push(length_number(self.config.len), 2);
        bits.push(level_number(self.config.level), 2);
        bits.push(u32::from(self.config.edition), 4);
        let initials = clean_initials(&self.initials);
        bits.push(initials.len() as u32, 2);
        for b in initials.bytes() {
            bits.push(u32::from(b - b'A'), 5);
        }
        for &r in &self.right {
            bits.push(u32::from(r), 1);
        }
        let mut symbols = bits.symbols();
        let body = horner(&symbols);
        let check = (CHECK_PRIME - (body * 32 * 32 * 32 % CHECK_PRIME)) % CHECK_PRIME;
        symbols.extend([check >> 10, (check >> 5) & 31, check & 31].map(|s| s as u8));
        let chars: Vec<char> = symbols.iter().map(|&s| char::from(ALPHABET[usize::from(s)])).collect();
        let groups: Vec<String> = chars.chunks(4).map(|g| g.iter().collect()).collect();
        format!("{PREFIX}-{}", groups.join("-"))
    }

    /// Reads a code as typed or pasted: case and hyphens do not matter, `O`, `I` and `L` are read as `0`, `1`
    /// and `1`. The prefix is required, so a typo in it cannot make the rest read as another code. Never panics.
    pub fn decode(text: &str) -> Result<ResultsCode, CodeError> {
        // ASCII upper case only: `char::to_uppercase` would bring the whole Unicode case table (13 KB) into
        // the WASM, and no other letter is a code character anyway.
        let upper: String = text
            .chars()
            .filter(|&c| c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let body = upper.strip_prefix(PREFIX).ok_or(CodeError::NoPrefix)?;
        let mut symbols = Vec::with_capacity(body.len());
        for c in body.chars() {
            symbols.push(symbol(c).ok_or(CodeError::BadCharacter(c))?);
        }
        let shortest = (HEADER_BITS + 1).div_ceil(5) + CHECK_CHARS;
        if symbols.len() < shortest {
            return Err(CodeError::TooShort);
        }
        if horner(&symbols) != 0 {
            return Err(CodeError::Mistyped);
        }
        symbols.truncate(symbols.len() - CHECK_CHARS);
        let mut bits = Reader::new(&symbols);
        let seed = bits.take(20);
        let len = [QuizLength::Five, QuizLength::Ten, QuizLength::All]
            .get(bits.take(2) as usize)
            .copied();
        let level = [
            None,
            Some(Difficulty::Easy),
            Some(Difficulty::Medium),
            Some(Difficulty::Hard),
        ][bits.take(2) as usize];
        let edition = bits.take(4) as u8;
        let (Some(len), true, true) = (
            len,
            (1..=MAX_SEED).contains(&seed),
            (1..=MAX_EDITION).contains(&edition),
        ) else {
            return Err(CodeError::NotAQuiz);
        };
        if edition > current_edition() {
            return Err(CodeError::Newer);
        }
        let mut initials = String::new();
        for _ in 0..bits.take(2) {
            let letter = bits.take(5);
            if letter >= 26 {
                return Err(CodeError::NotAQuiz);
            }
            initials.push(char::from(b'A' + letter as u8));
        }
        let config = QuizConfig {
            seed,
            len,
            level,
            timer: false,
            edition,
        };
        let questions = config.pick(QUESTIONS).len();
        let right: Vec<bool> = (0..questions).map(|_| bits.take(1) == 1).collect();
        // The rest is padding: fewer than five bits, all zero (otherwise the length or content is wrong).
        if !bits.rest_is_padding() {
            return Err(CodeError::NotAQuiz);
        }
        Ok(ResultsCode {
            config,
            initials,
            right,
        })
    }
}

/// What the student typed as initials, as the code keeps them: letters A–Z only (accents and other scripts
/// are left out, as a code can only hold those), upper case, at most three.
pub fn clean_initials(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .take(MAX_INITIALS)
        .collect()
}

/// The pieces of `text` that look like results codes, in order: words of `RW` (any case) and eight or more
/// further characters, or words of ten or more characters with both letters and digits (a code pasted without
/// its prefix, which the tally then lists as such). Words are runs of letters, digits and hyphens; the rest
/// (names, chat, dates and times) is ignored.
pub fn find_codes(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| {
            let plain = w.replace('-', "");
            let prefixed = plain.len() >= 10 && plain[..2].eq_ignore_ascii_case(PREFIX);
            let bare = plain.len() >= 10
                && plain.bytes().any(|b| b.is_ascii_digit())
                && plain.bytes().any(|b| b.is_ascii_alphabetic());
            prefixed || bare
        })
        .collect()
}

fn length_number(len: QuizLength) -> u32 {
    match len {
        QuizLength::Five => 0,
        QuizLength::Ten => 1,
        QuizLength::All => 2,
    }
}

fn level_number(level: Option<Difficulty>) -> u32 {
    match level {
        None => 0,
        Some(Difficulty::Easy) => 1,
        Some(Difficulty::Medium) => 2,
        Some(Difficulty::Hard) => 3,
    }
}

/// The value of one typed character, with the look-alikes Crockford's alphabet leaves out read as what they
/// look like.
fn symbol(c: char) -> Option<u8> {
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&a| char::from(a) == c).map(|p| p as u8)
}

/// The symbols as one base-32 number, modulo the check prime.
fn horner(symbols: &[u8]) -> u32 {
    symbols
        .iter()
        .fold(0, |acc, &s| (acc * 32 + u32::from(s)) % CHECK_PRIME)
}

/// Bits written most significant first, read out as 5-bit symbols (the last one padded with zeros).
#[derive(Default)]
struct Bits(Vec<bool>);

impl Bits {
    fn push(&mut self, value: u32, width: usize) {
        self.0.extend((0..width).rev().map(|i| (value >> i) & 1 == 1));
    }

    fn symbols(&self) -> Vec<u8> {
        self.0
            .chunks(5)
            .map(|c| (0..5).fold(0, |acc, i| (acc << 1) | u8::from(c.get(i).copied().unwrap_or(false))))
            .collect()
    }
}

/// Reads bits back from symbols; past the end it reads zeros and remembers that it overran.
struct Reader {
    bits: Vec<bool>,
    at: usize,
}

impl Reader {
    fn new(symbols: &[u8]) -> Self {
        let bits = symbols
            .iter()
            .flat_map(|&s| (0..5).rev().map(move |i| (s >> i) & 1 == 1))
            .collect();
        Self { bits, at: 0 }
    }

    fn take(&mut self, width: usize) -> u32 {
        let mut value = 0;
        for _ in 0..width {
            value = (value << 1) | u32::from(self.bits.get(self.at).copied().unwrap_or(false));
            self.at += 1;
        }
        value
    }

    /// Not overrun, fewer than five bits left, all zero.
    fn rest_is_padding(&self) -> bool {
        self.at <= self.bits.len() && self.bits.len() - self.at < 5 && self.bits[self.at..].iter().all(|&b| !b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    fn random_code(rng: &mut SplitMix64) -> ResultsCode {
        let config = QuizConfig {
            seed: rng.below(MAX_SEED as usize) as u32 + 1,
            len: [QuizLength::Five, QuizLength::Ten, QuizLength::All][rng.below(3)],
            level: [
                None,
                Some(Difficulty::Easy),
                Some(Difficulty::Medium),
                Some(Difficulty::Hard),
            ][rng.below(4)],
            timer: false,
            edition: current_edition(),
        };
        let n = config.pick(QUESTIONS).len();
        let initials: String = (0..rng.below(4))
            .map(|_| char::from(b'A' + rng.below(26) as u8))
            .collect();
        ResultsCode {
            config,
            initials,
            right: (0..n).map(|_| rng.below(2) == 1).collect(),
        }
    }

    /// Property: every code decodes to exactly what was encoded, however it is typed (case, hyphens).
    #[test]
    fn property_every_code_decodes_to_what_was_encoded() {
        let mut rng = SplitMix64::new(2101);
        for _ in 0..5_000 {
            let code = random_code(&mut rng);
            let text = code.encode();
            assert_eq!(ResultsCode::decode(&text), Ok(code.clone()), "{text}");
            assert_eq!(ResultsCode::decode(&text.to_lowercase()), Ok(code.clone()));
            assert_eq!(ResultsCode::decode(&text.replace('-', "")), Ok(code.clone()));
            // Without its prefix it is not read (as `NoPrefix`, or, when the code itself starts with `RW`, as a
            // code that fails its check).
            assert!(ResultsCode::decode(&text[3..]).is_err(), "{text} without its prefix");
        }
    }

    /// Property: every single-character typo and every swap of two neighbouring characters is caught, at every
    /// position of 500 random codes, the prefix included. (A typed look-alike, `O` for `0`, is not a typo: it
    /// reads as what it looks like.)
    #[test]
    fn property_every_typo_and_adjacent_swap_is_detected() {
        let mut rng = SplitMix64::new(2102);
        let typed: Vec<char> = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().collect();
        for _ in 0..500 {
            let code = random_code(&mut rng);
            let chars: Vec<char> = code.encode().replace('-', "").chars().collect();
            let same = |c: char, d: char| symbol(c).is_some() && symbol(c) == symbol(d);
            for at in 0..chars.len() {
                for &t in &typed {
                    if t == chars[at] || (at >= 2 && same(t, chars[at])) {
                        continue;
                    }
                    let mut typo = chars.clone();
                    typo[at] = t;
                    let text: String = typo.iter().collect();
                    assert!(ResultsCode::decode(&text).is_err(), "typo {text} accepted");
                }
                if at + 1 < chars.len() && chars[at] != chars[at + 1] {
                    let mut swapped = chars.clone();
                    swapped.swap(at, at + 1);
                    let text: String = swapped.iter().collect();
                    assert!(ResultsCode::decode(&text).is_err(), "swap {text} accepted");
                }
            }
        }
    }

    /// Property: random text never reads as a code. Random chat-like text (words, numbers, punctuation) yields
    /// no valid code at all; and of 200,000 random strings shaped like codes (the prefix and 10–20 code
    /// characters) none is valid; the check alone would let about 6 through.
    #[test]
    fn property_random_text_never_decodes() {
        let mut rng = SplitMix64::new(2103);
        let words = [
            "hi",
            "miss",
            "here's",
            "mine",
            "RW",
            "rw-",
            "Rwanda",
            "2026-12-01",
            "10:42",
            "score",
            "9/10",
            "lol",
            "QR",
            "abc123def45",
        ];
        for _ in 0..20_000 {
            let text: Vec<String> = (0..rng.below(30))
                .map(|_| match rng.below(3) {
                    0 => words[rng.below(words.len())].to_string(),
                    1 => (0..rng.below(16))
                        .map(|_| char::from(b'!' + rng.below(94) as u8))
                        .collect(),
                    _ => rng.next_u64().to_string(),
                })
                .collect();
            let text = text.join(" ");
            for candidate in find_codes(&text) {
                assert!(ResultsCode::decode(candidate).is_err(), "{candidate} in {text}");
            }
        }
        let mut valid = 0;
        for _ in 0..200_000 {
            let len = 10 + rng.below(11);
            let body: String = (0..len).map(|_| char::from(ALPHABET[rng.below(32)])).collect();
            valid += usize::from(ResultsCode::decode(&format!("RW{body}")).is_ok());
        }
        assert_eq!(valid, 0);
    }

    #[test]
    fn ten_questions_make_a_short_code() {
        let mut rng = SplitMix64::new(2104);
        let mut code = random_code(&mut rng);
        code.config.len = QuizLength::Ten;
        code.config.level = None;
        code.right = vec![true; 10];
        code.initials = String::new();
        assert_eq!(code.encode().replace('-', "").len(), 13);
        code.initials = "ABC".into();
        assert_eq!(code.encode().replace('-', "").len(), 16);
    }

    #[test]
    fn each_failure_has_its_own_reason() {
        let mut rng = SplitMix64::new(2105);
        let text = random_code(&mut rng).encode();
        assert_eq!(
            ResultsCode::decode("RW-12U4-5678-9ABC"),
            Err(CodeError::BadCharacter('U'))
        );
        assert_eq!(ResultsCode::decode("RW-12"), Err(CodeError::TooShort));
        let mut typo: Vec<char> = text.chars().collect();
        let last = typo.len() - 1;
        typo[last] = if typo[last] == '2' { '3' } else { '2' };
        assert_eq!(
            ResultsCode::decode(&typo.iter().collect::<String>()),
            Err(CodeError::Mistyped)
        );
        // A code from a newer bank edition: valid check, edition beyond this build's.
        let mut newer = random_code(&mut rng);
        newer.config.edition = current_edition() + 1;
        newer.right.clear();
        let newer_text = newer.encode();
        assert_eq!(ResultsCode::decode(&newer_text), Err(CodeError::Newer));
    }

    #[test]
    fn initials_keep_up_to_three_plain_letters() {
        assert_eq!(clean_initials(" j.-m  k "), "JMK");
        assert_eq!(clean_initials("Zoë Ávila"), "ZOV");
        assert_eq!(clean_initials("민준"), "");
        assert_eq!(clean_initials("abcdef"), "ABC");
    }

    #[test]
    fn finds_codes_in_a_pasted_chat() {
        let chat =
            "Ana (10:41): here's mine RW-7KQ2-M9XA-P3F!\nBen: rw7kq2m9xap3f\nCal: I got 7/10, code 7KQ2M9XAP3F\n\
                    Rwanda 2026-12-01";
        assert_eq!(
            find_codes(chat),
            vec!["RW-7KQ2-M9XA-P3F", "rw7kq2m9xap3f", "7KQ2M9XAP3F"]
        );
        assert_eq!(ResultsCode::decode("7KQ2M9XAP3F"), Err(CodeError::NoPrefix));
    }
}
