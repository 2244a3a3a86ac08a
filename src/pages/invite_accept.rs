//! Placeholder: the User Management work replaces this file.

use leptos::prelude::*;

/// Accept invitation (placeholder).
#[component]
pub fn InviteAcceptPage() -> impl IntoView {
    view! {
        <section class="oc-page-section">
            <h2>"Accept invitation"</h2>
        </section>
    }
}
