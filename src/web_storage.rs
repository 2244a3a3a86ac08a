//! The browser's key-value storage, read and written quietly (storage may be
//! disabled, then nothing is kept): `sessionStorage` for the session
//! (`session/storage.rs`), `localStorage` for this device's preferences (`prefs.rs`).

/// Which of the browser's storages.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Kept while the tab lives.
    Session,
    /// Kept on this device.
    Local,
}

fn storage(kind: Kind) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match kind {
        Kind::Session => window.session_storage(),
        Kind::Local => window.local_storage(),
    }
    .ok()
    .flatten()
}

pub fn get(kind: Kind, key: &str) -> Option<String> {
    storage(kind)?.get_item(key).ok().flatten()
}

pub fn set(kind: Kind, key: &str, value: &str) {
    if let Some(s) = storage(kind) {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(kind: Kind, key: &str) {
    if let Some(s) = storage(kind) {
        let _ = s.remove_item(key);
    }
}
