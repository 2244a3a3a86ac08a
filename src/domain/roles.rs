//! Roles for people: permissions grouped and described, the difference between two
//! roles, and display names.

use bintu_wire::permission::{self as p, split};
use bintu_wire::{Permission, Role};

/// A role's permissions on one resource, e.g. `Organisation` → `[Get, SetVod]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionGroup {
    pub resource: String,
    /// Full `Resource:Verb` names, in the contract's order.
    pub permissions: Vec<String>,
}

/// Groups `Resource:Verb` names by resource: known permissions in the contract's
/// order, unknown ones after them in the order given; no duplicates.
pub fn group_by_resource<S: AsRef<str>>(permissions: &[S]) -> Vec<PermissionGroup> {
    let mut groups: Vec<PermissionGroup> = Vec::new();
    for name in in_display_order(permissions) {
        let resource = split(&name).0.to_string();
        match groups.iter_mut().find(|g| g.resource == resource) {
            Some(g) => g.permissions.push(name),
            None => groups.push(PermissionGroup {
                resource,
                permissions: vec![name],
            }),
        }
    }
    groups
}

/// What a permission lets its holder do, in words; unknown names as they are.
pub fn describe(permission: &str) -> &str {
    use Permission as P;
    match Permission::parse(permission) {
        P::OrganisationGet => crate::tr!(roles.view_the_organisation_profile),
        P::OrganisationGetApiKey => crate::tr!(roles.see_the_organisation_s_api),
        P::OrganisationGetPlayerKey => crate::tr!(roles.see_the_player_key),
        P::OrganisationSetWebhook => crate::tr!(roles.change_the_webhook),
        P::OrganisationSetVod => crate::tr!(roles.change_vod_public_access),
        P::UserList => crate::tr!(roles.list_the_organisation_s_users),
        P::UserGet => crate::tr!(roles.view_a_user),
        P::UserSetPermission => crate::tr!(roles.change_a_user_s_permission),
        P::UserResetTokenKey => crate::tr!(roles.reset_a_user_s_token),
        P::UserDelete => crate::tr!(roles.delete_users),
        P::InviteCreate => crate::tr!(roles.invite_new_users),
        P::InviteList => crate::tr!(roles.see_pending_invitations),
        P::InviteRevoke => crate::tr!(roles.revoke_invitations),
        P::ActivityList => crate::tr!(roles.read_the_activity_log),
        P::PermissionList => crate::tr!(roles.view_roles_and_their_permissions),
        P::PermissionGet => crate::tr!(roles.look_up_a_role_by),
        P::TagGet => crate::tr!(roles.view_tags),
        P::TagCreate => crate::tr!(roles.create_tags),
        P::TagEdit => crate::tr!(roles.rename_tags),
        P::TagDelete => crate::tr!(roles.delete_tags),
        P::MetricKeyGet => crate::tr!(roles.read_metrics_keys),
        P::StreamGet => crate::tr!(roles.list_streams),
        P::StreamCreate => crate::tr!(roles.create_streams),
        P::Other(_) => permission,
    }
}

/// What changes when a user moves from one role to another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PermissionDiff {
    /// Held by the new role only.
    pub gained: Vec<String>,
    /// Held by the current role only.
    pub lost: Vec<String>,
}

impl PermissionDiff {
    /// Whether both roles allow exactly the same.
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty() && self.lost.is_empty()
    }
}

/// The permissions gained and lost going from `current` to `next`.
pub fn diff<S: AsRef<str>, T: AsRef<str>>(current: &[S], next: &[T]) -> PermissionDiff {
    let has = |list: &[String], name: &str| list.iter().any(|x| x == name);
    let current = in_display_order(current);
    let next = in_display_order(next);
    PermissionDiff {
        gained: next.iter().filter(|x| !has(&current, x)).cloned().collect(),
        lost: current.iter().filter(|x| !has(&next, x)).cloned().collect(),
    }
}

/// Why the caller may not hand out `granted` (the backend refuses roles with
/// permissions the caller lacks), or `None` if they may.
pub fn grant_refusal<S: AsRef<str>, T: AsRef<str>>(own: &[S], granted: &[T]) -> Option<String> {
    let missing = granted
        .iter()
        .map(AsRef::as_ref)
        .filter(|g| !own.iter().any(|o| o.as_ref() == *g))
        .count();
    (missing > 0).then(|| crate::tr_count!(roles.it_has_permission_you_do, missing))
}

/// The display name of role `name` (e.g. `Admin` for `nanoAdmin`); the internal name
/// when the role is not in `roles`.
pub fn display_name(roles: &[Role], name: &str) -> String {
    roles
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.display_name.clone())
        .unwrap_or_else(|| name.to_string())
}

/// How many users hold the admin role, when the role list is known.
pub fn admin_count(roles: &[Role]) -> Option<u64> {
    roles
        .iter()
        .find(|r| r.name == p::ROLE_ADMIN)
        .map(|r| r.user_count)
}

/// Known permissions in the contract's order, then unknown ones; deduplicated.
fn in_display_order<S: AsRef<str>>(permissions: &[S]) -> Vec<String> {
    let given: Vec<&str> = permissions.iter().map(AsRef::as_ref).collect();
    let mut out: Vec<String> = p::ALL
        .iter()
        .filter(|k| given.contains(&k.as_str()))
        .map(|k| k.to_string())
        .collect();
    for name in given {
        if !out.iter().any(|x| x == name) {
            out.push(name.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::permission::{DEFAULT_ROLES, ROLE_ADMIN, ROLE_READONLY, ROLE_USER};

    fn perms(role: &str) -> Vec<String> {
        DEFAULT_ROLES
            .iter()
            .find(|r| r.name == role)
            .unwrap()
            .permissions
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn groups_follow_the_contract_order_and_keep_unknown_names() {
        let groups = group_by_resource(&["Tag:Get", "Custom:Thing", "Organisation:Get", "Tag:Get"]);
        let names: Vec<&str> = groups.iter().map(|g| g.resource.as_str()).collect();
        assert_eq!(names, ["Organisation", "Tag", "Custom"]);
        assert_eq!(groups[1].permissions, ["Tag:Get"]);
    }

    #[test]
    fn every_known_permission_has_words() {
        for name in p::ALL.iter().map(Permission::as_str) {
            assert_ne!(describe(name), name, "{name} has no description");
        }
        assert_eq!(describe("Odd:Thing"), "Odd:Thing");
    }

    #[test]
    fn demoting_a_user_to_read_only_lists_what_they_lose() {
        let d = diff(&perms(ROLE_USER), &perms(ROLE_READONLY));
        assert!(d.gained.is_empty());
        assert!(d.lost.contains(&Permission::UserList.to_string()));
        assert!(d.lost.contains(&Permission::TagCreate.to_string()));
        assert!(!d.lost.contains(&Permission::TagGet.to_string()));
    }

    #[test]
    fn promoting_to_admin_lists_what_they_gain_and_same_role_is_empty() {
        let d = diff(&perms(ROLE_READONLY), &perms(ROLE_ADMIN));
        assert!(d.lost.is_empty());
        assert_eq!(
            d.gained.first().map(String::as_str),
            Some(Permission::OrganisationGetApiKey.as_str())
        );
        assert!(diff(&perms(ROLE_USER), &perms(ROLE_USER)).is_empty());
    }

    #[test]
    fn nobody_grants_what_they_do_not_hold() {
        assert_eq!(grant_refusal(&perms(ROLE_ADMIN), &perms(ROLE_USER)), None);
        let why = grant_refusal(&perms(ROLE_USER), &perms(ROLE_ADMIN)).unwrap();
        assert!(why.contains("permissions you do not hold"), "{why}");
        assert_eq!(
            grant_refusal(&["A:B"], &["A:B", "C:D"]).unwrap(),
            "It has 1 permission you do not hold yourself."
        );
    }

    #[test]
    fn display_names_fall_back_to_the_internal_name() {
        let role = Role {
            name: "analyst".into(),
            display_name: "Analyst".into(),
            description: String::new(),
            audiences: vec![],
            permissions: vec![],
            is_default: false,
            user_count: 4,
        };
        assert_eq!(
            display_name(std::slice::from_ref(&role), "analyst"),
            "Analyst"
        );
        assert_eq!(display_name(&[role], "gone"), "gone");
        assert_eq!(admin_count(&[]), None);
    }
}
