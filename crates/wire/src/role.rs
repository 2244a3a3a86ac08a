//! Roles (permission profiles): `GET /permission/list`, `GET /permission?name=`.

use serde::{Deserialize, Serialize};

/// A role of the organisation: one of the defaults or a custom one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// Internal name, e.g. `nanoAdmin`; what `PUT /user/permission` takes.
    pub name: String,
    /// Name shown to people, e.g. `Admin`.
    pub display_name: String,
    pub description: String,
    /// Systems the role's tokens reach, e.g. `Bintu`, `Metrics`.
    pub audiences: Vec<String>,
    /// `Resource:Verb` names, see [`crate::permission`].
    pub permissions: Vec<String>,
    /// True for nanoAdmin, nanoUser and nanoReadOnly.
    pub is_default: bool,
    /// Users holding this role now.
    pub user_count: u64,
}

impl Role {
    /// Whether this role grants `permission`.
    pub fn allows(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| p == permission)
    }
}

/// Answer of `GET /permission/list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleList {
    pub roles: Vec<Role>,
}
