//! Choosing the console's language: a select (the login page, the mobile menu, beside
//! the theme's) and the radio items of the profile menu. Standalone the choice is
//! remembered on this device; embedded, the host page decides and no choice is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::main_region::Embedded;
use crate::components::retry_notice::RetryNotice;
use crate::components::theme_choice::ThemeSelect;
use crate::components::unique_id;
use crate::domain::locale_pick::{parse, tag, ALL};
use crate::lang::{self, use_lang, Lang, Locale};

/// The attribute of the controls that take the focus back after a switch rebuilt
/// the view (the first one shown on this screen width). Written out in the views.
const FOCUS_AFTER_SWITCH: &str = "data-oc-language-return";

/// Whether this console offers a language choice (standalone only).
pub fn offers_choice() -> bool {
    !use_context::<Embedded>().is_some_and(|e| e.0) && use_lang().is_some()
}

/// Switches to `locale` once its words are in, remembers it, and puts the focus back
/// on a language control of the rebuilt view. If the words cannot be loaded, the
/// language stays and the app's notice says so ([`LanguageUnavailable`]).
pub fn switch_language(locale: Locale) {
    let Some(lang) = use_lang() else { return };
    // Even the language shown: it may be the way back from one still loading.
    lang.request_then(locale, move || {
        lang::choice::remember(locale);
        request_animation_frame(focus_language_control);
    });
}

fn focus_language_control() {
    let Ok(list) = document().query_selector_all(&format!(".oc-root [{FOCUS_AFTER_SWITCH}]"))
    else {
        return;
    };
    let shown = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|el| el.offset_parent().is_some());
    if let Some(el) = shown {
        let _ = el.focus();
    }
}

/// "Deutsch could not be loaded", floating at the foot of the console when the
/// words of a language asked for did not arrive, with Try again and Dismiss.
#[component]
pub fn LanguageUnavailable() -> impl IntoView {
    let lang = use_lang();
    let failed = move || lang.and_then(Lang::unavailable);
    move || {
        failed().map(|locale| {
            let name = ALL.iter().find(|(l, _)| *l == locale).map_or("", |(_, n)| *n);
            let retry = Callback::new(move |()| {
                if let Some(lang) = lang {
                    lang.dismiss_unavailable();
                    // A user's choice is remembered once it works; a host's is not.
                    if offers_choice() {
                        switch_language(locale);
                    } else {
                        lang.request(locale);
                    }
                }
            });
            let dismiss = Callback::new(move |()| {
                if let Some(lang) = lang {
                    lang.dismiss_unavailable();
                }
            });
            view! {
                <RetryNotice retry_label={crate::tr!(language_choice.try_again)} on_retry=retry on_dismiss=dismiss>
                    {crate::tr!(language_choice.could_not_be_loaded, language = name)}
                </RetryNotice>
            }
        })
    }
}

/// A labelled select of the console's languages, each named in its own language.
#[component]
pub fn LanguageSelect(#[prop(optional)] class: &'static str) -> impl IntoView {
    let current = lang::locale();
    let id = unique_id("language");
    let on_change = move |ev: web_sys::Event| {
        if let Some(locale) = parse(&event_target_value(&ev)) {
            switch_language(locale);
        }
    };
    view! {
        <div class=format!("oc-field oc-language {class}")>
            <label class="oc-label" for=id.clone()>{crate::tr!(language_choice.language)}</label>
            <select id=id class="oc-input oc-select" on:change=on_change data-oc-language-return="">
                {ALL.iter().map(|(locale, name)| view! {
                    <option value=tag(*locale) lang=tag(*locale) selected=*locale == current>{*name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The language and theme selects side by side (the login page, the mobile menu);
/// nothing when the console is embedded.
#[component]
pub fn DeviceChoices(class: &'static str) -> impl IntoView {
    view! {
        <Show when=offers_choice>
            <div class=format!("oc-choices {class}")>
                <LanguageSelect/>
                <ThemeSelect/>
            </div>
        </Show>
    }
}
