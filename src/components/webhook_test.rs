//! "Send test event" beside the webhook: the server sends a sample `publish` call to
//! the saved webhook, and the panel says what the answer would mean for a publish.

use bintu_wire::{WebhookTestResult, WebhookVerdict};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{organisation, use_api};
use crate::domain::text::capitalised;
use crate::domain::webhook_outcome::{error_kind_text, summary, verdict_explanation, verdict_text};

/// The test button and its result, for the saved webhook `saved`; `dirty` says the
/// field holds unsaved changes (the test uses the saved URL).
#[component]
pub fn WebhookTest(
    #[prop(into)] saved: Signal<String>,
    #[prop(into)] dirty: Signal<bool>,
) -> impl IntoView {
    let api = use_api();
    let send = Action::new_local(move |_: &()| {
        let api = api.clone();
        async move { organisation::test_webhook(&api).await }
    });
    let pending = send.pending();
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
                    on:click=move |_| { send.dispatch(()); }
                >
                    {move || if pending.get() { {crate::tr!(webhook_test.sending_test_event)} } else { {crate::tr!(webhook_test.send_test_event)} }}
                </button>
                <span class="oc-hint">{hint}</span>
            </div>
            <div class="oc-webhook-test__result" role="status" aria-live="polite">
                {move || send.value().get().map(|r| match r {
                    Ok(result) => view! { <TestResult result=result/> }.into_any(),
                    Err(e) => view! {
                        <p class="oc-alert oc-alert--error">{user_message(&e)}</p>
                    }
                    .into_any(),
                })}
            </div>
        </div>
    }
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
