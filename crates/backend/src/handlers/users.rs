//! `GET /user`, `GET /user/{id}`, `DELETE /user/{id}`, `PUT /user/permission`,
//! `PUT /user/tokenkey`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use bintu_wire::permission::ROLE_ADMIN;
use bintu_wire::{validate, ActivityKind, Permission};
use bintu_wire::{Page, ResetTokenKeyRequest, SetPermissionRequest, User, UserQuery};
use rusqlite::Connection;

use crate::api_doc::responses::{BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized};
use crate::caller::Caller;
use crate::crypto::new_token_key;
use crate::db::roles;
use crate::db::users::{self, ListQuery, UserRow};
use crate::error::{ApiError, ApiResult};
use crate::extract::{AuthedJson, IdPath, QueryParams};
use crate::guards::{self, Target};
use crate::handlers::activity::{self, Change};
use crate::handlers::invites;
use crate::paging::Window;
use crate::state::AppState;

fn not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("There is no user with id {id}."))
}

fn existing(conn: &Connection, id: i64) -> ApiResult<UserRow> {
    users::by_id(conn, id)?.ok_or_else(|| not_found(id))
}

/// The guard input for acting on `target`.
fn target<'a>(conn: &Connection, caller: &Caller, target: &'a UserRow) -> ApiResult<Target<'a>> {
    Ok(Target {
        actor_id: caller.actor_id(),
        target_id: target.id,
        target_role: &target.role,
        admin_count: users::count_with_role(conn, ROLE_ADMIN)?,
    })
}

/// One page of users, filtered and sorted.
///
/// Permission `User:List`. Ties in the sort key are broken by id (in the same
/// direction), so paging is stable. A `role` no role has matches nobody (an empty
/// page). `q` matches case-insensitively for ASCII letters.
#[utoipa::path(
    get,
    path = "/user",
    tag = "users",
    operation_id = "listUsers",
    params(UserQuery),
    responses(
        (status = 200, description = "Users.", body = Page<User>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    QueryParams(query): QueryParams<UserQuery>,
    caller: Caller,
) -> ApiResult<Json<Page<User>>> {
    caller.require(Permission::UserList)?;
    let window = Window::new(query.page, query.page_size)?;
    let list_query = ListQuery {
        role: query.role.filter(|r| !r.is_empty()),
        q: query.q.map(|q| q.trim().to_owned()),
        sort: query.sort.unwrap_or_default(),
        order: query.order.unwrap_or_default(),
        offset: window.offset(),
        limit: window.page_size,
    };
    // A filter: a role name no role has matches no user (an empty page), as any
    // other filter value that matches nothing.
    let (total, rows) = state
        .db
        .run(move |conn| Ok(users::list(conn, &list_query)?))
        .await?;
    Ok(Json(
        window.wrap(total, rows.iter().map(UserRow::to_wire).collect()),
    ))
}

/// One user.
///
/// Permission `User:Get`.
#[utoipa::path(
    get,
    path = "/user/{id}",
    tag = "users",
    operation_id = "getUser",
    params(IdPath),
    responses(
        (status = 200, description = "The user.", body = User),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    IdPath(id): IdPath,
    caller: Caller,
) -> ApiResult<Json<User>> {
    caller.require(Permission::UserGet)?;
    let user = state.db.run(move |conn| existing(conn, id)).await?;
    Ok(Json(user.to_wire()))
}

/// Delete a user.
///
/// Permission `User:Delete`. 403/2002 for yourself or for the last `nanoAdmin`. The
/// user's sessions end.
#[utoipa::path(
    delete,
    path = "/user/{id}",
    tag = "users",
    operation_id = "deleteUser",
    params(IdPath),
    responses(
        (status = 204, description = "Deleted."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    IdPath(id): IdPath,
    caller: Caller,
) -> ApiResult<StatusCode> {
    caller.require(Permission::UserDelete)?;
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            // One transaction, so two admins deleting each other at once cannot both
            // pass the last-admin check, and the caller's role is the one of now.
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::UserDelete)?;
            let user = existing(&tx, id)?;
            guards::check_delete(target(&tx, &caller, &user)?)?;
            invites::revoke_orphaned(&tx, &caller, id, None, now)?;
            users::delete(&tx, id)?;
            activity::record(
                &tx,
                &caller,
                now,
                Change {
                    kind: ActivityKind::UserDeleted,
                    target: &user.email,
                    target_user_id: Some(user.id),
                    from: Some(&user.role),
                    to: None,
                },
            )?;
            tx.commit()?;
            let actor = caller.label();
            tracing::info!(%actor, user_id = id, "user deleted");
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Change a user's role.
///
/// Permission `User:SetPermission`. Unknown role: 400/1005. Changing your own role or
/// demoting the last `nanoAdmin`: 403/2002. Granting a role with permissions you do not
/// hold: 403/2001. Another role renews the user's token key, which ends their bintu
/// tokens (as in bintu); setting the role a user already has is a no-op.
#[utoipa::path(
    put,
    path = "/user/permission",
    tag = "users",
    operation_id = "setUserRole",
    request_body = SetPermissionRequest,
    responses(
        (status = 200, description = "The user with the new role.", body = User),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
    )
)]
pub async fn set_permission(
    State(state): State<AppState>,
    AuthedJson(caller, req): AuthedJson<SetPermissionRequest>,
) -> ApiResult<Json<User>> {
    caller.require(Permission::UserSetPermission)?;
    let role_name = validate::trim_blank(&req.role).to_owned();
    let now = state.clock.now();
    let user = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::UserSetPermission)?;
            let role = roles::get(&tx, &role_name)?.ok_or_else(|| {
                ApiError::invalid("role", format!("There is no role named {role_name}."))
            })?;
            let mut user = existing(&tx, req.user_id)?;
            guards::check_set_role(target(&tx, &caller, &user)?, &role.name)?;
            guards::check_no_escalation(&caller.role.permissions, &role.permissions)?;
            users::set_role(&tx, user.id, &role.name)?;
            invites::revoke_orphaned(&tx, &caller, user.id, Some(&role), now)?;
            if user.role != role.name {
                // As bintu does: a role change ends the user's bintu tokens (each was
                // issued under the old key; see `reset_token_key`).
                user.token_key = new_token_key();
                users::set_token_key(&tx, user.id, &user.token_key)?;
                activity::record(
                    &tx,
                    &caller,
                    now,
                    Change {
                        kind: ActivityKind::RoleChanged,
                        target: &user.email,
                        target_user_id: Some(user.id),
                        from: Some(&user.role),
                        to: Some(&role.name),
                    },
                )?;
            }
            tx.commit()?;
            tracing::info!(actor = %caller.label(), user_id = user.id, role = %role.name, "role changed");
            user.role = role.name;
            Ok(user)
        })
        .await?;
    Ok(Json(user.to_wire()))
}

/// Renew a user's token key.
///
/// Permission `User:ResetTokenKey`. Every session token of that user stops working at
/// once (401/4003).
#[utoipa::path(
    put,
    path = "/user/tokenkey",
    tag = "users",
    operation_id = "resetUserTokenKey",
    request_body = ResetTokenKeyRequest,
    responses(
        (status = 200, description = "The user with the new `tokenKey`.", body = User),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
    )
)]
pub async fn reset_token_key(
    State(state): State<AppState>,
    AuthedJson(caller, req): AuthedJson<ResetTokenKeyRequest>,
) -> ApiResult<Json<User>> {
    caller.require(Permission::UserResetTokenKey)?;
    let now = state.clock.now();
    let user = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::UserResetTokenKey)?;
            let mut user = existing(&tx, req.user_id)?;
            user.token_key = new_token_key();
            // No session is touched: each one was issued under the old key, so the
            // key comparison in `sessions::find_valid` rejects them all from now on
            // (the next login's housekeeping removes the rows).
            users::set_token_key(&tx, user.id, &user.token_key)?;
            activity::record(
                &tx,
                &caller,
                now,
                Change {
                    kind: ActivityKind::TokenKeyReset,
                    target: &user.email,
                    target_user_id: Some(user.id),
                    from: None,
                    to: None,
                },
            )?;
            tx.commit()?;
            tracing::info!(actor = %caller.label(), user_id = user.id, "token key reset");
            Ok(user)
        })
        .await?;
    Ok(Json(user.to_wire()))
}
