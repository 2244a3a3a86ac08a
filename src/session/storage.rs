//! What the session keeps in `sessionStorage`: the token and the path to return to
//! after a login. Nothing goes to `localStorage`.

use crate::web_storage::{self, Kind};

pub(super) const TOKEN_KEY: &str = "org-console.token";
const RETURN_KEY: &str = "org-console.return-to";

/// The stored token, if any.
pub fn token() -> Option<String> {
    get(TOKEN_KEY).filter(|t| !t.is_empty())
}

/// Stores the token.
pub fn set_token(token: &str) {
    set(TOKEN_KEY, token);
}

/// Forgets the token.
pub fn clear_token() {
    remove(TOKEN_KEY);
}

/// Stores the path to return to after the next login.
pub fn set_return_path(path: &str) {
    set(RETURN_KEY, path);
}

/// The stored return path, removed as it is read.
pub fn take_return_path() -> Option<String> {
    let p = get(RETURN_KEY);
    remove(RETURN_KEY);
    p
}

fn get(key: &str) -> Option<String> {
    web_storage::get(Kind::Session, key)
}

fn set(key: &str, value: &str) {
    web_storage::set(Kind::Session, key, value);
}

fn remove(key: &str) {
    web_storage::remove(Kind::Session, key);
}
