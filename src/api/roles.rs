//! `GET /permission/list`.

use bintu_wire::{Role, RoleList};

use super::{ApiClient, ApiError};

/// Every role of the organisation (defaults first), with its user count.
pub async fn list(api: &ApiClient) -> Result<Vec<Role>, ApiError> {
    api.get::<RoleList>("/permission/list")
        .await
        .map(|l| l.roles)
}
