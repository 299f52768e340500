//! Where the theme override is remembered between visits.

use crate::logic::url_state::{ThemePref, UrlValue};
use crate::platform::storage;

const KEY: &str = "theme";

/// An explicit `theme=` in the URL wins (a teacher's link should look as they chose); otherwise the last
/// choice on this device; otherwise follow the device. A corrupt stored value counts as no choice.
pub fn initial(from_url: ThemePref) -> ThemePref {
    if from_url != ThemePref::Auto {
        return from_url;
    }
    storage::get(KEY)
        .and_then(|v| ThemePref::from_id(&v))
        .unwrap_or_default()
}

pub fn remember(theme: ThemePref) {
    storage::set(KEY, theme.id());
}
