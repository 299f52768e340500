//! The browser edge: the only modules (with `components/`) that touch `web_sys`. Every call here tolerates
//! the hostile environments schools give us — sandboxed iframes where storage throws, history that refuses to
//! change, a missing element — by doing nothing rather than panicking.

pub mod document;
pub mod embed;
pub mod history;
pub mod intl;
pub mod language;
pub mod panic;
pub mod schedule;
pub mod share;
pub mod storage;
