//! `GET /activity`, and [`record`], which every changing handler calls inside the
//! transaction of its change.

use axum::extract::State;
use axum::Json;
use bintu_wire::{ActivityEntry, ActivityKind, ActivityQuery, Page, Permission};
use rusqlite::Connection;

use crate::api_doc::responses::{BadRequest, Forbidden, Unauthorized};
use crate::caller::Caller;
use crate::db::activity::{self, ListQuery, NewEntry};
use crate::error::ApiResult;
use crate::extract::QueryParams;
use crate::paging::Window;
use crate::state::AppState;

/// A change, as the handler that made it describes it.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub kind: ActivityKind,
    /// What was changed, for people: an email, `invite #7`, `organisation`.
    pub target: &'a str,
    pub target_user_id: Option<i64>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// Records `change` by `caller` at `at`, on `conn`: pass the transaction of the
/// change, so the entry commits with it or not at all.
pub fn record(conn: &Connection, caller: &Caller, at: i64, change: Change<'_>) -> ApiResult<()> {
    record_by(conn, &caller.label(), caller.actor_id(), at, change)
}

/// [`record`] for an actor that is not an authenticated caller (a new user
/// accepting an invite).
pub fn record_by(
    conn: &Connection,
    actor: &str,
    actor_id: Option<i64>,
    at: i64,
    change: Change<'_>,
) -> ApiResult<()> {
    activity::record(
        conn,
        &NewEntry {
            at,
            kind: change.kind,
            actor,
            actor_id,
            target: change.target,
            target_user_id: change.target_user_id,
            from: change.from,
            to: change.to,
        },
    )?;
    Ok(())
}

/// One page of the activity log, newest first.
///
/// Permission `Activity:List` (held by `nanoAdmin` by default). Every change made
/// through the API is recorded in the same database transaction as the change itself,
/// so a change that fails leaves no entry and a change that is done always has one:
/// invites created, revoked (also those revoked because their creator was deleted or
/// demoted, by whoever made that change) and accepted, role changes (`from`/`to`:
/// internal role names), token key resets, deleted users (`from`: their role), webhook
/// changes (`from`/`to`: the URLs, empty for none) and VOD access changes (`from`/`to`:
/// `public` or `private`). Setting a value to what it already is records nothing.
/// Entries are ordered by id, newest first. Entries keep the emails the users had, also
/// after they are deleted.
#[utoipa::path(
    get,
    path = "/activity",
    tag = "activity",
    operation_id = "listActivity",
    params(ActivityQuery),
    responses(
        (status = 200, description = "Entries.", body = Page<ActivityEntry>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    QueryParams(query): QueryParams<ActivityQuery>,
    caller: Caller,
) -> ApiResult<Json<Page<ActivityEntry>>> {
    caller.require(Permission::ActivityList)?;
    let window = Window::new(query.page, query.page_size)?;
    let list_query = ListQuery {
        kind: query.kind,
        user: query.user,
        offset: window.offset(),
        limit: window.page_size,
    };
    let (total, rows) = state
        .db
        .run(move |conn| Ok(activity::list(conn, &list_query)?))
        .await?;
    Ok(Json(window.wrap(total, rows)))
}
