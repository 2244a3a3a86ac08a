//! `/organisation/overview` (placeholder while the shell lands).

use leptos::prelude::*;

/// The Overview tab.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! { <p>"Overview"</p> }
}
