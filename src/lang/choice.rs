//! Which language a console starts in, and where a user's choice is kept.
//!
//! Standalone: the choice remembered on this device, else the browser's preferred
//! languages, else English. Embedded: what the host asks for (`mount(el, {locale})`,
//! `<org-console lang>`), else the host page's `<html lang>`, else the browser's.

use super::Locale;
use crate::domain::locale_pick::{parse, pick, tag};
use crate::prefs;

/// The standalone page's language.
pub fn standalone() -> Locale {
    prefs::language()
        .and_then(|t| parse(&t))
        .or_else(from_browser)
        .unwrap_or_default()
}

/// An embedded console's language, `requested` being the host's wish (if any).
pub fn embedded(requested: Option<&str>) -> Locale {
    requested
        .and_then(parse)
        .or_else(|| host_document_lang().as_deref().and_then(parse))
        .or_else(from_browser)
        .unwrap_or_default()
}

/// Remembers a user's choice on this device (standalone only: embedded, the host
/// page decides).
pub fn remember(locale: Locale) {
    prefs::set_language(tag(locale));
}

fn from_browser() -> Option<Locale> {
    let navigator = web_sys::window()?.navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    pick(languages.iter().map(String::as_str)).or_else(|| parse(&navigator.language()?))
}

fn host_document_lang() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}
