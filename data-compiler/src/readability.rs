//! Readability for 14-year-olds, measured: the Flesch–Kincaid grade of each text, and sentence length.
//!
//! Grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Syllables are counted the usual
//! rough way (groups of vowels, a silent final `e` dropped), which is good enough to catch long sentences and
//! long words. `tools/readability.py` is the same rule for writers without a Rust build.

/// No sentence may be longer than this many words.
pub const MAX_SENTENCE_WORDS: usize = 30;
/// No single text may score above this grade.
pub const MAX_TEXT_GRADE: f64 = 12.0;
/// No file's mean grade may be above this.
pub const MAX_FILE_MEAN_GRADE: f64 = 9.0;

/// The measurements of one text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub grade: f64,
    pub longest_sentence: usize,
}

pub fn measure(text: &str) -> Reading {
    let text = crate::glossary::plain(text);
    let sentences = sentences(&text);
    let all: Vec<&str> = sentences.iter().flat_map(|s| words(s)).collect();
    if all.is_empty() {
        return Reading {
            grade: 0.0,
            longest_sentence: 0,
        };
    }
    let syllables: usize = all.iter().map(|w| syllables(w)).sum();
    let grade = 0.39 * all.len() as f64 / sentences.len() as f64 + 11.8 * syllables as f64 / all.len() as f64 - 15.59;
    let longest_sentence = sentences.iter().map(|s| words(s).len()).max().unwrap_or(0);
    Reading {
        grade,
        longest_sentence,
    }
}

/// Splits after `.`, `!`, `?` or `…` (and any closing quotes or brackets) followed by white space, so that
/// decimals such as 18.5 do not end a sentence.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i].1, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '’' | '"' | '\'' | ')') {
                j += 1;
            }
            if j < chars.len() && chars[j].1.is_whitespace() {
                out.push(&text[start..chars[j].0]);
                start = chars[j].0;
                i = j;
            }
        }
        i += 1;
    }
    out.push(&text[start..]);
    out.into_iter()
        .filter(|s| s.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect()
}

fn words(sentence: &str) -> Vec<&str> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect()
}

fn syllables(word: &str) -> usize {
    let w: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |b: &u8| b"aeiouy".contains(b);
    let mut groups = 0;
    let mut previous = false;
    for b in &w {
        let v = vowel(b);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    if w.ends_with(b"e") && !w.ends_with(b"le") && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_roughly_right() {
        for (w, n) in [
            ("cat", 1),
            ("table", 2),
            ("make", 1),
            ("culture", 2),
            ("cultural", 3),
            ("2021", 1),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn decimals_and_quotes_do_not_break_sentences() {
        assert_eq!(sentences("It grew 18.5% in 2021. Then it fell.").len(), 2);
        assert_eq!(sentences("He said “no.” She left.").len(), 2);
    }

    #[test]
    fn easy_text_scores_low_and_hard_text_high() {
        let easy = measure("The cat sat on the mat. It was a hot day.");
        assert!(easy.grade < 3.0, "{easy:?}");
        let hard = measure(
            "Internationalisation of audiovisual distribution infrastructures fundamentally reconfigured \
             transnational communicative asymmetries.",
        );
        assert!(hard.grade > MAX_TEXT_GRADE, "{hard:?}");
        assert_eq!(measure("one two three. four five").longest_sentence, 3);
    }
}
