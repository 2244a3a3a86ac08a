//! Placeholder: the User Management work replaces this file.

use leptos::prelude::*;

/// User Management (placeholder).
#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <section class="oc-page-section">
            <h2>"User Management"</h2>
        </section>
    }
}
