//! The user-administration guards, as pure functions so they are easy to test:
//! nobody deletes or demotes themselves, the last admin stays an admin, and nobody
//! hands out more rights than they hold.

use bintu_wire::permission::ROLE_ADMIN;
use bintu_wire::Permission;
use bintu_wire::Role;

use crate::error::ApiError;

/// What a guard needs to know about the change.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The acting user, or None when acting with the organisation's API key.
    pub actor_id: Option<i64>,
    pub target_id: i64,
    /// The target's current role.
    pub target_role: &'a str,
    /// How many users hold the admin role now.
    pub admin_count: u64,
}

/// May the actor delete the target?
pub fn check_delete(t: Target<'_>) -> Result<(), ApiError> {
    if t.actor_id == Some(t.target_id) {
        return Err(ApiError::Guarded(
            "You cannot delete your own account. Ask another admin to do it.".into(),
        ));
    }
    if t.target_role == ROLE_ADMIN && t.admin_count <= 1 {
        return Err(ApiError::Guarded(
            "This is the last admin of the organisation and cannot be deleted. Make another user an admin first."
                .into(),
        ));
    }
    Ok(())
}

/// May the actor give the target `new_role`? Keeping the same role is always fine.
pub fn check_set_role(t: Target<'_>, new_role: &str) -> Result<(), ApiError> {
    if new_role == t.target_role {
        return Ok(());
    }
    if t.actor_id == Some(t.target_id) {
        return Err(ApiError::Guarded(
            "You cannot change your own role. Ask another admin to do it.".into(),
        ));
    }
    if t.target_role == ROLE_ADMIN && t.admin_count <= 1 {
        return Err(ApiError::Guarded(
            "This is the last admin of the organisation and cannot be demoted. Make another user an admin first."
                .into(),
        ));
    }
    Ok(())
}

/// May someone holding `own` grant a role holding `granted` (by role change or
/// invite)? Only if every granted permission is one of their own: no escalation
/// through custom roles.
pub fn check_no_escalation(own: &[Permission], granted: &[Permission]) -> Result<(), ApiError> {
    match granted.iter().find(|p| !own.contains(p)) {
        Some(missing) => Err(ApiError::Forbidden(format!(
            "You cannot grant a role with permissions you do not hold yourself ({missing})."
        ))),
        None => Ok(()),
    }
}

/// May a holder of `creator` invite someone into `invited`? Checked when the invite
/// is created and again when it is accepted, so an invite dies with its creator's
/// right to issue it.
pub fn may_invite(creator: &Role, invited: &Role) -> bool {
    creator.allows(&Permission::InviteCreate)
        && check_no_escalation(&creator.permissions, &invited.permissions).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::error::code;

    fn t(actor: Option<i64>, target: i64, role: &str, admins: u64) -> Target<'_> {
        Target {
            actor_id: actor,
            target_id: target,
            target_role: role,
            admin_count: admins,
        }
    }

    fn code_of(r: Result<(), ApiError>) -> Option<u32> {
        r.err().map(|e| e.status_and_code().1)
    }

    #[test]
    fn self_delete_and_last_admin_are_guarded() {
        assert_eq!(
            code_of(check_delete(t(Some(1), 1, "nanoUser", 3))),
            Some(code::GUARDED)
        );
        assert_eq!(
            code_of(check_delete(t(Some(1), 2, ROLE_ADMIN, 1))),
            Some(code::GUARDED)
        );
        // The API key has no self, but the last-admin guard still applies.
        assert_eq!(
            code_of(check_delete(t(None, 2, ROLE_ADMIN, 1))),
            Some(code::GUARDED)
        );
        assert!(check_delete(t(Some(1), 2, ROLE_ADMIN, 2)).is_ok());
        assert!(check_delete(t(None, 2, "nanoUser", 1)).is_ok());
    }

    #[test]
    fn self_demotion_and_last_admin_demotion_are_guarded() {
        assert!(check_set_role(t(Some(1), 1, ROLE_ADMIN, 1), ROLE_ADMIN).is_ok());
        assert_eq!(
            code_of(check_set_role(t(Some(1), 1, ROLE_ADMIN, 5), "nanoUser")),
            Some(code::GUARDED)
        );
        assert_eq!(
            code_of(check_set_role(t(None, 2, ROLE_ADMIN, 1), "nanoUser")),
            Some(code::GUARDED)
        );
        assert!(check_set_role(t(Some(1), 2, ROLE_ADMIN, 2), "nanoUser").is_ok());
        assert!(check_set_role(t(Some(1), 2, "nanoUser", 1), ROLE_ADMIN).is_ok());
    }

    #[test]
    fn no_escalation_beyond_own_permissions() {
        let p = |name: &str| Permission::parse(name);
        let own = vec![p("A"), p("B")];
        assert!(check_no_escalation(&own, &[p("A")]).is_ok());
        assert_eq!(
            code_of(check_no_escalation(&own, &[p("A"), p("C")])),
            Some(code::ACCESS_DENIED)
        );
    }
}
