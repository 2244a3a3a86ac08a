//! Choosing the standalone page's theme (Light, Dark, System) beside the language:
//! applied at once to `<html data-oc-theme>` and remembered on this device. Embedded,
//! the host's `theme` decides and no choice is shown.

use leptos::prelude::*;

use crate::components::unique_id;
use crate::domain::theme::{Theme, ALL};
use crate::prefs;

/// The theme shown now (what `theme-boot.js` or a choice set on `<html>`).
pub fn current() -> Theme {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("data-oc-theme"))
        .map_or_else(Theme::default, |name| Theme::parse(&name))
}

/// Applies `theme` to the page and remembers it.
pub fn choose(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-oc-theme", theme.name());
    }
    prefs::set_theme(theme.name());
}

/// The theme's name in the language shown.
pub fn label(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => crate::tr!(theme_choice.light),
        Theme::Dark => crate::tr!(theme_choice.dark),
        Theme::System => crate::tr!(theme_choice.system),
    }
}

/// A labelled select of the themes.
#[component]
pub fn ThemeSelect(#[prop(optional)] class: &'static str) -> impl IntoView {
    let shown = current();
    let id = unique_id("theme");
    let on_change = move |ev: web_sys::Event| choose(Theme::parse(&event_target_value(&ev)));
    view! {
        <div class=format!("oc-field oc-theme {class}")>
            <label class="oc-label" for=id.clone()>{crate::tr!(theme_choice.theme)}</label>
            <select id=id class="oc-input oc-select" on:change=on_change>
                {ALL.iter().map(|theme| view! {
                    <option value=theme.name() selected=*theme == shown>{label(*theme)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
