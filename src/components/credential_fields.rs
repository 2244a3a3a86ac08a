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
    let hint = sign_up.then(|| view! {
        <p class="oc-hint" id=hint_id.clone()>{crate::tr!(credential_fields.at_least_characters, min = MIN_PASSWORD_LEN)}</p>
    });
    view! {
        <Field label={crate::tr!(credential_fields.email)} id=email_id kind="email" auto=email_auto value=email mode=Some("email") described_by=None/>
        <Field label={crate::tr!(credential_fields.password)} id=password_id kind="password" auto=password_auto value=password mode=None described_by=sign_up.then(|| hint_id.clone())>
            {hint}
        </Field>
    }
}

/// One labelled, required input bound to `value`; `children` go under it (a hint).
#[component]
fn Field(
    label: &'static str,
    id: String,
    /// The input's `type`, also its `name`.
    kind: &'static str,
    /// What password managers are told (`autocomplete`).
    auto: &'static str,
    value: RwSignal<String>,
    /// The input's `inputmode`.
    mode: Option<&'static str>,
    described_by: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="oc-field">
            <label class="oc-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="oc-input"
                type=kind
                name=kind
                autocomplete=auto
                inputmode=mode
                required
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {children.map(|c| c())}
        </div>
    }
}
