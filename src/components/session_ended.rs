//! "Your session has ended": shown over an embedded console whose host token was
//! refused twice. The page stays as it was underneath (nothing typed is lost); the
//! notice floats at the bottom, so nothing moves when it comes or goes.

use leptos::prelude::*;

use crate::api::use_api;
use crate::session::{flows, use_session};

/// The notice, with a "Try again" that asks the host for a token once more.
#[component]
pub fn SessionEndedNotice() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let busy = RwSignal::new(false);
    let retry = move |_| {
        busy.set(true);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let _ = flows::resume_hosted(session, &api).await;
            busy.try_set(false);
        });
    };
    view! {
        <div class="oc-floating-notice" role="alert">
            <p class="oc-floating-notice__text">
                <strong>{crate::tr!(session_ended.your_session_has_ended)}</strong>
                {crate::tr!(session_ended.sign_in_again_in_your)}
            </p>
            <button
                type="button"
                class="oc-button oc-button--secondary oc-button--small"
                on:click=retry
                disabled=move || busy.get()
            >
                {move || if busy.get() { {crate::tr!(session_ended.trying)} } else { {crate::tr!(session_ended.try_again)} }}
            </button>
        </div>
    }
}
