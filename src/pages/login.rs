//! `/login`: email and password, then back to where the user was.

use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{use_api, ApiError};
use crate::components::brand::BrandName;
use crate::components::credential_fields::{CredentialFields, CredentialsFor};
use crate::components::language_choice::DeviceChoices;
use crate::components::main_region::MainRegion;
use crate::components::problem_screen::{Problem, ProblemScreen};
use crate::components::shell::focus_frame_top;
use crate::components::status::{FormError, Loading};
use crate::components::submit_button::SubmitButton;
use crate::router::{use_go, use_location};
use crate::routes::Route;
use crate::session::{flows, use_session, LoginNotice, SessionState};

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    login,
    LoginPage,
    crate::tr!(login.loading_the_login_form)
);

/// The login form.
#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let go = use_go();
    // Embedded with the host's session: the host signs the user in, never this page.
    if session.is_hosted() {
        Effect::new(move |_| go(&Route::Overview, true));
        return ().into_any();
    }
    let state = Memo::new(move |_| session.state());
    // Already logged in (e.g. the back button): go to the app.
    Effect::new(move |_| {
        if state.get() == SessionState::Ready {
            let to = session.take_return_path().unwrap_or(Route::Overview);
            go(&to, true);
            // Once the frame is drawn in the form's place.
            request_animation_frame(focus_frame_top);
        }
    });

    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    // The API gave no answer at all: a screen of its own says where it looked.
    let unreachable = RwSignal::new(false);
    let api = use_api();
    let login = Action::new_local(move |(e, p): &(String, String)| {
        let api = api.clone();
        let (e, p) = (e.clone(), p.clone());
        async move { flows::login(session, &api, e, p).await }
    });
    let pending = login.pending();

    Effect::new(move |_| match login.value().get() {
        Some(Err(ApiError::Network(_))) => unreachable.set(true),
        Some(Err(e)) => error.set(Some(user_message(&e))),
        _ => {}
    });

    let route = use_location().route();
    let notice = Signal::derive(move || {
        session.notice().map(LoginNotice::text).or_else(|| {
            route
                .with(|r| matches!(r, Route::Login { expired: true }))
                .then(|| LoginNotice::Expired.text())
        })
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (e, p) = (email.get_untracked(), password.get_untracked());
        if e.trim().is_empty() || p.is_empty() {
            error.set(Some(
                crate::tr!(login.enter_your_email_and_password).to_string(),
            ));
            return;
        }
        error.set(None);
        login.dispatch((e.trim().to_string(), p));
    };

    // Retry sends the same login again (the form keeps what was typed).
    let retry = Callback::new(move |_| {
        unreachable.set(false);
        login.dispatch((
            email.get_untracked().trim().to_string(),
            password.get_untracked(),
        ));
    });

    let form = move || {
        view! {
            <MainRegion class="oc-login" label={crate::tr!(login.log_in)}>
                <div class="oc-login__card oc-card">
                    <div class="oc-login__brand"><BrandName/></div>
                    <h1 class="oc-login__title">{crate::tr!(login.log_in_to_your_organisation)}</h1>
                    <Show when=move || state.get() == SessionState::Loading>
                        <Loading label={crate::tr!(login.restoring_your_session)}/>
                    </Show>
                    <div role="status" class="oc-login__notice">
                        {move || notice.get().map(|n| view! { <p class="oc-alert oc-alert--info">{n}</p> })}
                    </div>
                    <form class="oc-form" on:submit=on_submit novalidate>
                        <CredentialFields email=email password=password purpose=CredentialsFor::Login id_prefix="oc-login"/>
                        <FormError error=error/>
                        <SubmitButton pending=pending label={crate::tr!(login.log_in)} pending_label={crate::tr!(login.logging_in)} block=true/>
                    </form>
                    <DeviceChoices class="oc-login__language"/>
                </div>
            </MainRegion>
        }
    };
    view! {
        <Show when=move || unreachable.get() fallback=form>
            <ProblemScreen problem=Problem::Api on_retry=retry/>
        </Show>
    }
    .into_any()
}
