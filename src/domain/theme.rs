//! The standalone page's colour theme: light, dark, or the system's
//! (`prefers-color-scheme`). `public/theme-boot.js` applies the remembered one before
//! the first paint, under the names written here.

/// A theme a user may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the system's setting.
    #[default]
    System,
}

/// Every choice, in the order it is offered.
pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::System];

impl Theme {
    /// The name stored on the device and set as `data-oc-theme` on `<html>` (the
    /// embedded console's attribute names the same three: `auto` is the system's).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "auto",
        }
    }

    /// The theme a stored name stands for; anything else is the system's.
    pub fn parse(name: &str) -> Theme {
        ALL.into_iter()
            .find(|t| t.name() == name.trim())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_anything_else_is_the_system() {
        for theme in ALL {
            assert_eq!(Theme::parse(theme.name()), theme);
        }
        assert_eq!(Theme::parse("sepia"), Theme::System);
        assert_eq!(Theme::parse(""), Theme::System);
    }

    #[test]
    fn the_boot_script_knows_the_names_and_the_key() {
        let script = include_str!("../../public/theme-boot.js");
        for theme in ALL {
            assert!(
                script.contains(&format!("'{}'", theme.name())),
                "{}",
                theme.name()
            );
        }
        assert!(script.contains(&format!("'{}'", crate::prefs::THEME_KEY)));
    }
}
