//! Loading and error states: every request shows one of them, never a blank area.

use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::ApiError;
use crate::session::Session;

/// A polite "Loading …" line with a spinner.
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading tags…".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="oc-loading" role="status">
            <span class="oc-spinner oc-spinner--on" aria-hidden="true"></span>
            <span>{label}</span>
        </div>
    }
}

/// An error box with the user-facing message and a Retry button.
#[component]
pub fn ErrorState(
    /// The failure.
    error: ApiError,
    /// Runs the request again.
    #[prop(into)]
    on_retry: Callback<()>,
    /// What failed, e.g. "Could not load tags".
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let title = title.unwrap_or_else(|| crate::tr!(status.something_went_wrong).to_string());
    // A request that failed while the host's session had ended runs again by itself
    // once the session works again.
    if let Some(session) = use_context::<Session>() {
        Effect::new(move |seen: Option<u32>| {
            let now = session.resumed();
            if seen.is_some_and(|seen| seen != now) {
                on_retry.run(());
            }
            now
        });
    }
    view! {
        <div class="oc-error-state" role="alert">
            <div class="oc-error-state__text">
                <p class="oc-error-state__title">{title}</p>
                <p>{user_message(&error)}</p>
            </div>
            <button type="button" class="oc-button oc-button--secondary" on:click=move |_| on_retry.run(())>
                {crate::tr!(status.retry)}
            </button>
        </div>
    }
}

/// A card that says why there is nothing here: no access, or nothing by that name.
#[component]
pub fn Unavailable(
    /// The heading, e.g. "No access to User Management".
    title: &'static str,
    /// What happened and what to do.
    text: &'static str,
) -> impl IntoView {
    view! {
        <div class="oc-card oc-no-access" role="alert">
            <h2>{title}</h2>
            <p>{text}</p>
        </div>
    }
}

/// The alert line under a credentials form: `error`'s sentence, if any.
#[component]
pub fn FormError(error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <div role="alert" class="oc-login__error">
            {move || error.get().map(|m| view! { <p class="oc-alert oc-alert--error">{m}</p> })}
        </div>
    }
}
