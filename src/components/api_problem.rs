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
    let explanation = move || match diagnosis.get() {
        None => view! { <p>{crate::tr!(api_problem.checking_why)}</p> }.into_any(),
        Some(Reach::RefusesOrigin) => {
            let origin = origin.clone();
            view! {
                <p>
                    {crate::tr!(api_problem.a_server_answers_there_but)}
                    <code class="oc-problem__address">{origin.clone()}</code>
                    {crate::tr!(api_problem.to_call_it_the_api)}
                    <code class="oc-problem__address">{crate::tr!(api_problem.cors_origin)}{origin}</code>"."
                </p>
            }
            .into_any()
        }
        Some(Reach::Unreachable) => view! {
            <p>{crate::tr!(api_problem.nothing_answers_there_check)}</p>
            <ul class="oc-problem__checks">
                <li>{crate::tr!(api_problem.that_the_api_server_is)}</li>
                <li>{crate::tr!(api_problem.that_the_console_was_given)}</li>
                <li>{crate::tr!(api_problem.that_this_site_s_content)}</li>
            </ul>
        }
        .into_any(),
    };
    view! {
        <p>{crate::tr!(api_problem.it_tried)} <code class="oc-problem__address">{address}</code>"."</p>
        {explanation}
    }
}
