//! The screen for what stops the console from working at all (no usable
//! configuration, no API): what it tried, what was wrong, what to check, and Retry.
//! It stands where the login page would, in the same card. Its code is in a wasm
//! chunk of its own, fetched only when something is wrong: no first visit pays for it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::api_problem::ApiExplanation;
use crate::components::brand::BrandName;
use crate::components::config_problem::ConfigExplanation;
use crate::components::lazy_page::LazyView;
use crate::components::main_region::MainRegion;
use crate::components::unique_id;
use crate::config::ConfigProblem;

crate::lazy_page!(
    /// The problem screens, in their own chunk.
    PAGE,
    problems,
    ProblemView,
    crate::tr!(problem_screen.finding_out_what_is_wrong)
);

/// What went wrong.
#[derive(Debug, Clone)]
pub enum Problem {
    /// `config.json` at `address` (absolute) could not be used.
    Config {
        address: String,
        problem: ConfigProblem,
    },
    /// The API gave no answer (the client knows its address).
    Api,
}

/// The problem and its Retry, handed to the lazily loaded view.
#[derive(Clone)]
struct Shown {
    problem: Problem,
    on_retry: Callback<()>,
}

/// Shows `problem` with a Retry that runs `on_retry`.
#[component]
pub fn ProblemScreen(problem: Problem, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    provide_context(Shown { problem, on_retry });
    view! { <LazyView page=&PAGE framed_by_self=true/> }
}

#[component]
fn ProblemView() -> impl IntoView {
    let Shown { problem, on_retry } = expect_context::<Shown>();
    let (title, explanation) = match problem {
        Problem::Config { address, problem } => (
            crate::tr!(problem_screen.the_console_s_configuration_could),
            view! { <ConfigExplanation address=address problem=problem/> }.into_any(),
        ),
        Problem::Api => (
            crate::tr!(problem_screen.the_console_cannot_reach_its),
            view! { <ApiExplanation/> }.into_any(),
        ),
    };
    // The control that had the focus (the login button) is gone: the heading takes it
    // once drawn, so a screen reader starts here and Tab reaches Retry.
    let title_id = unique_id("problem-title");
    let focus_id = title_id.clone();
    request_animation_frame(move || {
        let heading = document()
            .get_element_by_id(&focus_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(h) = heading {
            let _ = h.focus();
        }
    });
    view! {
        <MainRegion class="oc-login" label=title>
            <div class="oc-login__card oc-card oc-problem">
                <div class="oc-login__brand"><BrandName/></div>
                <h1 class="oc-login__title" id=title_id tabindex="-1">{title}</h1>
                <div class="oc-problem__text" role="alert">{explanation}</div>
                <button type="button" class="oc-button oc-button--primary oc-button--block" on:click=move |_| on_retry.run(())>
                    {crate::tr!(problem_screen.retry)}
                </button>
            </div>
        </MainRegion>
    }
}
