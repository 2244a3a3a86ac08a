//! Choosing the console's language: a select (the login page, the mobile menu, beside
//! the theme's) and the radio items of the profile menu. Standalone the choice is
//! remembered on this device; embedded, the host page decides and no choice is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::main_region::Embedded;
use crate::components::theme_choice::ThemeSelect;
use crate::components::unique_id;
use crate::domain::locale_pick::{parse, tag, ALL};
use crate::lang::{self, use_lang, Locale};

/// The attribute of the controls that take the focus back after a switch rebuilt
/// the view (the first one shown on this screen width). Written out in the views.
const FOCUS_AFTER_SWITCH: &str = "data-oc-language-return";

/// Whether this console offers a language choice (standalone only).
pub fn offers_choice() -> bool {
    !use_context::<Embedded>().is_some_and(|e| e.0) && use_lang().is_some()
}

/// Switches to `locale`, remembers it, and puts the focus back on a language control
/// of the rebuilt view.
pub fn switch_language(locale: Locale) {
    let Some(lang) = use_lang() else { return };
    if lang.get_untracked() == locale {
        return;
    }
    lang::choice::remember(locale);
    lang.set(locale);
    request_animation_frame(|| {
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
    });
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
