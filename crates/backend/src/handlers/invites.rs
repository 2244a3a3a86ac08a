//! `POST /invite`, `GET /invite`, `DELETE /invite/{id}`, `POST /invite/lookup`,
//! `POST /invite/accept`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use bintu_wire::invite::DEFAULT_INVITE_HOURS;
use bintu_wire::{invite_label, validate, ActivityKind, Permission};
use bintu_wire::{
    AcceptInviteRequest, CreateInviteRequest, CreatedInvite, InviteList, InviteLookupRequest,
    InviteOffer, LoginResponse, Role,
};
use rusqlite::Connection;

use crate::api_doc::responses::{
    BadRequest, Busy, Conflict, Forbidden, Gone, NotFound, PayloadTooLarge, RequestTimeout,
    Unauthorized, UnsupportedMediaType,
};
use crate::caller::Caller;
use crate::clock::rfc3339;
use crate::crypto::{hash_password, new_token, new_token_key, sha256_hex};
use crate::db::invites::{self, Creator, InviteRow};
use crate::db::{organisation, roles, users};
use crate::error::{ApiError, ApiResult};
use crate::extract::{AuthedJson, IdPath, StrictJsonBody};
use crate::guards;
use crate::handlers::activity::{self, Change};
use crate::handlers::auth::start_session;
use crate::state::AppState;

/// Create an invite token for a role.
///
/// Permission `InviteToken:Create`. The token (256 random bits, URL-safe base64) is
/// shown only in this answer; the server stores its SHA-256. Valid 1..720 hours
/// (default 72), single use. Unknown role or hours out of range: 400/1005. A role with
/// permissions you do not hold: 403/2001.
#[utoipa::path(
    post,
    path = "/invite",
    tag = "invites",
    operation_id = "createInvite",
    request_body = CreateInviteRequest,
    responses(
        (status = 201, description = "Created.", body = CreatedInvite),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    AuthedJson(caller, req): AuthedJson<CreateInviteRequest>,
) -> ApiResult<(StatusCode, Json<CreatedInvite>)> {
    caller.require(Permission::InviteCreate)?;
    let role_name = validate::trim_blank(&req.role).to_owned();
    let hours = req.expires_in_hours.unwrap_or(DEFAULT_INVITE_HOURS);
    let now = state.clock.now();
    let token = new_token();
    let token_hash = sha256_hex(&token);
    let invite = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::InviteCreate)?;
            let role = roles::get(&tx, &role_name)?.ok_or_else(|| {
                ApiError::invalid("role", format!("There is no role named {role_name}."))
            })?;
            guards::check_no_escalation(&caller.role.permissions, &role.permissions)?;
            let expires = now + i64::from(hours) * 3600;
            let creator = Creator {
                label: caller.label(),
                id: caller.actor_id(),
            };
            let invite = invites::insert(&tx, &token_hash, &role.name, &creator, now, expires)?;
            activity::record(
                &tx,
                &caller,
                now,
                Change {
                    kind: ActivityKind::InviteCreated,
                    target: &invite_label(invite.id),
                    target_user_id: None,
                    from: None,
                    to: Some(&invite.role),
                },
            )?;
            tx.commit()?;
            Ok(invite)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvite {
            invite: invite.to_wire(),
            token,
        }),
    ))
}

/// Pending invites (not used, revoked or expired), newest first.
///
/// Permission `InviteToken:List`.
#[utoipa::path(
    get,
    path = "/invite",
    tag = "invites",
    operation_id = "listInvites",
    responses(
        (status = 200, description = "Invites, without their tokens.", body = InviteList),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<InviteList>> {
    caller.require(Permission::InviteList)?;
    let now = state.clock.now();
    let rows = state
        .db
        .run(move |conn| Ok(invites::pending(conn, now)?))
        .await?;
    Ok(Json(InviteList {
        invites: rows.iter().map(InviteRow::to_wire).collect(),
    }))
}

/// Revoke an invite.
///
/// Permission `InviteToken:Revoke`. 404/3001 when there is no invite with that id that
/// is neither used nor revoked.
#[utoipa::path(
    delete,
    path = "/invite/{id}",
    tag = "invites",
    operation_id = "revokeInvite",
    params(IdPath),
    responses(
        (status = 204, description = "Revoked."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn revoke(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    IdPath(id): IdPath,
    caller: Caller,
) -> ApiResult<StatusCode> {
    caller.require(Permission::InviteRevoke)?;
    let now = state.clock.now();
    let revoked = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::InviteRevoke)?;
            let Some(invite) = invites::by_id(&tx, id)? else {
                return Ok(false);
            };
            if !invites::revoke(&tx, id, now)? {
                return Ok(false);
            }
            activity::record(
                &tx,
                &caller,
                now,
                Change {
                    kind: ActivityKind::InviteRevoked,
                    target: &invite_label(id),
                    target_user_id: None,
                    from: Some(&invite.role),
                    to: None,
                },
            )?;
            tx.commit()?;
            Ok(true)
        })
        .await?;
    if revoked {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound(format!(
            "There is no open invite with id {id}."
        )))
    }
}

/// Why an invite cannot be used, or the usable invite.
fn usable(row: Option<InviteRow>, now: i64) -> ApiResult<InviteRow> {
    match row {
        None => Err(ApiError::InviteGone("This invite link is not valid.")),
        Some(r) if r.used_at.is_some() => Err(ApiError::InviteGone(
            "This invite link has already been used.",
        )),
        Some(r) if r.revoked_at.is_some() => {
            Err(ApiError::InviteGone("This invite link has been revoked."))
        }
        Some(r) if r.expires_at <= now => {
            Err(ApiError::InviteGone("This invite link has expired."))
        }
        Some(r) => Ok(r),
    }
}

/// The usable invite behind `token`, provided its creator may still issue it.
fn find_usable(conn: &Connection, token: &str, now: i64) -> ApiResult<InviteRow> {
    let invite = usable(
        invites::by_token_hash(conn, &sha256_hex(token.trim()))?,
        now,
    )?;
    if !creator_may_still_invite(conn, &invite)? {
        return Err(ApiError::InviteGone("This invite link has been revoked."));
    }
    Ok(invite)
}

/// Whether the invite's creator still exists and still may invite into its role
/// (an invite made with the API key always may).
fn creator_may_still_invite(conn: &Connection, invite: &InviteRow) -> ApiResult<bool> {
    let Some(creator_id) = invite.created_by_id else {
        return Ok(true);
    };
    let Some(creator) = users::by_id(conn, creator_id)? else {
        return Ok(false);
    };
    match (
        roles::get(conn, &creator.role)?,
        roles::get(conn, &invite.role)?,
    ) {
        (Some(creator_role), Some(invited)) => Ok(guards::may_invite(&creator_role, &invited)),
        _ => Ok(false),
    }
}

/// Revokes the open invites of user `user_id` that their role `now_role` (None
/// once the user is deleted) could no longer issue; part of the transaction that
/// deletes or demotes them, and recorded in the activity log as revoked by `caller`,
/// who made that change.
pub fn revoke_orphaned(
    conn: &Connection,
    caller: &Caller,
    user_id: i64,
    now_role: Option<&Role>,
    now: i64,
) -> ApiResult<()> {
    for invite in invites::open_by_creator(conn, user_id)? {
        let still_allowed = match now_role {
            Some(creator) => roles::get(conn, &invite.role)?
                .is_some_and(|invited| guards::may_invite(creator, &invited)),
            None => false,
        };
        if !still_allowed && invites::revoke(conn, invite.id, now)? {
            activity::record(
                conn,
                caller,
                now,
                Change {
                    kind: ActivityKind::InviteRevoked,
                    target: &invite_label(invite.id),
                    target_user_id: None,
                    from: Some(&invite.role),
                    to: None,
                },
            )?;
        }
    }
    Ok(())
}

/// Sign-up attempts that may meet an existing email before the invite is spent.
pub const MAX_EMAIL_CONFLICTS: u32 = 3;

/// 409 for an email that has an account; counts against the invite, which is
/// revoked at [`MAX_EMAIL_CONFLICTS`], so one invite cannot probe many addresses.
fn email_taken(conn: &Connection, invite_id: i64, now: i64) -> ApiResult<ApiError> {
    let spent = invites::note_conflict(conn, invite_id, now, MAX_EMAIL_CONFLICTS)?;
    let message = if spent {
        "An account with this email already exists. This invite link can no longer be used: ask for a new one."
    } else {
        "An account with this email already exists."
    };
    Ok(ApiError::NotUnique {
        message: message.into(),
        field: "email",
    })
}

/// What an invite offers (no authentication).
///
/// 410/3002 with a message saying whether the token is not valid, expired, revoked or
/// already used. The body must be sent as `application/json` (415/1007).
#[utoipa::path(
    post,
    path = "/invite/lookup",
    tag = "invites",
    operation_id = "lookupInvite",
    security(()),
    request_body = InviteLookupRequest,
    responses(
        (status = 200, description = "The offer.", body = InviteOffer),
        (status = 400, response = BadRequest),
        (status = 408, response = RequestTimeout),
        (status = 410, response = Gone),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    )
)]
pub async fn lookup(
    State(state): State<AppState>,
    StrictJsonBody(req): StrictJsonBody<InviteLookupRequest>,
) -> ApiResult<Json<InviteOffer>> {
    let now = state.clock.now();
    let offer = state
        .db
        .run(move |conn| {
            let invite = find_usable(conn, &req.token, now)?;
            let org = organisation::get(conn)?
                .ok_or_else(|| ApiError::Internal("no organisation".into()))?;
            let role = roles::get(conn, &invite.role)?
                .ok_or_else(|| ApiError::Internal("invite for a missing role".into()))?;
            Ok(InviteOffer {
                organisation_name: org.name,
                role,
                expires_at: rfc3339(invite.expires_at),
            })
        })
        .await?;
    Ok(Json(offer))
}

/// Sign up with an invite and log in (no authentication).
///
/// Creates the user with the invite's role, marks the invite used and starts a session,
/// in one transaction. Input first: the email (400/1005) and the password (10 to 256
/// characters; 400/1005) are checked before the invite (410/3002), then whether the
/// email is taken (409/1003), all before the password is hashed. Emails with invisible
/// or bidirectional formatting characters and passwords with control characters are
/// refused (400/1005). Three attempts that meet an existing email spend the invite (the
/// third 409 says so; later attempts get 410). An invite also stops working (410/3002)
/// when its creator is deleted or given a role that may not issue it. Hashing runs in
/// the bounded queue described at login (503/5003 with `Retry-After`). The body must be
/// sent as `application/json` (415/1007).
#[utoipa::path(
    post,
    path = "/invite/accept",
    tag = "invites",
    operation_id = "acceptInvite",
    security(()),
    request_body = AcceptInviteRequest,
    responses(
        (status = 201, description = "Signed up and logged in.", body = LoginResponse),
        (status = 400, response = BadRequest),
        (status = 408, response = RequestTimeout),
        (status = 409, response = Conflict),
        (status = 410, response = Gone),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 503, response = Busy),
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    StrictJsonBody(req): StrictJsonBody<AcceptInviteRequest>,
) -> ApiResult<(StatusCode, Json<LoginResponse>)> {
    let now = state.clock.now();
    let ttl = state.token_ttl_secs;
    // Input first: the body's rules were checked as it was read, so a malformed body
    // never reaches the database. Then the invite, so a dead link is not a way to
    // probe emails; then whether the email is taken, so a taken email costs no hashing.
    let email = req.email.trim().to_owned();
    let token = req.token.clone();
    state
        .db
        .run(move |conn| find_usable(conn, &token, now).map(|_| ()))
        .await?;
    let (token, wanted) = (req.token.clone(), email.clone());
    state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let invite = find_usable(&tx, &token, now)?;
            if users::by_email(&tx, &wanted)?.is_some() {
                let taken = email_taken(&tx, invite.id, now)?;
                tx.commit()?;
                return Err(taken);
            }
            Ok(())
        })
        .await?;
    let password = req.password;
    let hash = state
        .hash_queue
        .run(move || hash_password(&password))
        .await?;
    let answer = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let invite = find_usable(&tx, &req.token, now)?;
            // Checked again: someone may have taken the email while we hashed.
            if users::by_email(&tx, &email)?.is_some() {
                let taken = email_taken(&tx, invite.id, now)?;
                tx.commit()?;
                return Err(taken);
            }
            let id = users::insert(
                &tx,
                &email,
                Some(&hash),
                &invite.role,
                &new_token_key(),
                now,
            )?;
            if !invites::mark_used(&tx, invite.id, now)? {
                return Err(ApiError::InviteGone(
                    "This invite link has already been used.",
                ));
            }
            let user = users::by_id(&tx, id)?
                .ok_or_else(|| ApiError::Internal("new user vanished".into()))?;
            let answer = start_session(&tx, &user, now, ttl)?;
            // The new user acts: they accepted the invite.
            activity::record_by(
                &tx,
                &user.email,
                Some(user.id),
                now,
                Change {
                    kind: ActivityKind::InviteAccepted,
                    target: &user.email,
                    target_user_id: Some(user.id),
                    from: Some(&invite_label(invite.id)),
                    to: Some(&invite.role),
                },
            )?;
            tx.commit()?;
            tracing::info!(user_id = id, role = %invite.role, "invite accepted");
            Ok(answer)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(answer)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::error::code;

    fn row(used: Option<i64>, revoked: Option<i64>, expires: i64) -> Option<InviteRow> {
        Some(InviteRow {
            id: 1,
            role: "nanoUser".into(),
            created_by: "a@b.c".into(),
            created_by_id: Some(2),
            created_at: 0,
            expires_at: expires,
            used_at: used,
            revoked_at: revoked,
        })
    }

    fn message(r: ApiResult<InviteRow>) -> String {
        let e = r.unwrap_err();
        assert_eq!(e.status_and_code().1, code::INVITE_GONE);
        e.to_string()
    }

    #[test]
    fn each_dead_state_says_which() {
        assert!(message(usable(None, 10)).contains("not valid"));
        assert!(message(usable(row(Some(5), None, 100), 10)).contains("used"));
        assert!(message(usable(row(None, Some(5), 100), 10)).contains("revoked"));
        assert!(message(usable(row(None, None, 10), 10)).contains("expired"));
        assert!(usable(row(None, None, 11), 10).is_ok());
    }
}
