//! Any path the router does not know.

use leptos::prelude::*;

use crate::components::link::Link;
use crate::components::main_region::MainRegion;
use crate::routes::Route;

/// "Page not found" with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <MainRegion class="oc-centered oc-not-found" label={crate::tr!(not_found.page_not_found)}>
            <div class="oc-card oc-card--narrow">
                <p class="oc-eyebrow">{crate::tr!(not_found.error_404)}</p>
                <h1>{crate::tr!(not_found.page_not_found)}</h1>
                <p>{crate::tr!(not_found.the_page_you_opened_does)}</p>
                <Link to=Route::Overview class="oc-button oc-button--primary">
                    {crate::tr!(not_found.go_to_my_organisation)}
                </Link>
            </div>
        </MainRegion>
    }
}
