//! The activity log: `GET /activity` (who changed what, when), newest first.

use serde::{Deserialize, Serialize};

/// What kind of change an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// An invite was created (`to`: its role).
    InviteCreated,
    /// An invite was revoked (`from`: its role).
    InviteRevoked,
    /// An invite was accepted: a new user joined (`to`: their role).
    InviteAccepted,
    /// A user's role changed (`from`, `to`: internal role names).
    RoleChanged,
    /// A user's token key was reset.
    TokenKeyReset,
    /// A user was deleted (`from`: their role).
    UserDeleted,
    /// The webhook changed (`from`, `to`: the URLs, empty for none).
    WebhookChanged,
    /// VOD public access changed (`from`, `to`: `public` or `private`).
    VodChanged,
}

/// Every kind, in the order the console offers them as filters.
pub const ACTIVITY_KINDS: &[ActivityKind] = &[
    ActivityKind::InviteCreated,
    ActivityKind::InviteRevoked,
    ActivityKind::InviteAccepted,
    ActivityKind::RoleChanged,
    ActivityKind::TokenKeyReset,
    ActivityKind::UserDeleted,
    ActivityKind::WebhookChanged,
    ActivityKind::VodChanged,
];

impl ActivityKind {
    /// The wire name, e.g. `role_changed` (also the stored value and the URL value).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InviteCreated => "invite_created",
            Self::InviteRevoked => "invite_revoked",
            Self::InviteAccepted => "invite_accepted",
            Self::RoleChanged => "role_changed",
            Self::TokenKeyReset => "token_key_reset",
            Self::UserDeleted => "user_deleted",
            Self::WebhookChanged => "webhook_changed",
            Self::VodChanged => "vod_changed",
        }
    }

    /// The kind named `name` (the inverse of [`ActivityKind::as_str`]).
    pub fn parse(name: &str) -> Option<Self> {
        ACTIVITY_KINDS.iter().copied().find(|k| k.as_str() == name)
    }
}

/// Who a change made with the organisation's API key is by (an entry's `actor`, an
/// invite's `createdBy`): there is no user, so no email. Clients show it in their own
/// words.
pub const API_KEY_ACTOR: &str = "organisation API key";

/// How an entry names an invite (its `target`, or a user's `from` once they joined
/// with it): by its number, never by its token.
const INVITE_PREFIX: &str = "invite #";

/// `invite #7`: the name of invite `id` in the activity log.
pub fn invite_label(id: i64) -> String {
    format!("{INVITE_PREFIX}{id}")
}

/// The number in an invite's name (`invite #7` -> `7`), for clients that name it in
/// their own words; `None` for any other target. Inlined: as a function of its own
/// in the console's wasm it cost each first load up to 220 B brotli.
#[inline]
pub fn invite_number(label: &str) -> Option<&str> {
    let id = label.strip_prefix(INVITE_PREFIX)?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry {
    pub id: i64,
    /// When, RFC 3339 in UTC.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub at: String,
    pub kind: ActivityKind,
    /// Who made the change: an email, or `organisation API key` ([`API_KEY_ACTOR`]).
    pub actor: String,
    /// The acting user's id (None for the API key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub actor_id: Option<i64>,
    /// What was changed, for people: a user's email, `invite #7`, `organisation`.
    pub target: String,
    /// The user the change was about, if any (kept after the user is deleted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub target_user_id: Option<i64>,
    /// The value before the change, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub from: Option<String>,
    /// The value after the change, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub to: Option<String>,
}

/// Query of `GET /activity`: all fields optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ActivityQuery {
    /// Only entries of this kind; an unknown kind is 400/1004.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActivityKind>,
    /// Only entries involving this user id, as actor or as target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<i64>,
    /// 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_number))]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_size))]
    pub page_size: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_travel_as_their_names() {
        for k in ACTIVITY_KINDS {
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(ActivityKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(ActivityKind::parse("password_read"), None);
    }

    #[test]
    fn an_invite_is_known_by_the_number_the_api_gives_it() {
        assert_eq!(invite_label(7), "invite #7");
        assert_eq!(invite_number("invite #7"), Some("7"));
        assert_eq!(invite_number("invite #1024"), Some("1024"));
        for other in ["invite #", "invite #7a", "invite 7", "anna@example.com", ""] {
            assert_eq!(invite_number(other), None, "{other}");
        }
    }
}
