//! A labelled search box that reports its text once the user pauses typing.

use std::time::Duration;

use leptos::prelude::*;

use crate::components::debounce::Debouncer;
use crate::components::unique_id;

/// Quiet time after typing before a search is sent.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

/// `<label>` + `<input type=search>`; `draft` follows every key, `on_settled` runs
/// after a pause in typing.
#[component]
pub fn SearchField(
    /// The label text.
    label: &'static str,
    placeholder: &'static str,
    /// Prefix of the input's generated id.
    id_prefix: &'static str,
    /// Classes of the field's wrapper (besides `oc-field oc-field--inline`).
    #[prop(optional)]
    class: &'static str,
    /// `spellcheck="false"` (e.g. for emails).
    #[prop(optional)]
    no_spellcheck: bool,
    draft: RwSignal<String>,
    on_settled: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let id = unique_id(id_prefix);
    let debounce = Debouncer::new(SEARCH_DEBOUNCE);
    let on_input = move |ev: web_sys::Event| {
        draft.set(event_target_value(&ev));
        debounce.call(on_settled);
    };
    let wrapper = if class.is_empty() {
        "oc-field oc-field--inline".to_string()
    } else {
        format!("oc-field oc-field--inline {class}")
    };
    view! {
        <div class=wrapper>
            <label class="oc-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="oc-input oc-input--search"
                type="search"
                placeholder=placeholder
                autocomplete="off"
                spellcheck=no_spellcheck.then_some("false")
                prop:value=move || draft.get()
                on:input=on_input
            />
        </div>
    }
}
