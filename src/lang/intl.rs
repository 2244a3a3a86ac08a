//! Counts, plural forms and dates in the current language. Dates come from the
//! browser's `Intl` (which has every language's month names; the wasm carries none),
//! with its formatter made once per language, not per text: a table of users formats
//! a date in every row. Off the browser (the native tests) English names stand in.
//!
//! Counts and their plural forms are written here: the console formats only whole
//! numbers of things, which both its languages group by threes and call singular at
//! exactly one (CLDR), and making `Intl.NumberFormat` took some 10 ms of every first
//! visit's main thread (its data loads on first use; the users list counts in its
//! pager). A language added to [`Locale`] has to say its rules below.

use super::{locale, Locale};

/// The BCP 47 tag `Intl` formats with: British English writes the day first, as
/// the console always has (`3 Dec 2026`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn intl_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en-GB",
        Locale::de => "de-DE",
    }
}

/// `10025` as `10,025` in English and `10.025` in German.
pub fn number(n: u64) -> String {
    let separator = match locale() {
        Locale::en => ',',
        Locale::de => '.',
    };
    grouped(n, separator)
}

/// Whether `n` things take the singular form (CLDR's `one`) in the current language.
pub fn is_singular(n: u64) -> bool {
    match locale() {
        Locale::en | Locale::de => n == 1,
    }
}

/// `n`'s digits in groups of three from the right, joined by `separator`.
pub fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A UTC minute (`year, month 1-12, day, hour, minute`) in the current language,
/// still in UTC: `3 Dec 2026, 06:59 UTC`, `3. Dez. 2026, 06:59 UTC`.
pub fn utc_minute(y: u32, mo: u32, d: u32, h: u32, mi: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::utc(y as f64, (mo - 1) as f64)
            + ((d as f64 - 1.0) * 86_400.0 + h as f64 * 3_600.0 + mi as f64 * 60.0) * 1_000.0;
        let date = js_sys::Date::new(&ms.into());
        let shown = browser::with(locale(), |f| browser::call(&f.utc_minute, &date));
        format!("{shown} UTC")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!("{d} {} {y}, {h:02}:{mi:02} UTC", MONTHS[mo as usize - 1])
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use super::{intl_tag, Locale};

    /// One language's formatters (`format` of `Intl.DateTimeFormat` comes bound to
    /// its formatter).
    pub struct Formats {
        locale: Locale,
        pub utc_minute: Function,
    }

    thread_local! {
        static CACHE: RefCell<Option<Formats>> = const { RefCell::new(None) };
    }

    /// Runs `f` with the formatters of `locale`, made on first use.
    pub fn with<R>(locale: Locale, f: impl FnOnce(&Formats) -> R) -> R {
        CACHE.with_borrow_mut(|cache| {
            if cache.as_ref().is_none_or(|c| c.locale != locale) {
                *cache = Some(make(locale));
            }
            f(cache.as_ref().expect("made above"))
        })
    }

    /// A bound `format` called with `value`.
    pub fn call(format: &Function, value: &JsValue) -> String {
        format
            .call1(&JsValue::NULL, value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    fn make(locale: Locale) -> Formats {
        let tags = Array::new();
        tags.push(&intl_tag(locale).into());
        let minute = Object::new();
        for (name, value) in [
            ("timeZone", "UTC"),
            ("day", "numeric"),
            ("month", "short"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ] {
            let _ = Reflect::set(&minute, &name.into(), &value.into());
        }
        Formats {
            locale,
            utc_minute: Intl::DateTimeFormat::new(&tags, &minute).format(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::set_fallback;

    #[test]
    fn counts_are_grouped_by_threes_in_each_language() {
        set_fallback(Locale::en);
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(10_025), "10,025");
        assert_eq!(number(1_234_567), "1,234,567");
        set_fallback(Locale::de);
        assert_eq!(number(1_000), "1.000");
        assert_eq!(number(10_025), "10.025");
        set_fallback(Locale::en);
    }

    #[test]
    fn one_thing_is_singular_in_each_language() {
        for locale in [Locale::en, Locale::de] {
            set_fallback(locale);
            assert!(is_singular(1));
            assert!(!is_singular(0));
            assert!(!is_singular(2));
            assert!(!is_singular(21));
        }
        set_fallback(Locale::en);
    }
}
