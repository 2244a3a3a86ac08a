//! Roles (permission profiles): `GET /permission/list`, `GET /permission?name=`.

use serde::{Deserialize, Serialize};

use crate::permission::Permission;

/// A role of the organisation: one of the defaults or a custom one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// Internal name, e.g. `nanoAdmin`; what `PUT /user/permission` takes.
    pub name: String,
    /// Name shown to people, e.g. `Admin`.
    pub display_name: String,
    /// What the role is for, for people.
    pub description: String,
    /// Systems the role's tokens reach, e.g. `Bintu`, `Metrics`.
    pub audiences: Vec<String>,
    /// What the role may do; a name this contract does not know arrives as
    /// `Permission::Other` and travels back unchanged.
    pub permissions: Vec<Permission>,
    /// True for nanoAdmin, nanoUser and nanoReadOnly.
    pub is_default: bool,
    /// Users holding this role now.
    pub user_count: u64,
}

impl Role {
    /// Whether this role grants `permission`.
    pub fn allows(&self, permission: &Permission) -> bool {
        self.permissions.contains(permission)
    }
}

/// Answer of `GET /permission/list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleList {
    pub roles: Vec<Role>,
}
