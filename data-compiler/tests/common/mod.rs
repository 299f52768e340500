use std::path::Path;

use reverse_wave_data_compiler::Files;

/// The real data files, as the app build reads them.
pub fn real_files() -> Files {
    Files::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("data/ is readable")
}
