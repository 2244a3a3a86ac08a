//! `GET /permission/list`, `GET /permission?name=`.

use axum::extract::State;
use axum::Json;
use bintu_wire::{validate, Permission};
use bintu_wire::{Role, RoleList};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api_doc::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::caller::Caller;
use crate::db::roles;
use crate::error::{ApiError, ApiResult};
use crate::extract::{QueryParams, QueryRules};
use crate::state::AppState;

/// Every role with its permissions and user count.
///
/// Permission `Permission:List`. The three default roles come first (nanoAdmin,
/// nanoUser, nanoReadOnly), then custom roles.
#[utoipa::path(
    get,
    path = "/permission/list",
    tag = "roles",
    operation_id = "listRoles",
    responses(
        (status = 200, description = "Roles.", body = RoleList),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<RoleList>> {
    caller.require(Permission::PermissionList)?;
    let roles = state.db.run(|conn| Ok(roles::list(conn)?)).await?;
    Ok(Json(RoleList { roles }))
}

/// Query of `GET /permission`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NameQuery {
    /// Internal role name, e.g. `nanoUser`; blank is 400/1002.
    // `bintu_wire::openapi::NOT_BLANK` (utoipa takes a literal here); blank is what
    // `validate::is_blank` says, as the pattern does.
    #[param(required = true, pattern = r"\S")]
    pub name: Option<String>,
}

impl QueryRules for NameQuery {
    /// A name is required, and blank is none.
    fn check(&self) -> Result<(), ApiError> {
        match &self.name {
            Some(n) if !validate::is_blank(n) => Ok(()),
            _ => Err(ApiError::Required("name".into())),
        }
    }
}

/// One role by internal name.
///
/// Permission `Permission:Get` (nanoAdmin only, as in bintu). Missing `name`: 400/1002.
#[utoipa::path(
    get,
    path = "/permission",
    tag = "roles",
    operation_id = "getRole",
    params(NameQuery),
    responses(
        (status = 200, description = "The role.", body = Role),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    QueryParams(query): QueryParams<NameQuery>,
    caller: Caller,
) -> ApiResult<Json<Role>> {
    caller.require(Permission::PermissionGet)?;
    let name = query
        .name
        .filter(|n| !validate::is_blank(n))
        .ok_or_else(|| ApiError::Required("name".into()))?;
    let role = state
        .db
        .run(move |conn| {
            roles::get(conn, validate::trim_blank(&name))?
                .ok_or_else(|| ApiError::NotFound(format!("There is no role named {name}.")))
        })
        .await?;
    Ok(Json(role))
}
