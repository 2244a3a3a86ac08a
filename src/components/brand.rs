//! The product's mark and name, as the top bar and the login pages show them.

use leptos::prelude::*;

/// The brand mark followed by "Stream Cloud".
#[component]
pub fn BrandName() -> impl IntoView {
    view! {
        <span class="oc-brand__mark" aria-hidden="true"></span>
        <span class="oc-brand__name">"Stream Cloud"</span> // not translated: the product name
    }
}
