//! `GET /permission/list`, and the roles resource the user pages share.

use bintu_wire::{Role, RoleList};
use leptos::prelude::*;

use super::{use_api, ApiClient, ApiError};

/// The path of [`list`].
pub const PATH: &str = "/permission/list";

/// Every role of the organisation (defaults first), with its user count.
pub async fn list(api: &ApiClient) -> Result<Vec<Role>, ApiError> {
    api.get::<RoleList>(PATH).await.map(|l| l.roles)
}

/// A first answer a page already has in hand (see [`use_roles_first`]).
pub type FirstRoles = std::pin::Pin<Box<dyn std::future::Future<Output = Option<Vec<Role>>>>>;

/// The roles as a page loads them.
pub type RolesResource = LocalResource<Result<Vec<Role>, ApiError>>;

/// Loads the roles, again whenever `version` changes (e.g. after a change of user
/// counts). While `allowed` is false (a role without `Permission:List`) it makes no
/// request and gets no roles.
pub fn use_roles(version: RwSignal<u32>, allowed: Signal<bool>) -> RolesResource {
    use_roles_first(version, allowed, None)
}

/// As [`use_roles`]; the first load takes the roles `first` brings, if any, instead
/// of asking (the standalone page's early request, `crate::session::early`).
pub fn use_roles_first(
    version: RwSignal<u32>,
    allowed: Signal<bool>,
    first: Option<FirstRoles>,
) -> RolesResource {
    let api = use_api();
    let first = StoredValue::new_local(first);
    LocalResource::new(move || {
        version.track();
        let api = api.clone();
        let allowed = allowed.get();
        let first = first.try_update_value(Option::take).flatten();
        async move {
            if !allowed {
                return Ok(Vec::new());
            }
            if let Some(first) = first {
                if let Some(roles) = first.await {
                    return Ok(roles);
                }
            }
            list(&api).await
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
