//! Invite tokens: `POST /invite`, `GET /invite`, `DELETE /invite/{id}`,
//! `POST /invite/lookup`, `POST /invite/accept`.
//!
//! The token travels in bodies only, never in an API URL, so it does not land in
//! server logs; the console's invite link is `<console>/invite/<token>`.

use serde::{Deserialize, Serialize};

/// Longest validity an invite may be given.
pub const MAX_INVITE_HOURS: u32 = 24 * 30;
/// Validity when the request names none.
pub const DEFAULT_INVITE_HOURS: u32 = 72;

/// Body of `POST /invite`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateInviteRequest {
    /// Internal name of the role the invitee will get.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::invited_role))]
    pub role: String,
    /// Hours until the token expires (1..=720, default 72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::invite_hours))]
    pub expires_in_hours: Option<u32>,
}

/// A pending invitation, as `GET /invite` lists it (without the secret token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Invite {
    pub id: i64,
    pub role: String,
    /// Email of the user who created it, or `organisation API key`
    /// ([`crate::API_KEY_ACTOR`]).
    pub created_by: String,
    #[serde(rename = "created_at")]
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub created_at: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: String,
}

/// Answer of `POST /invite`: the only time the secret token is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreatedInvite {
    pub invite: Invite,
    pub token: String,
}

/// Answer of `GET /invite`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteList {
    pub invites: Vec<Invite>,
}

/// Body of `POST /invite/lookup` (no authentication).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteLookupRequest {
    pub token: String,
}

/// Answer of `POST /invite/lookup`: what the invitee is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct InviteOffer {
    pub organisation_name: String,
    pub role: crate::Role,
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: String,
}

/// Body of `POST /invite/accept` (no authentication): sign up and log in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInviteRequest {
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::signup_email))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::signup_password))]
    pub password: String,
}
