//! Pure logic: no browser, no signals. Everything here is tested natively with `cargo test`.

pub mod chart;
pub mod embed;
pub mod glossary;
pub mod number;
pub mod qr;
pub mod quiz;
pub mod results_code;
pub mod rng;
pub mod sort;
pub mod sources;
pub mod tally;
pub mod timeline;
pub mod url_state;
