//! The language the console speaks. Every word a user reads comes from a catalog
//! (`locales/en.json`, `locales/de.json`, compiled into [`crate::i18n`] by
//! leptos_i18n in `build.rs`, so a key no catalog has is a compile error, and the lint
//! layer fails on a key only one has) through
//! [`tr!`](crate::tr) and [`tr_count!`](crate::tr_count); dates come from the
//! browser's `Intl`, which knows every language's month names without shipping them
//! in the wasm, and counts with their plural forms from [`intl`]'s rules.
//!
//! The words are read when a view is built, not watched one by one: a language
//! switch rebuilds the console's view (the app keys it on [`Lang`]), which costs
//! nothing per text node.
//!
//! English is compiled in beside the code that shows it; German's words are a wasm
//! chunk of their own ([`german`]), loaded when German is asked for, and the switch
//! waits for them ([`Lang::request_then`]).

pub mod choice;
pub mod german;
pub mod intl;

use std::cell::Cell;

use leptos::prelude::*;

pub use crate::domain::locale_pick::Locale;

/// The console's language, provided by the app: the one shown, and the one asked for
/// whose words could not be loaded (for the notice that offers a retry).
#[derive(Clone, Copy)]
pub struct Lang {
    shown: RwSignal<Locale>,
    /// The last one asked for: words that arrive for an earlier request switch nothing.
    asked: RwSignal<Locale>,
    unavailable: RwSignal<Option<Locale>>,
}

thread_local! {
    /// The language of the console shown last, for words made outside the view's
    /// owner (an async task's error sentence, the problem screens before the app).
    static LAST: Cell<Locale> = const { Cell::new(Locale::en) };
}

impl Lang {
    /// Provides the language `wanted` to the view below: at once if its words are in
    /// (the start awaits [`ready`]), else English until they arrive.
    pub fn provide(wanted: Locale) -> Lang {
        let lang = Lang {
            shown: RwSignal::new(Locale::en),
            asked: RwSignal::new(wanted),
            unavailable: RwSignal::new(None),
        };
        provide_context(lang);
        lang.request(wanted);
        lang
    }

    /// The language, tracked (a view keyed on it rebuilds on a switch).
    pub fn get(self) -> Locale {
        self.shown.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.shown.get_untracked()
    }

    /// Switches to `locale` once its words are in (at once when they are). When they
    /// cannot be loaded the language stays, and [`Lang::unavailable`] says which
    /// one was asked for. `then` runs after a switch.
    pub fn request_then(self, locale: Locale, then: impl FnOnce() + 'static) {
        self.asked.set(locale);
        let is_ready = locale == Locale::en || german::loaded();
        let switch = move || {
            LAST.set(locale);
            let _ = self.unavailable.try_set(None);
            if self.shown.get_untracked() != locale {
                let _ = self.shown.try_set(locale);
            }
            then();
        };
        if is_ready {
            switch();
            return;
        }
        leptos::task::spawn_local(async move {
            let result = ready(locale).await;
            if self.asked.try_get_untracked() != Some(locale) {
                return; // another language was asked for meanwhile
            }
            match result {
                Ok(()) => switch(),
                Err(_) => {
                    let _ = self.unavailable.try_set(Some(locale));
                }
            }
        });
    }

    pub fn request(self, locale: Locale) {
        self.request_then(locale, || {});
    }

    /// The language last asked for whose words could not be loaded, tracked.
    pub fn unavailable(self) -> Option<Locale> {
        self.unavailable.get()
    }

    /// Forgets a failed request (the notice was dismissed).
    pub fn dismiss_unavailable(self) {
        self.unavailable.set(None);
    }
}

/// The app's [`Lang`]; `None` outside an app (the problem screens before it).
pub fn use_lang() -> Option<Lang> {
    use_context::<Lang>()
}

/// The language words are made in now (see [`words`] for the catalog's).
pub fn locale() -> Locale {
    use_lang().map_or_else(|| LAST.get(), Lang::get_untracked)
}

/// Sets the language used where no app is around yet (see [`LAST`]).
pub fn set_fallback(locale: Locale) {
    LAST.set(locale);
}

/// The language the words are in now: [`locale`], unless that is German and its
/// words have not arrived (they load on demand: [`german`]), when it is English.
/// Never inlined: [`tr!`](crate::tr) calls it at some 500 places.
#[inline(never)]
pub fn words() -> Locale {
    match locale() {
        Locale::de if !german::loaded() => Locale::en,
        locale => locale,
    }
}

/// The English text `english`, or in German the German text at `german_index`: one
/// call per text, the smallest code for the some 500 places [`tr!`](crate::tr) is.
#[inline(never)]
pub fn in_words(english: &'static str, german_index: usize) -> &'static str {
    match words() {
        Locale::de => german::text(german_index),
        Locale::en => english,
    }
}

/// Makes the words of `locale` available: loads German's chunk if it is not in yet.
pub async fn ready(locale: Locale) -> Result<(), german::LoadError> {
    match locale {
        Locale::de => german::load().await,
        Locale::en => Ok(()),
    }
}

/// A catalog text in the current language: `tr!(users.title)` is a `&'static str`;
/// with values, `tr!(users.deleted, email = email)` is a `String` (the catalog says
/// `{{ email }}` where the value goes). English comes from leptos_i18n, which checks
/// the key and the value names at compile time; German from its on-demand table by
/// the same key.
#[macro_export]
macro_rules! tr {
    ($($key:ident).+) => {
        $crate::lang::in_words(
            $crate::i18n::td_string!($crate::lang::Locale::en, $($key).+),
            $crate::lang::german::idx::$($key)::+,
        )
    };
    ($($key:ident).+, $($name:ident = $value:expr),+ $(,)?) => {
        match $crate::lang::words() {
            $crate::lang::Locale::de => $crate::lang::german::fill(
                $crate::lang::german::idx::$($key)::+,
                &[$((stringify!($name), &$value as &dyn ::core::fmt::Display)),+],
            ),
            _ => $crate::i18n::td_string!($crate::lang::Locale::en, $($key).+, $($name = &$value),+),
        }
    };
}

/// A catalog text with a count, in the plural form the language asks for: the
/// catalog holds `key.one` and `key.other`, each with `{{ count }}` (written with
/// the language's digit grouping) and any further values.
#[macro_export]
macro_rules! tr_count {
    ($($key:ident).+, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count = $count;
        let shown = $crate::lang::intl::number(count as u64);
        if $crate::lang::intl::is_singular(count as u64) {
            $crate::tr!($($key).+.one, count = shown $(, $name = $value)*)
        } else {
            $crate::tr!($($key).+.other, count = shown $(, $name = $value)*)
        }
    }};
}
