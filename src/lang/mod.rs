//! The language the console speaks. Every word a user reads comes from a catalog
//! (`locales/en.json`, `locales/de.json`, compiled into [`crate::i18n`] by
//! leptos_i18n in `build.rs`, so a key no catalog has is a compile error, and the lint
//! layer fails on a key only one has) through
//! [`tr!`](crate::tr) and [`tr_count!`](crate::tr_count); numbers, dates and plural
//! forms come from the browser's `Intl` ([`intl`]), which knows every language
//! without shipping its data in the wasm.
//!
//! The words are read when a view is built, not watched one by one: a language
//! switch rebuilds the console's view (the app keys it on [`Lang`]), which costs
//! nothing per text node.

pub mod choice;
pub mod intl;

use std::cell::Cell;

use leptos::prelude::*;

pub use crate::domain::locale_pick::Locale;

/// The console's language, provided by the app.
#[derive(Clone, Copy)]
pub struct Lang(RwSignal<Locale>);

thread_local! {
    /// The language of the console shown last, for words made outside the view's
    /// owner (an async task's error sentence, the problem screens before the app).
    static LAST: Cell<Locale> = const { Cell::new(Locale::en) };
}

impl Lang {
    /// Provides the language `locale` to the view below.
    pub fn provide(locale: Locale) -> Lang {
        LAST.set(locale);
        let lang = Lang(RwSignal::new(locale));
        provide_context(lang);
        lang
    }

    /// The language, tracked (a view keyed on it rebuilds on a switch).
    pub fn get(self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    pub fn set(self, locale: Locale) {
        LAST.set(locale);
        if self.0.get_untracked() != locale {
            self.0.set(locale);
        }
    }
}

/// The app's [`Lang`]; `None` outside an app (the problem screens before it).
pub fn use_lang() -> Option<Lang> {
    use_context::<Lang>()
}

/// The language words are made in now.
pub fn locale() -> Locale {
    use_lang().map_or_else(|| LAST.get(), Lang::get_untracked)
}

/// Sets the language used where no app is around yet (see [`LAST`]).
pub fn set_fallback(locale: Locale) {
    LAST.set(locale);
}

/// A catalog text in the current language: `tr!(users.title)` is a `&'static str`;
/// with values, `tr!(users.deleted, email = email)` is a `String` (the catalog says
/// `{{ email }}` where the value goes).
#[macro_export]
macro_rules! tr {
    ($($key:ident).+) => {
        $crate::i18n::td_string!($crate::lang::locale(), $($key).+)
    };
    ($($key:ident).+, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::td_string!($crate::lang::locale(), $($key).+, $($name = &$value),+)
    };
}

/// A catalog text with a count, in the plural form the language asks for: the
/// catalog holds `key.one` and `key.other`, each with `{{ count }}` (written with
/// the language's digit grouping) and any further values.
#[macro_export]
macro_rules! tr_count {
    ($($key:ident).+, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count = $count;
        let shown = $crate::lang::intl::number(count as f64);
        if $crate::lang::intl::is_singular(count as f64) {
            $crate::i18n::td_string!($crate::lang::locale(), $($key).+.one, count = &shown $(, $name = &$value)*)
        } else {
            $crate::i18n::td_string!($crate::lang::locale(), $($key).+.other, count = &shown $(, $name = &$value)*)
        }
    }};
}
