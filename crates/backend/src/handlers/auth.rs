//! `POST /user/validate`, `POST /user/logout`, `GET /user/me`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use bintu_wire::Permission;
use bintu_wire::{LoginRequest, LoginResponse, Me};
use rusqlite::Connection;

use crate::api_doc::responses::{
    BadRequest, Busy, Forbidden, PayloadTooLarge, RequestTimeout, TooManyAttempts, Unauthorized,
    UnsupportedMediaType,
};
use crate::caller::Caller;
use crate::client_addr::ClientAddr;
use crate::clock::rfc3339;
use crate::crypto::{new_token, sha256_hex, verify_password};
use crate::db::users::UserRow;
use crate::db::{organisation, roles, sessions, users};
use crate::error::{ApiError, ApiResult};
use crate::extract::StrictJsonBody;
use crate::state::AppState;

/// Log in with email and password.
///
/// Answers with a session token. The organisation's `apiKey` is included only for roles
/// with `Organisation:GetApiKey`. Unknown emails and wrong passwords get the same
/// answer, in the same time, and count the same against the throttle: per account (the
/// email as typed) 5 failures are free, then each further failure locks the account for
/// 2 s, 4 s, 8 s … up to 15 minutes; per client address the same after 20 failures
/// (`--free-login-failures-per-address`); failures are forgotten an hour after the last
/// one, and a successful login clears the account's count. A locked account or address
/// gets 429/4004 with `Retry-After`, before the password is checked. Password hashing
/// runs in a bounded queue (one hashing thread per core but one, 4 jobs waiting per
/// thread); beyond it 503/5003 with `Retry-After`. The body must be sent as
/// `application/json` (415/1007).
#[utoipa::path(
    post,
    path = "/user/validate",
    tag = "auth",
    operation_id = "login",
    security(()),
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in.", body = LoginResponse),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 408, response = RequestTimeout),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = TooManyAttempts),
        (status = 503, response = Busy),
    )
)]
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

/// End the session of the token sent.
///
/// The token stops working at once. With the API key there is no session and nothing
/// happens.
#[utoipa::path(
    post,
    path = "/user/logout",
    tag = "auth",
    operation_id = "logout",
    responses(
        (status = 204, description = "Logged out."),
        (status = 401, response = Unauthorized),
    )
)]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    if let Some(session) = caller.session {
        state
            .db
            .run(move |conn| Ok(sessions::delete(conn, &session.token_hash)?))
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The current user, their role with its permissions, and the token's expiry.
///
/// Needs a session token; the API key (which is not a user) gets 403/2001.
#[utoipa::path(
    get,
    path = "/user/me",
    tag = "auth",
    operation_id = "me",
    security(("bintuToken" = [])),
    responses(
        (status = 200, description = "Who is logged in.", body = Me),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
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
