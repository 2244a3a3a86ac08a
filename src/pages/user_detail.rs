//! Placeholder: the User Management work replaces this file.

use leptos::prelude::*;

/// User (placeholder).
#[component]
pub fn UserDetailPage() -> impl IntoView {
    view! {
        <section class="oc-page-section">
            <h2>"User"</h2>
        </section>
    }
}
