//! What this device remembers of a user's choices on the standalone page: the
//! language and the theme, in `localStorage` (neither is a secret; the session is
//! never kept there). `public/theme-boot.js` reads the theme before the first paint,
//! under the same key.

const LANGUAGE_KEY: &str = "org-console.language";
pub(crate) const THEME_KEY: &str = "org-console.theme";

/// The remembered language tag, if any.
pub fn language() -> Option<String> {
    get(LANGUAGE_KEY)
}

pub fn set_language(tag: &str) {
    set(LANGUAGE_KEY, tag);
}

/// The remembered theme name (`light`, `dark` or `auto`), if any.
pub fn theme() -> Option<String> {
    get(THEME_KEY)
}

pub fn set_theme(name: &str) {
    set(THEME_KEY, name);
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}
