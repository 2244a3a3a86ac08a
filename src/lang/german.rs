//! The German words, in a wasm chunk of their own (`german`): a visit in English never
//! downloads them. `build.rs` turns `locales/de.json` into [`WORDS`](table) and an
//! index per key (`idx::users::title`), so [`tr!`](crate::tr) finds a German text by a
//! number known at compile time; the English texts stay where leptos_i18n puts them,
//! beside the code that shows them.
//!
//! [`load`] must have succeeded before the console speaks German; until then
//! [`super::words`] answers English.

use std::fmt::{Display, Write};
use std::sync::OnceLock;

pub use leptos::wasm_split::SplitLoaderError as LoadError;

mod table {
    include!(concat!(env!("OUT_DIR"), "/german.rs"));
}
pub use table::idx;

static LOADED: OnceLock<&'static [&'static str]> = OnceLock::new();

/// The table, in its own chunk: only this function refers to it.
#[leptos::wasm_split::wasm_split(german, wasm_split_path = ::leptos::wasm_split, fallible)]
fn german() -> Result<&'static [&'static str], LoadError> {
    Ok(&table::WORDS)
}

/// Loads the German words unless they are in already. A failure (a dropped
/// connection, a deploy that replaced the files) is not remembered.
pub async fn load() -> Result<(), LoadError> {
    if LOADED.get().is_none() {
        let words = german().await?;
        let _ = LOADED.set(words);
    }
    Ok(())
}

pub fn loaded() -> bool {
    LOADED.get().is_some()
}

/// The text at `index`; empty before [`load`] (which [`super::words`] rules out).
#[inline(never)]
pub fn text(index: usize) -> &'static str {
    LOADED
        .get()
        .and_then(|words| words.get(index))
        .copied()
        .unwrap_or_default()
}

/// The text at `index` with each `{{ name }}` replaced by its value. The lint layer
/// holds every German text to the value names of its English one, which the
/// compiler checks against the call.
#[inline(never)]
pub fn fill(index: usize, values: &[(&str, &dyn Display)]) -> String {
    interpolate(text(index), values)
}

fn interpolate(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = rest[open + 2..close].trim();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[open..close + 2]),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_each_named_value_with_or_without_spaces() {
        let n = 3;
        let got = interpolate(
            "{{ count }} Benutzer von {{total}} ({{ count }})",
            &[("count", &n), ("total", &"10.025")],
        );
        assert_eq!(got, "3 Benutzer von 10.025 (3)");
    }

    #[test]
    fn leaves_unknown_names_and_unclosed_braces_as_they_are() {
        assert_eq!(interpolate("a {{ x }} b {{ c", &[]), "a {{ x }} b {{ c");
    }

    #[test]
    fn the_table_holds_the_catalogs_words_at_their_keys() {
        let catalog: serde_json::Value =
            serde_json::from_str(include_str!("../../locales/de.json")).unwrap();
        assert_eq!(table::WORDS[idx::users::users], catalog["users"]["users"]);
        assert_eq!(
            table::WORDS[idx::error_text::try_again_in_minutes::other],
            catalog["error_text"]["try_again_in_minutes"]["other"]
        );
        fn texts(v: &serde_json::Value) -> usize {
            match v {
                serde_json::Value::Object(m) => m.values().map(texts).sum(),
                _ => 1,
            }
        }
        assert_eq!(table::WORDS.len(), texts(&catalog));
    }

    #[test]
    fn nothing_is_german_before_the_words_are_loaded() {
        // Native tests never load the chunk (each test binary is a fresh process).
        assert!(!loaded());
        assert_eq!(text(idx::users::users), "");
    }
}
