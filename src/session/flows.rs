//! The calls that change the session: log in, load `Me`, log out.

use crate::api::{auth, decode_answer, use_api, ApiClient, ApiError};
use crate::host_events::{ErrorKind, HostEvent};

use super::{LoginNotice, Session, SessionState};

/// Logs in: `POST /user/validate`, then `GET /user/me`. On error nothing is kept.
pub async fn login(
    session: Session,
    api: &ApiClient,
    email: String,
    password: String,
) -> Result<(), ApiError> {
    session.clear();
    let answer = auth::validate(api, email, password).await?;
    session.begin(answer.token);
    match auth::me(api).await {
        Ok(me) => {
            session.ready(me);
            session.set_notice(None);
            Ok(())
        }
        Err(e) => {
            session.clear();
            Err(e)
        }
    }
}

/// Starts a session with a token obtained elsewhere (e.g. invite sign-up), then
/// loads `Me`.
pub async fn start_with_token(
    session: Session,
    api: &ApiClient,
    token: String,
) -> Result<(), ApiError> {
    session.begin(token);
    load_me(session, api).await
}

/// `GET /user/me` for the stored token (or the host's). A 401 expires the session
/// (through the client); other failures, and any failure of a host-kept session (it
/// has no login page to fall back to), leave it in [`SessionState::Failed`] for a
/// retry.
pub async fn load_me(session: Session, api: &ApiClient) -> Result<(), ApiError> {
    if !session.has_token() && !session.is_hosted() {
        session.set_state(SessionState::Anonymous);
        return Ok(());
    }
    session.set_state(SessionState::Loading);
    match auth::me(api).await {
        Ok(me) => {
            session.ready(me);
            Ok(())
        }
        Err(e) if e.is_session_invalid() && !session.is_hosted() => Err(e),
        Err(e) => {
            if matches!(e, ApiError::Network(_)) {
                session.tell_host(HostEvent::Error {
                    kind: ErrorKind::Network,
                    message: e.to_string(),
                });
            }
            session.set_state(SessionState::Failed(e.clone()));
            Err(e)
        }
    }
}

/// Like [`load_me`], with the answer `public/early-session.js` got while the wasm
/// loaded, when it was for this session's token; otherwise asks.
pub async fn load_me_early(
    session: Session,
    api: &ApiClient,
    early: super::early::EarlyAnswer,
) -> Result<(), ApiError> {
    if !session.holds(&early.token) {
        return load_me(session, api).await;
    }
    match decode_answer(early.status, &early.text) {
        Ok(me) => {
            session.ready(me);
            Ok(())
        }
        Err(e) => {
            if e.is_session_invalid() {
                session.on_unauthorized().call(early.token);
            } else {
                session.set_state(SessionState::Failed(e.clone()));
            }
            Err(e)
        }
    }
}

/// After a host-kept session ended: asks the host for a token again (through the
/// client) by loading `Me`; the page stays as it is.
pub async fn resume_hosted(session: Session, api: &ApiClient) -> Result<(), ApiError> {
    session.resume();
    let me = auth::me(api).await?;
    session.ready(me);
    session.resumed_ok();
    Ok(())
}

/// A "Log out" handler for menus: runs `before` (e.g. close the menu), then logs out.
pub fn use_logout(before: impl Fn() + Clone + 'static) -> impl Fn(web_sys::MouseEvent) + Clone {
    let session = super::use_session();
    let api = use_api();
    move |_| {
        before();
        let api = api.clone();
        leptos::task::spawn_local(async move { logout(session, &api).await });
    }
}

/// Logs out: `POST /user/logout` (its failure does not keep anyone logged in),
/// then forgets everything and tells the host page, if any. A host-kept token is the
/// host's to revoke: the console only forgets it and tells the host.
pub async fn logout(session: Session, api: &ApiClient) {
    if session.has_token() && !session.is_hosted() {
        let _ = auth::logout(api).await;
    }
    session.clear();
    session.set_notice(Some(LoginNotice::LoggedOut));
    session.tell_host(HostEvent::Logout);
}
