use std::path::Path;

use crate::DataError;

/// The text of every `*.toml` file in the data folder, in name order. Any file may hold any table, so new
/// material (a new year's events, the perspectives page) can live in a file of its own. Tests build broken
/// copies of it without touching the disk.
#[derive(Clone, Debug, Default)]
pub struct Files {
    /// `(file name, text)`, sorted by name.
    pub files: Vec<(String, String)>,
}

impl Files {
    pub fn read(dir: &Path) -> Result<Self, Vec<DataError>> {
        let fail = |name: &str, e: std::io::Error| vec![DataError::new(name, "?", "?", format!("cannot read: {e}"))];
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| fail(".", e))? {
            let path = entry.map_err(|e| fail(".", e))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if path.extension().is_some_and(|x| x == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|e| fail(name, e))?;
                files.push((name.to_string(), text));
            }
        }
        files.sort();
        Ok(Self { files })
    }

    /// The text of `name`, added empty if there is no such file: how tests plant a mistake.
    pub fn text_mut(&mut self, name: &str) -> &mut String {
        let at = match self.files.iter().position(|(n, _)| n == name) {
            Some(at) => at,
            None => {
                self.files.push((name.to_string(), String::new()));
                self.files.sort();
                self.files.iter().position(|(n, _)| n == name).expect("just added")
            }
        };
        &mut self.files[at].1
    }
}
