//! `GET /user`, `GET|DELETE /user/{id}`, `PUT /user/permission`, `PUT /user/tokenkey`.

use bintu_wire::{Page, ResetTokenKeyRequest, SetPermissionRequest, User};

use super::{ApiClient, ApiError};
use crate::domain::users_view::UsersView;

/// One page of users as `view` filters and sorts them.
pub async fn list(api: &ApiClient, view: &UsersView) -> Result<Page<User>, ApiError> {
    api.get(&view.api_path()).await
}

/// One user.
pub async fn get(api: &ApiClient, id: i64) -> Result<User, ApiError> {
    api.get(&format!("/user/{id}")).await
}

/// Deletes a user (their tokens stop working with them).
pub async fn delete(api: &ApiClient, id: i64) -> Result<(), ApiError> {
    api.delete(&format!("/user/{id}")).await
}

/// Gives a user another role; answers the updated user.
pub async fn set_role(api: &ApiClient, id: i64, role: String) -> Result<User, ApiError> {
    api.put(
        "/user/permission",
        &SetPermissionRequest { user_id: id, role },
    )
    .await
}

/// Renews a user's token key, which ends all their bintu tokens; answers the user
/// with the new key.
pub async fn reset_token_key(api: &ApiClient, id: i64) -> Result<User, ApiError> {
    api.put("/user/tokenkey", &ResetTokenKeyRequest { user_id: id })
        .await
}
