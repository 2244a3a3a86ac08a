//! Permissions (`Resource:Verb`) and the three default roles.
//!
//! A role is a list of [`Permission`]s; the backend checks them on every endpoint and
//! the console reads the same list to decide what to show.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A `Resource:Verb` permission. On the wire it is its name, e.g. `"User:List"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read the organisation profile (name, levels, packages, webhook, VOD flag).
    OrganisationGet,
    /// Receive the organisation's master API key.
    OrganisationGetApiKey,
    /// Receive the player key.
    OrganisationGetPlayerKey,
    /// Change the webhook endpoint.
    OrganisationSetWebhook,
    /// Change whether VOD content is public.
    OrganisationSetVod,
    /// List the organisation's users.
    UserList,
    /// Read one user.
    UserGet,
    /// Change a user's role.
    UserSetPermission,
    /// Renew a user's token key (invalidates their bintu tokens).
    UserResetTokenKey,
    /// Delete a user.
    UserDelete,
    /// Create an invite token.
    InviteCreate,
    /// List pending invite tokens.
    InviteList,
    /// Revoke an invite token.
    InviteRevoke,
    /// Read the activity log (who changed what, when).
    ActivityList,
    /// List the organisation's roles and their permissions.
    PermissionList,
    /// Read one role by its name (`GET /permission`; bintu: nanoAdmin only).
    PermissionGet,
    /// Read tags.
    TagGet,
    /// Create tags.
    TagCreate,
    /// Rename tags.
    TagEdit,
    /// Delete tags.
    TagDelete,
    /// Read metrics keys (other systems; shown in permission overviews only).
    MetricKeyGet,
    /// List streams (other systems; shown in permission overviews only).
    StreamGet,
    /// Create streams (other systems; shown in permission overviews only).
    StreamCreate,
    /// A name this contract does not know (a real backend may add some), kept as
    /// sent so it still shows and travels back unchanged.
    Other(String),
}

/// Every permission this contract knows, in display order.
pub const ALL: &[Permission] = &[
    Permission::OrganisationGet,
    Permission::OrganisationGetApiKey,
    Permission::OrganisationGetPlayerKey,
    Permission::OrganisationSetWebhook,
    Permission::OrganisationSetVod,
    Permission::UserList,
    Permission::UserGet,
    Permission::UserSetPermission,
    Permission::UserResetTokenKey,
    Permission::UserDelete,
    Permission::InviteCreate,
    Permission::InviteList,
    Permission::InviteRevoke,
    Permission::ActivityList,
    Permission::PermissionList,
    Permission::PermissionGet,
    Permission::TagGet,
    Permission::TagCreate,
    Permission::TagEdit,
    Permission::TagDelete,
    Permission::MetricKeyGet,
    Permission::StreamGet,
    Permission::StreamCreate,
];

impl Permission {
    /// The wire name, e.g. `User:List`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::OrganisationGet => "Organisation:Get",
            Self::OrganisationGetApiKey => "Organisation:GetApiKey",
            Self::OrganisationGetPlayerKey => "Organisation:GetPlayerKey",
            Self::OrganisationSetWebhook => "Organisation:SetWebhook",
            Self::OrganisationSetVod => "Organisation:SetVod",
            Self::UserList => "User:List",
            Self::UserGet => "User:Get",
            Self::UserSetPermission => "User:SetPermission",
            Self::UserResetTokenKey => "User:ResetTokenKey",
            Self::UserDelete => "User:Delete",
            Self::InviteCreate => "InviteToken:Create",
            Self::InviteList => "InviteToken:List",
            Self::InviteRevoke => "InviteToken:Revoke",
            Self::ActivityList => "Activity:List",
            Self::PermissionList => "Permission:List",
            Self::PermissionGet => "Permission:Get",
            Self::TagGet => "Tag:Get",
            Self::TagCreate => "Tag:Create",
            Self::TagEdit => "Tag:Edit",
            Self::TagDelete => "Tag:Delete",
            Self::MetricKeyGet => "MetricKey:Get",
            Self::StreamGet => "Stream:GetStreams",
            Self::StreamCreate => "Stream:CreateStream",
            Self::Other(name) => name,
        }
    }

    /// The permission named `name`; an unknown name is [`Permission::Other`].
    pub fn parse(name: &str) -> Self {
        ALL.iter()
            .find(|p| p.as_str() == name)
            .cloned()
            .unwrap_or_else(|| Self::Other(name.to_owned()))
    }

    /// Position in [`ALL`]; `None` for an unknown permission.
    pub fn display_rank(&self) -> Option<usize> {
        ALL.iter().position(|p| p == self)
    }
}

impl AsRef<str> for Permission {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Permission {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Permission {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Ok(Self::parse(&name))
    }
}

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
    pub permissions: &'static [Permission],
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
            Permission::OrganisationGet,
            Permission::OrganisationGetPlayerKey,
            Permission::UserList,
            Permission::UserGet,
            Permission::PermissionList,
            Permission::TagGet,
            Permission::TagCreate,
            Permission::TagEdit,
            Permission::MetricKeyGet,
            Permission::StreamGet,
            Permission::StreamCreate,
        ],
    },
    DefaultRole {
        name: ROLE_READONLY,
        display_name: "Read Only",
        description: "Default read-only permission profile for organisation member.",
        audiences: &["Bintu", "Metrics"],
        permissions: &[
            Permission::OrganisationGet,
            Permission::OrganisationGetPlayerKey,
            Permission::TagGet,
            Permission::StreamGet,
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
        let has = |r: &DefaultRole, p: &Permission| r.permissions.contains(p);
        // get API key: admin only
        assert!(has(admin, &Permission::OrganisationGetApiKey));
        assert!(
            !has(user, &Permission::OrganisationGetApiKey)
                && !has(ro, &Permission::OrganisationGetApiKey)
        );
        // player key: everyone
        assert!([admin, user, ro]
            .iter()
            .all(|r| has(r, &Permission::OrganisationGetPlayerKey)));
        // webhook and VOD: admin only
        for p in [
            Permission::OrganisationSetWebhook,
            Permission::OrganisationSetVod,
        ] {
            assert!(has(admin, &p) && !has(user, &p) && !has(ro, &p));
        }
        // list users and roles: admin and user
        for p in [Permission::UserList, Permission::PermissionList] {
            assert!(has(admin, &p) && has(user, &p) && !has(ro, &p));
        }
        // one role by name: admin only
        assert!(
            has(admin, &Permission::PermissionGet)
                && !has(user, &Permission::PermissionGet)
                && !has(ro, &Permission::PermissionGet)
        );
        // user administration: admin only
        for p in [
            Permission::InviteCreate,
            Permission::UserSetPermission,
            Permission::UserResetTokenKey,
            Permission::UserDelete,
            Permission::ActivityList,
        ] {
            assert!(has(admin, &p) && !has(user, &p) && !has(ro, &p));
        }
        // tags
        assert!([admin, user, ro]
            .iter()
            .all(|r| has(r, &Permission::TagGet)));
        assert!(has(user, &Permission::TagCreate) && !has(ro, &Permission::TagCreate));
        assert!(has(admin, &Permission::TagDelete) && !has(user, &Permission::TagDelete));
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
    fn permissions_travel_as_their_names_and_unknown_ones_survive() {
        let json = r#"["User:List","Stream:Teleport"]"#;
        let parsed: Vec<Permission> = serde_json::from_str(json).unwrap();
        assert_eq!(
            parsed,
            [
                Permission::UserList,
                Permission::Other("Stream:Teleport".into())
            ]
        );
        assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
        for p in ALL {
            assert_eq!(Permission::parse(p.as_str()), *p);
        }
    }

    #[test]
    fn split_separates_resource_and_verb() {
        assert_eq!(split("Organisation:SetVod"), ("Organisation", "SetVod"));
        assert_eq!(split("Odd"), ("Odd", ""));
    }
}
