//! English, the reference language: every message's text from `data/i18n/en.toml`, compiled in by `build.rs`
//! as one table in `Msg` order (a missing message stops the build). One string with separators rather than a
//! `match` of string literals: the literals' pointer-and-length pairs compress badly (issue 17), the prose does
//! not, and Spanish and Korean arrive in the same layout (see `pack`).

use super::Msg;

static MESSAGES_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.en"));

thread_local! {
    /// The table split once, on first use.
    static MESSAGES: Vec<&'static str> = MESSAGES_EN.split('\u{1f}').collect();
}

pub fn text(msg: Msg) -> &'static str {
    MESSAGES.with(|m| m[msg as usize])
}
