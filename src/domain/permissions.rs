//! What the UI shows per role, derived from the role's `Resource:Verb` permissions.
//!
//! The backend enforces every permission; these flags only decide what is worth
//! showing, so a custom role gets exactly the controls its permissions allow.

use bintu_wire::permission as p;

/// The console's view of a role: one flag per thing the UI may show or enable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Read the organisation profile at all.
    pub can_see_organisation: bool,
    /// The API key row on the Overview.
    pub can_see_api_key: bool,
    /// The player key row on the Overview.
    pub can_see_player_key: bool,
    /// Edit the webhook endpoint.
    pub can_set_webhook: bool,
    /// Flip the VOD public switch.
    pub can_set_vod: bool,
    /// The User Management tab.
    pub can_list_users: bool,
    /// Open a single user.
    pub can_get_user: bool,
    /// "Invite New User".
    pub can_invite: bool,
    /// See pending invitations.
    pub can_list_invites: bool,
    /// Revoke a pending invitation.
    pub can_revoke_invites: bool,
    /// Change another user's role.
    pub can_change_roles: bool,
    /// Reset another user's token key.
    pub can_reset_tokens: bool,
    /// Delete a user.
    pub can_delete_users: bool,
    /// List the roles and their permissions.
    pub can_list_roles: bool,
    /// The Tags section.
    pub can_see_tags: bool,
}

impl Capabilities {
    /// Flags for a role holding `permissions`.
    pub fn from_permissions<S: AsRef<str>>(permissions: &[S]) -> Self {
        let has = |name: &str| permissions.iter().any(|x| x.as_ref() == name);
        Self {
            can_see_organisation: has(p::ORGANISATION_GET),
            can_see_api_key: has(p::ORGANISATION_GET_APIKEY),
            can_see_player_key: has(p::ORGANISATION_GET_PLAYERKEY),
            can_set_webhook: has(p::ORGANISATION_SET_WEBHOOK),
            can_set_vod: has(p::ORGANISATION_SET_VOD),
            can_list_users: has(p::USER_LIST),
            can_get_user: has(p::USER_GET),
            can_invite: has(p::INVITE_CREATE),
            can_list_invites: has(p::INVITE_LIST),
            can_revoke_invites: has(p::INVITE_REVOKE),
            can_change_roles: has(p::USER_SET_PERMISSION),
            can_reset_tokens: has(p::USER_RESET_TOKEN),
            can_delete_users: has(p::USER_DELETE),
            can_list_roles: has(p::PERMISSION_LIST),
            can_see_tags: has(p::TAG_GET),
        }
    }

    /// Nothing allowed: the state before `GET /user/me` answered.
    pub fn none() -> Self {
        Self::default()
    }
}

/// Why a control is read-only for this role, for the sentence shown next to it.
pub const WEBHOOK_READ_ONLY_REASON: &str = "Only admins can change the webhook.";
/// Why the VOD switch is disabled for this role.
pub const VOD_READ_ONLY_REASON: &str = "Only admins can change VOD public access.";

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::permission::{DEFAULT_ROLES, ROLE_ADMIN, ROLE_READONLY, ROLE_USER};

    fn caps(role: &str) -> Capabilities {
        let r = DEFAULT_ROLES.iter().find(|r| r.name == role).unwrap();
        Capabilities::from_permissions(r.permissions)
    }

    #[test]
    fn admin_sees_and_edits_everything() {
        let c = caps(ROLE_ADMIN);
        assert!(c.can_see_api_key && c.can_see_player_key);
        assert!(c.can_set_webhook && c.can_set_vod);
        assert!(c.can_list_users && c.can_invite && c.can_delete_users);
        assert!(c.can_change_roles && c.can_reset_tokens && c.can_see_tags);
    }

    #[test]
    fn user_lists_users_but_administers_nothing() {
        let c = caps(ROLE_USER);
        assert!(!c.can_see_api_key && c.can_see_player_key);
        assert!(!c.can_set_webhook && !c.can_set_vod);
        assert!(c.can_list_users && !c.can_invite && !c.can_delete_users);
        assert!(c.can_see_tags);
    }

    #[test]
    fn read_only_sees_the_profile_and_tags_only() {
        let c = caps(ROLE_READONLY);
        assert!(c.can_see_organisation && c.can_see_player_key && c.can_see_tags);
        assert!(!c.can_see_api_key && !c.can_list_users && !c.can_invite);
        assert!(!c.can_set_webhook && !c.can_set_vod);
    }

    #[test]
    fn a_custom_role_gets_exactly_its_permissions() {
        let c = Capabilities::from_permissions(&["Organisation:SetWebhook".to_string()]);
        assert!(c.can_set_webhook);
        assert_eq!(
            Capabilities {
                can_set_webhook: false,
                ..c
            },
            Capabilities::none()
        );
    }
}
