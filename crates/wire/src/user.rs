//! Users: `GET /user`, `GET /user/{id}`, `DELETE /user/{id}`,
//! `PUT /user/permission`, `PUT /user/tokenkey`.

use serde::{Deserialize, Serialize};

/// A user of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub email: String,
    /// Internal role name, e.g. `nanoUser` (the user's "permission level").
    pub role: String,
    /// Current token key: renewing it invalidates every bintu token of the user.
    pub token_key: String,
    /// RFC 3339, UTC. Snake case as in bintu's stream objects.
    #[serde(rename = "created_at")]
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub created_at: String,
}

/// Sort keys of `GET /user?sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSort {
    #[default]
    Email,
    Role,
    CreatedAt,
}

/// Sort direction, `?order=asc|desc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Asc,
    Desc,
}

/// Query of `GET /user`: all fields optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct UserQuery {
    /// Only users with this role (internal name); a name no role has matches nobody
    /// (an empty page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Case-insensitive substring of the email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Sort key (default `email`); `role` sorts by the internal role name. Ties are
    /// broken by id, in the same direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<UserSort>,
    /// Direction (default `asc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
    /// 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_number))]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_size))]
    pub page_size: Option<u32>,
}

/// Body of `PUT /user/permission`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SetPermissionRequest {
    #[serde(deserialize_with = "crate::json_number::integer")]
    pub user_id: i64,
    /// Internal name of the new role.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::new_role))]
    pub role: String,
}

/// Body of `PUT /user/tokenkey`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ResetTokenKeyRequest {
    #[serde(deserialize_with = "crate::json_number::integer")]
    pub user_id: i64,
}
