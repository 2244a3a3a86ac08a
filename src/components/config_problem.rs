//! Reading `config.json` before the console starts. While it cannot be read, the
//! problem screen names the address tried, what was wrong and what to check; Retry
//! reads it again. The console never starts against a guessed API address.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::api::reach;
use crate::components::main_region::Embedded;
use crate::components::problem_screen::{Problem, ProblemScreen};
use crate::config::{ConfigProblem, RuntimeConfig};

/// The configuration at `url`, once it can be read. Until then each failure goes to
/// `on_problem` and its screen stands in `container` (the standalone page's
/// `<body>`, or the host's element) until Retry.
pub async fn read_config(
    url: &str,
    container: web_sys::HtmlElement,
    embedded: bool,
    on_problem: impl Fn(&ConfigProblem),
) -> RuntimeConfig {
    loop {
        let problem = match RuntimeConfig::fetch(url).await {
            Ok(config) => return config,
            Err(problem) => problem,
        };
        on_problem(&problem);
        let (retried, on_retry) = retry_button();
        let address = reach::absolute(url);
        let screen = leptos::mount::mount_to(container.clone(), move || {
            provide_context(Embedded(embedded));
            let problem = Problem::Config { address, problem };
            view! {
                <div class="oc-root" class:oc-root--embedded=embedded>
                    <ProblemScreen problem=problem on_retry=on_retry/>
                </div>
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(retried).await;
        drop(screen);
    }
}

/// A promise and the callback that settles it.
fn retry_button() -> (js_sys::Promise, Callback<()>) {
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    let settle = SendWrapper::new(settle);
    let on_retry = Callback::new(move |_| {
        if let Some(resolve) = settle.as_ref() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    (promise, on_retry)
}

/// What was read and what to check (the text of the problem screen).
#[component]
pub fn ConfigExplanation(
    /// The configuration's address, absolute.
    address: String,
    problem: ConfigProblem,
) -> impl IntoView {
    view! {
        <p>
            {crate::tr!(config_problem.it_read)} <code class="oc-problem__address">{address}</code>
            {crate::tr!(config_problem.and_found_that)} {problem.explain()} "."
        </p>
        <p>
            {crate::tr!(config_problem.check_that_config_json_is)}
            <code class="oc-problem__address">"{\"apiBaseUrl\": \"https://api.example.com/api\"}"</code>"." // not translated: a code sample
        </p>
    }
}
