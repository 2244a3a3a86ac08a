//! Why the console cannot reach its API: the address it tried and, once
//! [`reach::diagnose`] has asked again, whether nothing answers there or the server
//! refuses this page's origin, with what to check for each (the text of the problem
//! screen, [`crate::components::problem_screen`]).

use leptos::prelude::*;

use crate::api::reach::{self, Reach};
use crate::api::use_api;

#[component]
pub fn ApiExplanation() -> impl IntoView {
    let api = use_api();
    let address = reach::absolute(api.base_url());
    let origin = reach::page_origin();
    let diagnosis = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let found = reach::diagnose(&api).await;
        // Unless the screen is gone meanwhile (a Retry that worked).
        let _ = diagnosis.try_set(Some(found));
    });
    let explanation = move || {
        match diagnosis.get() {
        None => view! { <p>"Checking why…"</p> }.into_any(),
        Some(Reach::RefusesOrigin) => {
            let origin = origin.clone();
            view! {
                <p>
                    "A server answers there, but it does not allow pages from "
                    <code class="oc-problem__address">{origin.clone()}</code>
                    " to call it. The API must allow this origin (CORS); the reference backend does with "
                    <code class="oc-problem__address">"--cors-origin "{origin}</code>"."
                </p>
            }
            .into_any()
        }
        Some(Reach::Unreachable) => view! {
            <p>"Nothing answers there. Check:"</p>
            <ul class="oc-problem__checks">
                <li>"that the API server is running and reachable from this network;"</li>
                <li>"that the console was given the API's address (apiBaseUrl in config.json, or api-base where a page embeds it);"</li>
                <li>"that this site's Content-Security-Policy (connect-src) allows that address."</li>
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        <p>"It tried " <code class="oc-problem__address">{address}</code>"."</p>
        {explanation}
    }
}
