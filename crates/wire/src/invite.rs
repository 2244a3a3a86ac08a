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
#[serde(rename_all = "camelCase")]
pub struct CreateInviteRequest {
    /// Internal name of the role the invitee will get.
    pub role: String,
    /// Hours until the token expires (1..=720, default 72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_hours: Option<u32>,
}

/// A pending invitation, as `GET /invite` lists it (without the secret token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invite {
    pub id: i64,
    pub role: String,
    /// Email of the user who created it.
    pub created_by: String,
    #[serde(rename = "created_at")]
    pub created_at: String,
    pub expires_at: String,
}

/// Answer of `POST /invite`: the only time the secret token is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedInvite {
    pub invite: Invite,
    pub token: String,
}

/// Answer of `GET /invite`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteList {
    pub invites: Vec<Invite>,
}

/// Body of `POST /invite/lookup` (no authentication).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteLookupRequest {
    pub token: String,
}

/// Answer of `POST /invite/lookup`: what the invitee is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InviteOffer {
    pub organisation_name: String,
    pub role: crate::Role,
    pub expires_at: String,
}

/// Body of `POST /invite/accept` (no authentication): sign up and log in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcceptInviteRequest {
    pub token: String,
    pub email: String,
    pub password: String,
}
