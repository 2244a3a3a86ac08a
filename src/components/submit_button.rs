//! The submit button of a form whose request may take a moment: disabled and busy
//! (with a spinner) while it runs, so a form is never sent twice.

use leptos::prelude::*;

/// A primary `type="submit"` button bound to `pending`.
#[component]
pub fn SubmitButton(
    /// Whether the form's request is under way.
    #[prop(into)]
    pending: Signal<bool>,
    label: &'static str,
    /// Text while pending, e.g. "Logging in…". Default: `label`.
    #[prop(optional)]
    pending_label: Option<&'static str>,
    /// Full width (the login and sign-up cards).
    #[prop(optional)]
    block: bool,
) -> impl IntoView {
    let class = if block {
        "oc-button oc-button--primary oc-button--block"
    } else {
        "oc-button oc-button--primary"
    };
    let text = move || match pending_label {
        Some(busy) if pending.get() => busy,
        _ => label,
    };
    view! {
        <button
            type="submit"
            class=class
            disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")
        >
            <span class="oc-spinner" class:oc-spinner--on=move || pending.get() aria-hidden="true"></span>
            {text}
        </button>
    }
}
