//! "Send test event" beside the webhook: the server sends a sample `publish` call to
//! the saved webhook, and the panel says what the answer would mean for a publish.
//! The button is on the page; the test and its panel are in a wasm chunk of their
//! own, fetched with the first click ([`tester`]): most visits never test.

use std::future::Future;
use std::pin::Pin;

use bintu_wire::{WebhookTestResult, WebhookVerdict};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{organisation, use_api, ApiClient, ApiError};
use crate::components::lazy_page::ChunkError;
use crate::domain::text::capitalised;
use crate::domain::webhook_outcome::{error_kind_text, summary, verdict_explanation, verdict_text};

/// What a test ended with: the server's result with the chunk's view of it, or why
/// there is none.
#[derive(Clone)]
enum Outcome {
    Tested(WebhookTestResult, ShowResult),
    Failed(String),
}

/// The test button and its result, for the saved webhook `saved`; `dirty` says the
/// field holds unsaved changes (the test uses the saved URL).
#[component]
pub fn WebhookTest(
    #[prop(into)] saved: Signal<String>,
    #[prop(into)] dirty: Signal<bool>,
) -> impl IntoView {
    let api = use_api();
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let send = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let ended = match tester().await {
                Ok(test) => match (test.send)(api).await {
                    Ok(result) => Outcome::Tested(result, test.show),
                    Err(e) => Outcome::Failed(user_message(&e)),
                },
                Err(_) => Outcome::Failed(crate::tr!(lazy_page.part_could_not_be_loaded).into()),
            };
            // The page may be gone by now (the user went elsewhere).
            let _ = outcome.try_set(Some(ended));
            let _ = pending.try_set(false);
        });
    };
    let none_saved = move || saved.with(String::is_empty);
    let hint = move || {
        if none_saved() {
            Some(crate::tr!(webhook_test.save_a_webhook_url_to))
        } else if dirty.get() {
            Some(crate::tr!(webhook_test.the_test_goes_to_the))
        } else {
            None
        }
    };
    view! {
        <div class="oc-webhook-test">
            <div class="oc-webhook-test__row">
                <button
                    type="button"
                    class="oc-button oc-button--secondary"
                    disabled=move || none_saved() || pending.get()
                    on:click=send
                >
                    {move || if pending.get() { {crate::tr!(webhook_test.sending_test_event)} } else { {crate::tr!(webhook_test.send_test_event)} }}
                </button>
                <span class="oc-hint">{hint}</span>
            </div>
            <div class="oc-webhook-test__result" role="status" aria-live="polite">
                {move || outcome.get().map(|o| match o {
                    Outcome::Tested(result, show) => show(result),
                    Outcome::Failed(message) => view! {
                        <p class="oc-alert oc-alert--error">{message}</p>
                    }
                    .into_any(),
                })}
            </div>
        </div>
    }
}

type SendTest = fn(ApiClient) -> Pin<Box<dyn Future<Output = Result<WebhookTestResult, ApiError>>>>;
type ShowResult = fn(WebhookTestResult) -> AnyView;

/// The chunk's two halves: the request, and the panel for its result.
#[derive(Clone, Copy)]
struct Tester {
    send: SendTest,
    show: ShowResult,
}

/// The test and its panel, in a wasm chunk of their own, loaded with the first click.
#[leptos::wasm_split::wasm_split(webhook_test, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tester() -> Result<Tester, ChunkError> {
    Ok(Tester {
        send: |api| Box::pin(async move { organisation::test_webhook(&api).await }),
        show: |result| view! { <TestResult result=result/> }.into_any(),
    })
}

#[component]
fn TestResult(result: WebhookTestResult) -> impl IntoView {
    let tone = match result.verdict {
        WebhookVerdict::Allow => "allow",
        WebhookVerdict::Deny => "deny",
        WebhookVerdict::Fail => "fail",
    };
    let headline = verdict_text(result.verdict);
    view! {
        <div class=format!("oc-webhook-test__panel oc-webhook-test__panel--{tone}")>
            <p class="oc-webhook-test__verdict">
                <strong>{capitalised(headline)}</strong>
                " · "{summary(&result)}
            </p>
            <p class="oc-webhook-test__why">{verdict_explanation(result.verdict)}</p>
            {result.error.map(|e| view! {
                <p class="oc-webhook-test__error">{format!("{}: {}", error_kind_text(e.kind), e.message)}</p>
            })}
            {(!result.body_preview.is_empty()).then(|| view! {
                <p class="oc-webhook-test__label">{crate::tr!(webhook_test.first_bytes_of_the_answer)}</p>
                <pre class="oc-webhook-test__body">{result.body_preview}</pre>
            })}
        </div>
    }
}
