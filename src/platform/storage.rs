//! `localStorage` that never throws.
//!
//! In `<iframe sandbox="allow-scripts">` and some private modes merely *reading* `window.localStorage` throws a
//! `SecurityError`; writes can fail with `QuotaExceededError`. Callers get `None` / `false` and carry on
//! without persistence.

/// Every key is namespaced so we never collide with a host site's storage on the same origin.
const PREFIX: &str = "reverse-wave:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

/// Returns whether the value was stored.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// Whether writes stick: a sandboxed frame or a full quota says no, and the quiz then warns that a reload
/// starts again instead of pretending to save.
pub fn available() -> bool {
    let probe = "probe";
    let ok = set(probe, "1") && get(probe).as_deref() == Some("1");
    remove(probe);
    ok
}
