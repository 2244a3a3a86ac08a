//! Inside an embedded console's router: tells the host where the console is
//! (`org-console:navigate`), shows the path the host asks for (`navigate()`), and
//! tries an ended session again when the host hands over a new `getToken`.

use leptos::prelude::*;

use crate::api::use_api;
use crate::host_events::{use_host_events, HostEvent};
use crate::router::use_location;
use crate::routes::{sanitize, use_base, Route};
use crate::session::{flows, use_session, SessionState};

/// Renders nothing; lives as long as the router.
#[component]
pub fn HostBridge(
    /// A console path the host asked to show; taken (set back to `None`) when shown.
    navigate_to: ArcRwSignal<Option<String>>,
    /// Notified when the host hands over a new `getToken`.
    token_changed: ArcTrigger,
) -> impl IntoView {
    let location = use_location();
    let base = use_base();
    let session = use_session();
    let api = use_api();

    if let Some(events) = use_host_events() {
        Effect::new(move |last: Option<String>| {
            let url = location.address();
            // Once per page, and never for a host route (the console is leaving).
            if last.as_ref() != Some(&url) && location.is_inside() {
                let console_path = base.strip(&url).to_string();
                events.emit(HostEvent::Navigate {
                    title: Route::parse(&console_path).title().to_string(),
                    path: console_path,
                    url: url.clone(),
                });
            }
            url
        });
    }

    Effect::new(move |_| {
        let Some(path) = navigate_to.get() else {
            return;
        };
        navigate_to.set(None);
        match sanitize(&path) {
            Some(path) => location.navigate(&path, false),
            None => leptos::logging::warn!("org-console: navigate() refused {path:?}"),
        }
    });

    Effect::new(move |first_run: Option<()>| {
        token_changed.track();
        // Untracked: only a new getToken may start another attempt, not the session
        // ending again (that would ask the host in a loop).
        let stuck = session.ended_untracked()
            || matches!(session.state_untracked(), SessionState::Failed(_));
        if first_run.is_some() && stuck {
            let api = api.clone();
            leptos::task::spawn_local(async move {
                let _ = flows::resume_hosted(session, &api).await;
            });
        }
    });
}
