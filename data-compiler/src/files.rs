use std::path::Path;

use crate::DataError;

pub const FILE_NAMES: [&str; 5] = [
    "sources.toml",
    "facts.toml",
    "events.toml",
    "comparisons.toml",
    "questions.toml",
];

/// The text of the five data files. Tests build broken copies of it without touching the disk.
#[derive(Clone, Debug)]
pub struct Files {
    pub sources: String,
    pub facts: String,
    pub events: String,
    pub comparisons: String,
    pub questions: String,
}

impl Files {
    pub fn read(dir: &Path) -> Result<Self, Vec<DataError>> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| vec![DataError::new(name, "?", "?", format!("cannot read the file: {e}"))])
        };
        Ok(Self {
            sources: read(FILE_NAMES[0])?,
            facts: read(FILE_NAMES[1])?,
            events: read(FILE_NAMES[2])?,
            comparisons: read(FILE_NAMES[3])?,
            questions: read(FILE_NAMES[4])?,
        })
    }
}
