//! The translations in `data/i18n/` against the English they translate (issue 20): complete, with the same
//! placeholders, plural forms and glossary marks, really translated, and keeping every quiz's answer key.
//! These read the translation files the packs are made from (`data-compiler/src/i18n.rs`).

use std::collections::{HashMap, HashSet};

use reverse_wave_data_compiler::i18n::Translation;

use super::{en, placeholders, Lang, Msg};
use crate::data::model::{Answer, QuestionTexts, Text};
use crate::data::{QUESTIONS, TEXTS_EN};

const TRANSLATED: [Lang; 2] = [Lang::Es, Lang::Ko];

/// Texts that are the same in every language: names of people, bands, firms, charts and songs, and the words the
/// Oxford dictionary question is about. Anything else equal to its English was not translated.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "%",
    "Asia",
    "India",
    "Herbert Schiller",
    "Joseph Nye",
    "Roland Robertson",
    "Dal Yong Jin",
    "The Economist",
    "Duolingo",
    "“Dynamite” (2020)",
    "“Anti-Hero” (2022)",
    "Taylor Swift",
    "Bad Bunny",
    "BTS",
    "PSY",
    "despacito",
    "tang ping",
    "hallyu",
    "quiet quitting",
    "Hindi",
    "Telugu",
    "Burna Boy",
    "Davido",
    "Tyla",
    "Ayra Starr",
    "Selena Gomez",
    "Billie Eilish",
    "Ariana Grande",
    "Netflix",
    "Sony",
    "K-pop",
    "Billboard 200",
    "Hot 100",
    "streaming",
    "anime",
    "VPN",
    "AP Human Geography",
];
/// Messages that are names or pure layout in every language, and the quiz's tab, where Spanish also says "Quiz"
/// («Cuestionario» does not fit a 320 px tab bar).
const SAME_MESSAGES: &[Msg] = &[
    Msg::NavQuiz,
    Msg::AppName,
    Msg::PageTitle,
    Msg::ChartReadout,
    Msg::EmbedFrameTitle,
    Msg::NavPerspectives,
    Msg::FeaturePerspectivesTitle,
    Msg::RegionChina,
    Msg::RegionIndia,
];

fn translation(lang: Lang) -> Translation {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    Translation::read(&data, lang.code()).expect("data/i18n is valid TOML")
}

fn english_texts() -> Vec<&'static str> {
    TEXTS_EN.split('\u{1f}').collect()
}

/// The term ids of a text's glossary marks (`[[words|id]]`), sorted.
fn mark_ids(text: &str) -> Vec<&str> {
    let mut ids: Vec<&str> = text
        .split("[[")
        .skip(1)
        .filter_map(|s| {
            s.split_once("]]")
                .and_then(|(inner, _)| inner.split_once('|'))
                .map(|(_, id)| id)
        })
        .collect();
    ids.sort_unstable();
    ids
}

fn only_numbers(text: &str) -> bool {
    !text.chars().any(char::is_alphabetic)
}

#[test]
fn every_message_is_translated_with_its_placeholders_and_plural_forms() {
    for lang in TRANSLATED {
        let t = translation(lang);
        let ids: HashSet<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
        let unknown: Vec<&String> = t.messages.keys().filter(|k| !ids.contains(*k)).collect();
        assert!(
            unknown.is_empty(),
            "{} translates messages the app lacks: {unknown:?}",
            lang.code()
        );
        for &msg in Msg::ALL {
            let english = en::text(msg);
            let text = t
                .messages
                .get(&format!("{msg:?}"))
                .unwrap_or_else(|| panic!("{} lacks {msg:?}", lang.code()));
            assert!(!text.trim().is_empty(), "{} {msg:?} is empty", lang.code());
            let forms: Vec<&str> = text.split('|').collect();
            let expected = if msg.is_plural() { lang.plural_forms() } else { 1 };
            assert_eq!(forms.len(), expected, "{} {msg:?}: {text}", lang.code());
            let wanted: Vec<&str> = english
                .split('|')
                .flat_map(placeholders)
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            for form in &forms {
                let mut have = placeholders(form);
                let mut want = wanted.clone();
                have.sort_unstable();
                want.sort_unstable();
                // `{n}` may be left out of a form whose words say the number ("one event").
                want.retain(|p| *p != "n" || have.contains(&"n") || !msg.is_plural());
                assert_eq!(have, want, "{} {msg:?} placeholders: {form}", lang.code());
            }
            assert!(
                text != english || SAME_MESSAGES.contains(&msg),
                "{} {msg:?} is still English: {text}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_data_text_is_translated_once_with_its_glossary_marks() {
    let english = english_texts();
    let table: HashSet<&str> = english.iter().copied().collect();
    for lang in TRANSLATED {
        let t = translation(lang);
        let stale: Vec<&str> = t
            .text
            .iter()
            .map(|p| p.en.as_str())
            .filter(|e| !table.contains(e))
            .collect();
        assert!(
            stale.is_empty(),
            "{}: translations of texts that are no longer in the data (their English changed?): {stale:?}",
            lang.code()
        );
        let mut seen = HashSet::new();
        for p in &t.text {
            assert!(
                seen.insert(p.en.as_str()),
                "{}: translated twice: {}",
                lang.code(),
                p.en
            );
        }
        let texts = t.texts();
        for e in &english {
            let tr = texts
                .get(e)
                .unwrap_or_else(|| panic!("{} lacks a translation of: {e}", lang.code()));
            assert!(
                !tr.trim().is_empty() && !tr.chars().any(char::is_control),
                "{}: {e}",
                lang.code()
            );
            assert_eq!(mark_ids(tr), mark_ids(e), "{} glossary marks differ: {tr}", lang.code());
            assert!(
                tr != e || only_numbers(e) || SAME_IN_EVERY_LANGUAGE.contains(e),
                "{} is still English: {e}",
                lang.code()
            );
        }
    }
}

/// Korean readers read Hangul: across all texts at least four letters in five are Hangul, and no long text is
/// mostly in Latin letters (titles and names in brackets are fine).
#[test]
fn korean_texts_are_mostly_hangul() {
    let t = translation(Lang::Ko);
    let hangul = |c: char| ('\u{ac00}'..='\u{d7a3}').contains(&c) || ('\u{3131}'..='\u{318e}').contains(&c);
    let (mut all_hangul, mut all_letters) = (0, 0);
    let texts = t
        .text
        .iter()
        .map(|p| p.tr.as_str())
        .chain(t.messages.values().map(String::as_str));
    for text in texts {
        let h = text.chars().filter(|&c| hangul(c)).count();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        all_hangul += h;
        all_letters += letters;
        if text.chars().count() > 40 {
            assert!(h * 6 >= letters, "mostly not Hangul: {text}");
        }
    }
    assert!(
        all_hangul * 5 >= all_letters * 4,
        "{all_hangul} of {all_letters} letters are Hangul"
    );
}

/// A translated quiz keeps its answer key: options keep their order by construction (each is its own text),
/// so what can go wrong is two options of one question translated alike, which would make the key ambiguous.
#[test]
fn every_translated_quiz_keeps_distinct_options() {
    for lang in TRANSLATED {
        let texts_by_english: HashMap<String, String> =
            translation(lang).text.into_iter().map(|p| (p.en, p.tr)).collect();
        let tr = |t: Text<QuestionTexts>| texts_by_english.get(t.english()).cloned().unwrap_or_default();
        let mut checked = 0;
        for q in QUESTIONS {
            let options = match q.answer {
                Answer::Single { options, .. } => options,
                Answer::SpotError { parts, .. } => parts,
                _ => continue,
            };
            let translated: HashSet<String> = options.iter().map(|&o| tr(o)).collect();
            assert_eq!(
                translated.len(),
                options.len(),
                "{} {}: two options read alike",
                lang.code(),
                q.id
            );
            checked += 1;
        }
        assert!(checked > 20, "only {checked} questions with options");
    }
}

/// A class link gives the same questions in the same order in every language, so a mixed class plays one quiz.
#[test]
fn a_seed_picks_the_same_questions_in_every_language() {
    use crate::logic::quiz::config::current_edition;
    use crate::logic::quiz::Session;
    use crate::logic::quiz::{QuizConfig, QuizLength};
    super::pack::tests_support::install_built_packs();
    for seed in [1, 77, 4242, 99_999] {
        let config = QuizConfig {
            seed,
            len: QuizLength::Ten,
            level: None,
            timer: false,
            edition: current_edition(),
        };
        let ids = |lang: Lang| {
            super::pack::activate(lang);
            let session = Session::new(config);
            let ids: Vec<&str> = session.questions().iter().map(|q| q.id).collect();
            let first = session.questions()[0].prompt.get();
            (ids, first)
        };
        let (english, first_en) = ids(Lang::En);
        for lang in TRANSLATED {
            let (other, first) = ids(lang);
            assert_eq!(other, english, "seed {seed} in {}", lang.code());
            assert_ne!(first, first_en, "the {} quiz is shown translated", lang.code());
        }
        super::pack::activate(Lang::En);
    }
}
