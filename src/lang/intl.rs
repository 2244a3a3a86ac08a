//! Counts and their plural forms in the current language. The console formats only
//! whole numbers of things, which both its languages group by threes and call
//! singular at exactly one (CLDR), so the rules are written here, not asked of the
//! browser's `Intl`: making its first formatter loads the browser's locale data, some
//! 10 ms of every first visit's main thread. A language added to [`Locale`] has to
//! say its rules below. (Dates: [`crate::domain::time`], with the catalogs' month
//! names.)

use super::{locale, Locale};

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
fn grouped(n: u64, separator: char) -> String {
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
