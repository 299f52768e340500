use std::fmt;

/// One problem in the data, located precisely enough for a teacher editing the TOML to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// The entry's `id`, or `?` when the entry could not be identified.
    pub entry: String,
    pub field: String,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, entry: &str, field: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            entry: entry.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "data/{}: entry `{}`: field `{}`: {}",
            self.file, self.entry, self.field, self.message
        )
    }
}
