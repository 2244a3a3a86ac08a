//! Numbers, dates and plural forms in the current language, by the browser's `Intl`
//! (which has every language's rules; the wasm carries none). The formatters are
//! made once per language, not per text: a table of users formats a date in every
//! row. Off the browser (the native tests) English rules stand in.

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
pub fn number(n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        browser::with(locale(), |f| browser::call(&f.number, &n.into()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale();
        crate::domain::users_export::thousands(n as u64)
    }
}

/// Whether `n` takes the singular form (`one`) in the current language.
pub fn is_singular(n: f64) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        browser::with(locale(), |f| f.plural.select(n) == "one")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        n == 1.0
    }
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

    /// One language's formatters (`format` of `Intl.NumberFormat` and
    /// `Intl.DateTimeFormat` comes bound to its formatter).
    pub struct Formats {
        locale: Locale,
        pub number: Function,
        pub utc_minute: Function,
        pub plural: Intl::PluralRules,
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
            number: Intl::NumberFormat::new(&tags, &Object::new()).format(),
            utc_minute: Intl::DateTimeFormat::new(&tags, &minute).format(),
            plural: Intl::PluralRules::new(&tags, &Object::new()),
        }
    }
}
