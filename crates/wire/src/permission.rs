//! Permission names (`Resource:Verb`) and the three default roles.
//!
//! A role is a list of these names; the backend checks them on every endpoint and
//! the console reads the same list to decide what to show.

/// Read the organisation profile (name, levels, packages, webhook, VOD flag).
pub const ORGANISATION_GET: &str = "Organisation:Get";
/// Receive the organisation's master API key.
pub const ORGANISATION_GET_APIKEY: &str = "Organisation:GetApiKey";
/// Receive the player key.
pub const ORGANISATION_GET_PLAYERKEY: &str = "Organisation:GetPlayerKey";
/// Change the webhook endpoint.
pub const ORGANISATION_SET_WEBHOOK: &str = "Organisation:SetWebhook";
/// Change whether VOD content is public.
pub const ORGANISATION_SET_VOD: &str = "Organisation:SetVod";
/// List the organisation's users.
pub const USER_LIST: &str = "User:List";
/// Read one user.
pub const USER_GET: &str = "User:Get";
/// Change a user's role.
pub const USER_SET_PERMISSION: &str = "User:SetPermission";
/// Renew a user's token key (invalidates their bintu tokens).
pub const USER_RESET_TOKEN: &str = "User:ResetTokenKey";
/// Delete a user.
pub const USER_DELETE: &str = "User:Delete";
/// Create an invite token.
pub const INVITE_CREATE: &str = "InviteToken:Create";
/// List pending invite tokens.
pub const INVITE_LIST: &str = "InviteToken:List";
/// Revoke an invite token.
pub const INVITE_REVOKE: &str = "InviteToken:Revoke";
/// List the organisation's roles and their permissions.
pub const PERMISSION_LIST: &str = "Permission:List";
/// Read tags.
pub const TAG_GET: &str = "Tag:Get";
/// Create tags.
pub const TAG_CREATE: &str = "Tag:Create";
/// Rename tags.
pub const TAG_EDIT: &str = "Tag:Edit";
/// Delete tags.
pub const TAG_DELETE: &str = "Tag:Delete";
/// Read metrics keys (other systems; shown in permission overviews only).
pub const METRICKEY_GET: &str = "MetricKey:Get";
/// List streams (other systems; shown in permission overviews only).
pub const STREAM_GET: &str = "Stream:GetStreams";
/// Create streams (other systems; shown in permission overviews only).
pub const STREAM_CREATE: &str = "Stream:CreateStream";

/// Every permission this contract knows, in display order.
pub const ALL: &[&str] = &[
    ORGANISATION_GET,
    ORGANISATION_GET_APIKEY,
    ORGANISATION_GET_PLAYERKEY,
    ORGANISATION_SET_WEBHOOK,
    ORGANISATION_SET_VOD,
    USER_LIST,
    USER_GET,
    USER_SET_PERMISSION,
    USER_RESET_TOKEN,
    USER_DELETE,
    INVITE_CREATE,
    INVITE_LIST,
    INVITE_REVOKE,
    PERMISSION_LIST,
    TAG_GET,
    TAG_CREATE,
    TAG_EDIT,
    TAG_DELETE,
    METRICKEY_GET,
    STREAM_GET,
    STREAM_CREATE,
];

/// Internal name of the default admin role.
pub const ROLE_ADMIN: &str = "nanoAdmin";
/// Internal name of the default member role.
pub const ROLE_USER: &str = "nanoUser";
/// Internal name of the default read-only role.
pub const ROLE_READONLY: &str = "nanoReadOnly";

/// Audiences: the systems a role's token reaches.
pub const AUDIENCES: &[&str] = &["Bintu", "Metrics", "Guardian", "Splay", "Secure-Conference"];

/// A default role as the backend seeds it.
pub struct DefaultRole {
    pub name: &'static str,
    pub display_name: &'static str,
    pub description: &'static str,
    pub audiences: &'static [&'static str],
    pub permissions: &'static [&'static str],
}

/// The three default roles, with the capability table of the bintu documentation.
pub const DEFAULT_ROLES: &[DefaultRole] = &[
    DefaultRole {
        name: ROLE_ADMIN,
        display_name: "Admin",
        description:
            "Default administrative permission profile with full access to the organisation.",
        audiences: AUDIENCES,
        permissions: ALL,
    },
    DefaultRole {
        name: ROLE_USER,
        display_name: "User",
        description: "Default restricted permission profile for organisation member.",
        audiences: &["Bintu", "Metrics", "Splay"],
        permissions: &[
            ORGANISATION_GET,
            ORGANISATION_GET_PLAYERKEY,
            USER_LIST,
            USER_GET,
            PERMISSION_LIST,
            TAG_GET,
            TAG_CREATE,
            TAG_EDIT,
            METRICKEY_GET,
            STREAM_GET,
            STREAM_CREATE,
        ],
    },
    DefaultRole {
        name: ROLE_READONLY,
        display_name: "Read Only",
        description: "Default read-only permission profile for organisation member.",
        audiences: &["Bintu", "Metrics"],
        permissions: &[
            ORGANISATION_GET,
            ORGANISATION_GET_PLAYERKEY,
            TAG_GET,
            STREAM_GET,
        ],
    },
];

/// Splits `Resource:Verb` into its parts; a name without a colon is all resource.
pub fn split(permission: &str) -> (&str, &str) {
    permission.split_once(':').unwrap_or((permission, ""))
}

/// Whether `name` is one of the three default roles.
pub fn is_default_role(name: &str) -> bool {
    DEFAULT_ROLES.iter().any(|r| r.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> &'static DefaultRole {
        DEFAULT_ROLES.iter().find(|r| r.name == name).unwrap()
    }

    #[test]
    fn capability_table_matches_the_bintu_documentation() {
        let (admin, user, ro) = (role(ROLE_ADMIN), role(ROLE_USER), role(ROLE_READONLY));
        let has = |r: &DefaultRole, p: &str| r.permissions.contains(&p);
        // get API key: admin only
        assert!(has(admin, ORGANISATION_GET_APIKEY));
        assert!(!has(user, ORGANISATION_GET_APIKEY) && !has(ro, ORGANISATION_GET_APIKEY));
        // player key: everyone
        assert!([admin, user, ro]
            .iter()
            .all(|r| has(r, ORGANISATION_GET_PLAYERKEY)));
        // webhook and VOD: admin only
        for p in [ORGANISATION_SET_WEBHOOK, ORGANISATION_SET_VOD] {
            assert!(has(admin, p) && !has(user, p) && !has(ro, p));
        }
        // list users: admin and user
        assert!(has(admin, USER_LIST) && has(user, USER_LIST) && !has(ro, USER_LIST));
        // user administration: admin only
        for p in [
            INVITE_CREATE,
            USER_SET_PERMISSION,
            USER_RESET_TOKEN,
            USER_DELETE,
        ] {
            assert!(has(admin, p) && !has(user, p) && !has(ro, p));
        }
        // tags
        assert!([admin, user, ro].iter().all(|r| has(r, TAG_GET)));
        assert!(has(user, TAG_CREATE) && !has(ro, TAG_CREATE));
        assert!(has(admin, TAG_DELETE) && !has(user, TAG_DELETE));
    }

    #[test]
    fn every_default_permission_is_known() {
        for r in DEFAULT_ROLES {
            for p in r.permissions {
                assert!(ALL.contains(p), "{p} of {} is not in ALL", r.name);
            }
        }
    }

    #[test]
    fn split_separates_resource_and_verb() {
        assert_eq!(split("Organisation:SetVod"), ("Organisation", "SetVod"));
        assert_eq!(split("Odd"), ("Odd", ""));
    }
}
