//! Any path the router does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::main_region::MainRegion;
use crate::routes::Route;

/// "Page not found" with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <MainRegion class="oc-centered oc-not-found" label="Page not found">
            <div class="oc-card oc-card--narrow">
                <p class="oc-eyebrow">"Error 404"</p>
                <h1>"Page not found"</h1>
                <p>"The page you opened does not exist or has moved."</p>
                <A href=Route::Overview.href() attr:class="oc-button oc-button--primary">
                    "Go to My Organisation"
                </A>
            </div>
        </MainRegion>
    }
}
