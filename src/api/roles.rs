//! `GET /permission/list`, and the roles resource the user pages share.

use bintu_wire::{Role, RoleList};
use leptos::prelude::*;

use super::{use_api, ApiClient, ApiError};

/// Every role of the organisation (defaults first), with its user count.
pub async fn list(api: &ApiClient) -> Result<Vec<Role>, ApiError> {
    api.get::<RoleList>("/permission/list")
        .await
        .map(|l| l.roles)
}

/// The roles as a page loads them.
pub type RolesResource = LocalResource<Result<Vec<Role>, ApiError>>;

/// Loads the roles, again whenever `version` changes (e.g. after a change of user
/// counts). While `allowed` is false (a role without `Permission:List`) it makes no
/// request and gets no roles.
pub fn use_roles(version: RwSignal<u32>, allowed: Signal<bool>) -> RolesResource {
    let api = use_api();
    LocalResource::new(move || {
        version.track();
        let api = api.clone();
        let allowed = allowed.get();
        async move {
            if allowed {
                list(&api).await
            } else {
                Ok(Vec::new())
            }
        }
    })
}

/// The loaded roles; empty while loading or after a failure, when pages fall back to
/// the internal role names.
pub fn loaded(roles: RolesResource) -> Signal<Vec<Role>> {
    Signal::derive(move || {
        roles
            .try_get()
            .flatten()
            .and_then(Result::ok)
            .unwrap_or_default()
    })
}
