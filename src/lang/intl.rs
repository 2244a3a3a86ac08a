//! Numbers, dates and plural forms in the current language, by the browser's `Intl`
//! (which has every language's rules; the wasm carries none). Off the browser (the
//! native tests) English rules stand in.

use super::{locale, Locale};

/// The BCP 47 tag `Intl` formats with: British English writes the day first, as
/// the console always has (`3 Dec 2026`).
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
        String::from(js_sys::Number::from(n).to_locale_string(intl_tag(locale())))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = intl_tag(locale());
        crate::domain::users_export::thousands(n as u64)
    }
}

/// Whether `n` takes the singular form (`one`) in the current language.
pub fn is_singular(n: f64) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let tags = js_sys::Array::new();
        tags.push(&intl_tag(locale()).into());
        let rules = js_sys::Intl::PluralRules::new(&tags, &js_sys::Object::new());
        rules.select(n) == "one"
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
        use wasm_bindgen::JsValue;
        let ms = js_sys::Date::utc(y as f64, (mo - 1) as f64)
            + ((d as f64 - 1.0) * 86_400.0 + h as f64 * 3_600.0 + mi as f64 * 60.0) * 1_000.0;
        let options = js_sys::Object::new();
        for (name, value) in [
            ("timeZone", "UTC"),
            ("day", "numeric"),
            ("month", "short"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        let shown = String::from(date.to_locale_string(intl_tag(locale()), &options));
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
