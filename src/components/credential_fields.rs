//! The Email and Password fields of the login form and the invitation sign-up.

use bintu_wire::validate::MIN_PASSWORD_LEN;
use leptos::prelude::*;

/// Which form the fields are in: it decides what password managers are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialsFor {
    /// Logging in with an existing account.
    Login,
    /// Creating an account: a new password, with its rule shown.
    SignUp,
}

/// Labelled "Email" and "Password" inputs bound to `email` and `password`.
#[component]
pub fn CredentialFields(
    email: RwSignal<String>,
    password: RwSignal<String>,
    purpose: CredentialsFor,
    /// Prefix of the inputs' ids, unique on the page (e.g. `oc-login`).
    id_prefix: &'static str,
) -> impl IntoView {
    let (email_id, password_id, hint_id) = (
        format!("{id_prefix}-email"),
        format!("{id_prefix}-password"),
        format!("{id_prefix}-password-hint"),
    );
    let sign_up = purpose == CredentialsFor::SignUp;
    let (email_auto, password_auto) = if sign_up {
        ("email", "new-password")
    } else {
        ("username", "current-password")
    };
    view! {
        <div class="oc-field">
            <label class="oc-label" for=email_id.clone()>"Email"</label>
            <input
                id=email_id
                class="oc-input"
                type="email"
                name="email"
                autocomplete=email_auto
                inputmode="email"
                required
                prop:value=move || email.get()
                on:input=move |ev| email.set(event_target_value(&ev))
            />
        </div>
        <div class="oc-field">
            <label class="oc-label" for=password_id.clone()>"Password"</label>
            <input
                id=password_id
                class="oc-input"
                type="password"
                name="password"
                autocomplete=password_auto
                required
                aria-describedby=sign_up.then(|| hint_id.clone())
                prop:value=move || password.get()
                on:input=move |ev| password.set(event_target_value(&ev))
            />
            {sign_up.then(|| view! {
                <p class="oc-hint" id=hint_id.clone()>{format!("At least {MIN_PASSWORD_LEN} characters.")}</p>
            })}
        </div>
    }
}
