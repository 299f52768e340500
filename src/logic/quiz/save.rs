//! Saving and resuming a quiz: a small line-based text format with a version, parsed strictly.
//!
//! Why not JSON: the only reader is this module, and a JSON library would add more to the WASM than the whole
//! quiz. Every field is checked against the dataset on load; anything unexpected rejects the whole blob, and
//! the caller discards it with a notice. Nothing here can panic, whatever the blob holds.
//!
//! ```text
//! reverse-wave-quiz 1
//! seed 4821
//! len 10
//! level all
//! timer 0
//! bank 1
//! retry 0
//! pos 3
//! questions q-a,q-b,q-c
//! answers c2 t1 o3.0.1.2
//! ```
//!
//! Migration policy: fields added later get a default when absent (so older blobs still load, see
//! `older_blob_without_optional_fields_loads`); a change that cannot default bumps the version, and `decode`
//! gains an arm that upgrades the old layout.

use super::config::{current_edition, QuizConfig, QuizLength, MAX_SEED};
use super::response::Response;
use super::session::Session;
use crate::data::model::{Difficulty, Question};
use crate::data::QUESTIONS;
use crate::logic::url_state::UrlValue;

const MAGIC: &str = "reverse-wave-quiz";
pub const VERSION: u32 = 1;
/// A real save is well under 4 KB; anything much bigger is not ours and is not parsed at all.
pub const MAX_BLOB: usize = 16 * 1024;
/// The storage key (the storage layer adds the app's prefix).
pub const STORAGE_KEY: &str = "quiz";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejected {
    /// Written by a newer (or unknown) version of the app.
    Version,
    /// Not a quiz save, damaged, or no longer matching the question bank.
    Corrupt,
}

pub fn encode(session: &Session) -> String {
    let c = session.config;
    let ids: Vec<&str> = session.questions().iter().map(|q| q.id).collect();
    let answers: Vec<String> = session.answers().iter().map(Response::encode).collect();
    format!(
        "{MAGIC} {VERSION}\nseed {}\nlen {}\nlevel {}\ntimer {}\nbank {}\nretry {}\npos {}\nquestions {}\nanswers {}\n",
        c.seed,
        c.len.id(),
        c.level.map_or("all", UrlValue::id),
        u8::from(c.timer),
        c.edition,
        u8::from(session.retry),
        session.position(),
        ids.join(","),
        answers.join(" "),
    )
}

pub fn decode(blob: &str) -> Result<Session, Rejected> {
    if blob.len() > MAX_BLOB {
        return Err(Rejected::Corrupt);
    }
    let mut lines = blob.lines();
    let header = lines.next().ok_or(Rejected::Corrupt)?;
    let version = header
        .strip_prefix(MAGIC)
        .and_then(|v| v.strip_prefix(' '))
        .ok_or(Rejected::Corrupt)?;
    match version.parse::<u32>() {
        Ok(VERSION) => decode_v1(lines),
        Ok(_) => Err(Rejected::Version),
        Err(_) => Err(Rejected::Corrupt),
    }
}

fn decode_v1<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Session, Rejected> {
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        if fields.iter().any(|(k, _)| *k == key) {
            return Err(Rejected::Corrupt);
        }
        fields.push((key, value));
    }
    let field = |key: &str| fields.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let required = |key: &str| field(key).ok_or(Rejected::Corrupt);
    let flag = |key: &str| match field(key) {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(_) => Err(Rejected::Corrupt),
    };

    let seed = small_number(required("seed")?)
        .filter(|s| (1..=MAX_SEED as usize).contains(s))
        .ok_or(Rejected::Corrupt)? as u32;
    let len = QuizLength::from_id(required("len")?).ok_or(Rejected::Corrupt)?;
    let level = match field("level").unwrap_or("all") {
        "all" => None,
        id => Some(Difficulty::from_id(id).ok_or(Rejected::Corrupt)?),
    };
    let config = QuizConfig {
        seed,
        len,
        level,
        timer: flag("timer")?,
        // Saves from before bank editions existed were of the first edition.
        edition: match field("bank") {
            None => 1,
            Some(v) => small_number(v)
                .filter(|&e| (1..=usize::from(current_edition())).contains(&e))
                .ok_or(Rejected::Corrupt)? as u8,
        },
    };
    let questions = required("questions")?
        .split(',')
        .map(|id| QUESTIONS.iter().find(|q| q.id == id))
        .collect::<Option<Vec<&'static Question>>>()
        .ok_or(Rejected::Corrupt)?;
    let answers = required("answers")?
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(Response::decode)
        .collect::<Option<Vec<Response>>>()
        .ok_or(Rejected::Corrupt)?;
    let position = small_number(required("pos")?).ok_or(Rejected::Corrupt)?;
    Session::restore(config, flag("retry")?, questions, answers, position).ok_or(Rejected::Corrupt)
}

fn small_number(s: &str) -> Option<usize> {
    (!s.is_empty() && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::quiz::session::right_response;
    use crate::logic::rng::SplitMix64;

    fn config(seed: u32) -> QuizConfig {
        QuizConfig {
            seed,
            len: QuizLength::Ten,
            level: Some(Difficulty::Medium),
            timer: true,
            edition: current_edition(),
        }
    }

    fn half_done(seed: u32) -> Session {
        let mut s = Session::new(config(seed));
        for _ in 0..4 {
            let q = s.current().unwrap();
            s.answer(right_response(q));
            s.next();
        }
        let q = s.current().unwrap();
        s.answer(Response::TimedOut);
        assert!(s.questions().contains(&q));
        s
    }

    #[test]
    fn a_saved_session_resumes_exactly() {
        for seed in [1, 42, MAX_SEED] {
            let s = half_done(seed);
            assert_eq!(decode(&encode(&s)), Ok(s.clone()));
            let retry = s.retry_missed().unwrap();
            assert_eq!(decode(&encode(&retry)), Ok(retry));
        }
    }

    #[test]
    fn older_blob_without_optional_fields_loads() {
        let s = Session::new(QuizConfig {
            level: None,
            timer: false,
            ..config(5)
        });
        let blob: String = encode(&s)
            .lines()
            .filter(|l| !["timer", "retry", "level", "bank"].iter().any(|k| l.starts_with(k)))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(decode(&blob), Ok(s));
    }

    #[test]
    fn foreign_versions_and_damage_are_rejected() {
        let good = encode(&half_done(9));
        assert_eq!(decode(&good.replacen(" 1\n", " 2\n", 1)), Err(Rejected::Version));
        for bad in [
            String::new(),
            "{}".to_string(),
            r#"{"seed": 4, "answers": []}"#.to_string(),
            "null".to_string(),
            good.replacen("reverse-wave-quiz", "reverse-wave-quix", 1),
            good.replacen(" 1\n", " one\n", 1),
            good.replace("seed ", "seed -"),
            good.replace("seed ", "seed 99999999"),
            good.replace("len 10", "len 11"),
            good.replace("level medium", "level expert"),
            good.replace("timer 1", "timer yes"),
            good.replace("bank 1", "bank 0"),
            good.replace("bank 1", "bank 99"),
            good.replace("pos 4", "pos 7"),
            good.replace("pos 4", "pos 2"),
            good.replacen("questions q-", "questions q-nope-", 1),
            good.replace("answers ", "answers c99 "),
            good.replace("answers ", "answers zz "),
            format!("{good}seed 4\n"),
            good.replace("\nanswers", "\nanswer"),
            format!("{good}{}", " ".repeat(MAX_BLOB)),
        ] {
            assert_eq!(decode(&bad), Err(Rejected::Corrupt), "{bad:?}");
        }
    }

    /// Property: any blob either loads as a session whose own save loads back identically, or is rejected;
    /// never a panic. Blobs are random bytes, and real saves with random edits (the likely corruption).
    #[test]
    fn property_any_blob_loads_or_is_rejected_cleanly() {
        let mut rng = SplitMix64::new(0xB10B);
        let mut loaded = 0;
        for round in 0..5_000 {
            let blob = if round % 2 == 0 {
                let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next_u64() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                let mut bytes = encode(&half_done(rng.below(1000) as u32 + 1)).into_bytes();
                for _ in 0..rng.below(3) {
                    let i = rng.below(bytes.len());
                    bytes[i] = b"0123456789 \n,.cxote-q"[rng.below(21)];
                }
                String::from_utf8_lossy(&bytes).into_owned()
            };
            if let Ok(session) = decode(&blob) {
                loaded += 1;
                assert!(session.score() <= session.max_score());
                assert_eq!(decode(&encode(&session)), Ok(session));
            }
        }
        assert!(loaded > 100, "edited saves that stay valid should load ({loaded})");
    }
}
