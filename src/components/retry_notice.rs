//! A notice floating at the foot of the console about something that could not be
//! loaded (a language's words, a part of a page), with a retry and Dismiss. The page
//! underneath does not move.

use leptos::prelude::*;

/// The notice: `children` say what failed; `retry_label` names the retry.
#[component]
pub fn RetryNotice(
    retry_label: &'static str,
    on_retry: Callback<()>,
    on_dismiss: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="oc-floating-notice" role="alert">
            <p class="oc-floating-notice__text">{children()}</p>
            <button type="button" class="oc-button oc-button--secondary oc-button--small" on:click=move |_| on_retry.run(())>
                {retry_label}
            </button>
            <button type="button" class="oc-button oc-button--secondary oc-button--small" on:click=move |_| on_dismiss.run(())>
                {crate::tr!(retry_notice.dismiss)}
            </button>
        </div>
    }
}
