//! What the UI shows per role: derived from the role's permission set, nothing kept
//! beside it.
//!
//! The backend enforces every permission; this only decides what is worth showing,
//! so a custom role gets exactly the controls its permissions allow.

use bintu_wire::Permission;

/// The current role's permissions, as the UI asks them: `caps.allows(Permission::UserList)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities(Vec<Permission>);

impl Capabilities {
    /// The capabilities of a role holding `permissions`.
    pub fn from_permissions(permissions: &[Permission]) -> Self {
        Self(permissions.to_vec())
    }

    /// Whether the role holds `permission`.
    pub fn allows(&self, permission: Permission) -> bool {
        self.0.contains(&permission)
    }

    /// Nothing allowed: the state before `GET /user/me` answered.
    pub fn none() -> Self {
        Self::default()
    }
}

/// Why a control is read-only for this role, for the sentence shown next to it.
pub fn webhook_read_only_reason() -> &'static str {
    crate::tr!(permissions.only_admins_can_change_the)
}
/// Why the VOD switch is disabled for this role.
pub fn vod_read_only_reason() -> &'static str {
    crate::tr!(permissions.only_admins_can_change_vod)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::permission::{ALL, DEFAULT_ROLES, ROLE_ADMIN, ROLE_READONLY, ROLE_USER};
    use Permission as P;

    fn caps(role: &str) -> Capabilities {
        let r = DEFAULT_ROLES.iter().find(|r| r.name == role).unwrap();
        Capabilities::from_permissions(r.permissions)
    }

    #[test]
    fn admin_sees_and_edits_everything() {
        let c = caps(ROLE_ADMIN);
        assert!(c.allows(P::OrganisationGetApiKey) && c.allows(P::OrganisationGetPlayerKey));
        assert!(c.allows(P::OrganisationSetWebhook) && c.allows(P::OrganisationSetVod));
        assert!(c.allows(P::UserList) && c.allows(P::InviteCreate) && c.allows(P::UserDelete));
        assert!(
            c.allows(P::UserSetPermission) && c.allows(P::UserResetTokenKey) && c.allows(P::TagGet)
        );
        assert!(c.allows(P::ActivityList));
    }

    #[test]
    fn only_admins_read_the_activity_log_by_default_and_any_role_may_be_given_it() {
        assert!(!caps(ROLE_USER).allows(P::ActivityList));
        assert!(!caps(ROLE_READONLY).allows(P::ActivityList));
        let auditor = Capabilities::from_permissions(&[P::parse("Activity:List")]);
        assert!(auditor.allows(P::ActivityList) && !auditor.allows(P::UserList));
    }

    #[test]
    fn user_lists_users_but_administers_nothing() {
        let c = caps(ROLE_USER);
        assert!(!c.allows(P::OrganisationGetApiKey) && c.allows(P::OrganisationGetPlayerKey));
        assert!(!c.allows(P::OrganisationSetWebhook) && !c.allows(P::OrganisationSetVod));
        assert!(c.allows(P::UserList) && !c.allows(P::InviteCreate) && !c.allows(P::UserDelete));
        assert!(c.allows(P::TagGet));
    }

    #[test]
    fn read_only_sees_the_profile_and_tags_only() {
        let c = caps(ROLE_READONLY);
        assert!(
            c.allows(P::OrganisationGet)
                && c.allows(P::OrganisationGetPlayerKey)
                && c.allows(P::TagGet)
        );
        assert!(
            !c.allows(P::OrganisationGetApiKey)
                && !c.allows(P::UserList)
                && !c.allows(P::InviteCreate)
        );
        assert!(!c.allows(P::OrganisationSetWebhook) && !c.allows(P::OrganisationSetVod));
    }

    #[test]
    fn a_custom_role_gets_exactly_its_permissions() {
        let c = Capabilities::from_permissions(&[P::parse("Organisation:SetWebhook")]);
        assert!(c.allows(P::OrganisationSetWebhook));
        assert!(ALL
            .iter()
            .filter(|p| **p != P::OrganisationSetWebhook)
            .all(|p| !c.allows(p.clone())));
        assert!(!Capabilities::none().allows(P::OrganisationSetWebhook));
    }
}
