//! `/invite/:token`: what the invitation offers (organisation and role), and the
//! sign-up form that accepts it and lands the new user in the console. An expired,
//! revoked or used link gets its own clear page.

use bintu_wire::{code, validate, InviteOffer};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{invites, use_api, ApiError};
use crate::components::brand::BrandName;
use crate::components::credential_fields::{CredentialFields, CredentialsFor};
use crate::components::main_region::MainRegion;
use crate::components::permission_overview::{PermissionOverviewProps, RoleDetails};
use crate::components::status::{ErrorState, FormError, Loading};
use crate::components::submit_button::SubmitButton;
use crate::domain::time::format_utc;
use crate::router::{use_go, use_location};
use crate::routes::{Page, Route};
use crate::session::{flows, use_session};

fn is_gone(e: &ApiError) -> bool {
    e.code() == Some(code::INVITE_GONE)
}

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    invite_accept,
    InviteAcceptPage,
    crate::tr!(invite_accept.loading_the_invitation)
);

/// The invitation page.
#[component]
pub fn InviteAcceptPage() -> impl IntoView {
    let page = use_location().page();
    let api = use_api();
    // Read once: another invitation's address builds the page anew (`app.rs`).
    let token = match page.get_untracked() {
        Page::Invitation(token) => token,
        _ => String::new(),
    };
    let gone = RwSignal::new(false);
    let offer = LocalResource::new({
        let token = token.clone();
        move || {
            let (api, t) = (api.clone(), token.clone());
            async move { invites::lookup(&api, t).await }
        }
    });

    view! {
        <MainRegion class="oc-login oc-invite-page" label={crate::tr!(invite_accept.accept_invitation)}>
            <div class="oc-login__card oc-card oc-invite-page__card">
                <div class="oc-login__brand"><BrandName/></div>
                {move || {
                    if gone.get() {
                        return view! { <InviteGone/> }.into_any();
                    }
                    match offer.try_get().flatten() {
                        None => view! { <Loading label={crate::tr!(invite_accept.checking_your_invitation)}/> }.into_any(),
                        Some(Err(e)) if is_gone(&e) => view! { <InviteGone/> }.into_any(),
                        Some(Err(e)) => view! {
                            <h1 class="oc-login__title">{crate::tr!(invite_accept.accept_invitation)}</h1>
                            <ErrorState error=e title={crate::tr!(invite_accept.could_not_check_the_invitation)} on_retry=Callback::new(move |_| offer.refetch())/>
                        }
                        .into_any(),
                        Some(Ok(o)) => view! { <SignUp offer=o token=token.clone() gone=gone/> }.into_any(),
                    }
                }}
            </div>
        </MainRegion>
    }
}

/// The page for a link that no longer works.
#[component]
fn InviteGone() -> impl IntoView {
    view! {
        <h1 class="oc-login__title">{crate::tr!(invite_accept.this_invitation_is_no_longer)}</h1>
        <p>
            {crate::tr!(invite_accept.the_link_has_expired_was)}
            {crate::tr!(invite_accept.ask_an_admin_of_the)}
        </p>
        <a class="oc-button oc-button--secondary" href=Route::Login { expired: false }.href()>{crate::tr!(invite_accept.go_to_the_login_page)}</a>
    }
}

#[component]
fn SignUp(offer: InviteOffer, token: String, gone: RwSignal<bool>) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let go = use_go();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let accept = Action::new_local(move |(e, p): &(String, String)| {
        let api = api.clone();
        let (t, e, p) = (token.clone(), e.clone(), p.clone());
        async move {
            let answer = invites::accept(&api, t, e, p).await?;
            flows::start_with_token(session, &api, answer.token).await
        }
    });
    let pending = accept.pending();
    Effect::new(move |_| match accept.value().get() {
        // Replace: the invitation's URL (with its token) leaves the history.
        Some(Ok(())) => go(&Route::Overview, true),
        Some(Err(e)) if is_gone(&e) => gone.set(true),
        Some(Err(e)) if e.code() == Some(code::PARAMETER_NOT_UNIQUE) => error.set(Some(
            crate::tr!(invite_accept.an_account_with_this_email).to_string(),
        )),
        Some(Err(e)) => error.set(Some(user_message(&e))),
        None => {}
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (e, p) = (
            email.get_untracked().trim().to_string(),
            password.get_untracked(),
        );
        let problem = if !validate::email(&e) {
            Some(crate::tr!(invite_accept.enter_a_valid_email_address))
        } else {
            validate::password_problem(&p)
        };
        match problem {
            Some(why) => error.set(Some(why.to_string())),
            None => {
                error.set(None);
                accept.dispatch((e, p));
            }
        }
    };

    let role = offer.role.clone();
    let overview = PermissionOverviewProps::builder()
        .role(role.clone())
        .below_page_title(true)
        .build();
    view! {
        <h1 class="oc-login__title">{crate::tr!(invite_accept.join, organisation_name = offer.organisation_name)}</h1>
        <p class="oc-invite-page__offer">
            {crate::tr!(invite_accept.you_are_invited_as)} <strong class="oc-role-badge">{role.display_name.clone()}</strong> "."
        </p>
        <p class="oc-hint">{crate::tr!(invite_accept.this_invitation_expires, expires_at = format_utc(&offer.expires_at))}</p>
        <RoleDetails summary=crate::tr!(invite_accept.what_allows, display_name = role.display_name) overview=overview/>
        <form class="oc-form" on:submit=on_submit novalidate>
            <CredentialFields email=email password=password purpose=CredentialsFor::SignUp id_prefix="oc-invite"/>
            <FormError error=error/>
            <SubmitButton pending=pending label={crate::tr!(invite_accept.create_account_and_join)} pending_label={crate::tr!(invite_accept.creating_your_account)} block=true/>
        </form>
    }
}
