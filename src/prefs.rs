//! What this device remembers of a user's choices on the standalone page: the
//! language and the theme, in `localStorage` (neither is a secret; the session is
//! never kept there). `public/theme-boot.js` reads the theme before the first paint,
//! under the same key.

use crate::web_storage::{self, Kind};

pub(crate) const LANGUAGE_KEY: &str = "org-console.language";
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

fn get(key: &str) -> Option<String> {
    web_storage::get(Kind::Local, key)
}

fn set(key: &str, value: &str) {
    web_storage::set(Kind::Local, key, value);
}
