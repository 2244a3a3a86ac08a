//! `POST /user/validate`, `POST /user/logout`, `GET /user/me`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use bintu_wire::Permission;
use bintu_wire::{LoginRequest, LoginResponse, Me};
use rusqlite::Connection;

use crate::caller::Caller;
use crate::client_addr::ClientAddr;
use crate::clock::rfc3339;
use crate::crypto::{new_token, sha256_hex, verify_password};
use crate::db::users::UserRow;
use crate::db::{organisation, roles, sessions, users};
use crate::error::{ApiError, ApiResult};
use crate::extract::StrictJsonBody;
use crate::state::AppState;

/// Logs in with email and password, unless the account or the client address is
/// throttled after failed attempts.
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    StrictJsonBody(req): StrictJsonBody<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    let email = req.email.trim().to_owned();
    state.login_throttle.check(&email, address)?;
    // A place in the hashing queue first: when it is full, answer at once, before
    // the database is asked anything.
    let admission = state.hash_queue.admit()?;
    let lookup = email.clone();
    let user = state
        .db
        .run(move |conn| Ok(users::by_email(conn, &lookup)?))
        .await?;
    // Always run one argon2 verification, against a dummy hash when the account is
    // unknown or has no password, so timing does not reveal which emails exist.
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let hash = stored
        .clone()
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let password = req.password;
    let matches = admission
        .run(move || verify_password(&password, &hash))
        .await?;
    let user = match user {
        Some(u) if matches && stored.is_some() => u,
        _ => {
            state.login_throttle.failed(&email, address);
            return Err(ApiError::BadCredentials("Email or password is not valid."));
        }
    };
    state.login_throttle.succeeded(&email);
    let now = state.clock.now();
    let ttl = state.token_ttl_secs;
    let answer = state
        .db
        .run(move |conn| {
            sessions::purge_dead(conn, now)?;
            start_session(conn, &user, now, ttl)
        })
        .await?;
    Ok(Json(answer))
}

/// Issues a session for `user` and builds the login answer (with the API key only
/// for roles that may see it).
pub fn start_session(
    conn: &Connection,
    user: &UserRow,
    now: i64,
    ttl_secs: i64,
) -> ApiResult<LoginResponse> {
    let token = new_token();
    let expires_at = now + ttl_secs;
    sessions::insert(
        conn,
        &sha256_hex(&token),
        user.id,
        &user.token_key,
        expires_at,
    )?;
    let role = roles::get(conn, &user.role)?
        .ok_or_else(|| ApiError::Internal(format!("user {} has unknown role", user.id)))?;
    let api_key = if role.allows(&Permission::OrganisationGetApiKey) {
        organisation::get(conn)?.map(|o| o.api_key)
    } else {
        None
    };
    Ok(LoginResponse {
        token,
        expires_at: rfc3339(expires_at),
        api_key,
        user: user.to_wire(),
    })
}

/// Ends the session of the token sent. With the API key there is no session, and
/// nothing to do.
pub async fn logout(State(state): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    if let Some(session) = caller.session {
        state
            .db
            .run(move |conn| Ok(sessions::delete(conn, &session.token_hash)?))
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Who the token belongs to, their role, and when the token expires.
pub async fn me(caller: Caller) -> ApiResult<Json<Me>> {
    match (caller.user, caller.session) {
        (Some(user), Some(session)) => Ok(Json(Me {
            user: user.to_wire(),
            role: caller.role,
            token_expires_at: rfc3339(session.expires_at),
        })),
        _ => Err(ApiError::Forbidden(
            "The API key acts as the organisation, not as a user: /user/me needs a session token."
                .into(),
        )),
    }
}
