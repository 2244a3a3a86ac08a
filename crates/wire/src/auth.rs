//! Sign-in, the current user, sign-out.

use serde::{Deserialize, Serialize};

use crate::{Role, User};

/// Body of `POST /user/validate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
}

/// Answer of `POST /user/validate` and `POST /invite/accept`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoginResponse {
    /// Session token for the `X-BINTU-TOKEN` header.
    pub token: String,
    /// When the token stops working (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: String,
    /// The organisation's master API key: present only for roles with
    /// `Organisation:GetApiKey`, absent (not null) otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub api_key: Option<String>,
    pub user: User,
}

/// Answer of `GET /user/me`: who the token belongs to and what they may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub user: User,
    pub role: Role,
    /// Expiry of the token used for this request (RFC 3339, UTC).
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub token_expires_at: String,
}
