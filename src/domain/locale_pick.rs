//! Which of the console's languages to speak, from the language tags a browser, a
//! host page or a user gives (`de-AT`, `en_US`, `DE`).

pub use crate::i18n::Locale;

/// Every language the console speaks, in the order a language choice lists them,
/// each with its name in its own language (a choice is read by someone who may not
/// read the current one).
pub const ALL: [(Locale, &str); 2] = [(Locale::en, "English"), (Locale::de, "Deutsch")];

/// The language a tag names, by its primary subtag; `None` when the console does
/// not speak it.
pub fn parse(tag: &str) -> Option<Locale> {
    let primary = tag.trim().split(['-', '_']).next()?;
    match primary.to_ascii_lowercase().as_str() {
        "en" => Some(Locale::en),
        "de" => Some(Locale::de),
        _ => None,
    }
}

/// The first of `preferred` (most wanted first) the console speaks.
pub fn pick<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Locale> {
    preferred.into_iter().find_map(parse)
}

/// The language's BCP 47 tag, for `lang` attributes and the stored choice.
pub fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::de => "de",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_primary_subtag_in_any_case_and_separator() {
        assert_eq!(parse("de-AT"), Some(Locale::de));
        assert_eq!(parse("DE_ch"), Some(Locale::de));
        assert_eq!(parse(" en-US "), Some(Locale::en));
        assert_eq!(parse("fr-FR"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("deu"), None);
    }

    #[test]
    fn picks_the_first_language_spoken() {
        assert_eq!(pick(["fr-FR", "de-DE", "en"]), Some(Locale::de));
        assert_eq!(pick(["en-GB", "de"]), Some(Locale::en));
        assert_eq!(pick(["fr", "it"]), None);
        assert_eq!(pick([]), None);
    }

    #[test]
    fn tags_round_trip() {
        for (locale, _) in ALL {
            assert_eq!(parse(tag(locale)), Some(locale));
        }
    }
}
