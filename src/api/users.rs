//! `GET /user`, `GET|DELETE /user/{id}`, `PUT /user/permission`, `PUT /user/tokenkey`.

use bintu_wire::{Page, ResetTokenKeyRequest, SetPermissionRequest, User, UserQuery};

use super::{encode_query, join_query, ApiClient, ApiError, Method};

const USERS: &str = "/user";

/// One page of users as `query` filters and sorts them.
pub async fn list(api: &ApiClient, query: &UserQuery) -> Result<Page<User>, ApiError> {
    api.get(&list_path(query)?).await
}

/// The path [`list`] asks for `query` (`/user?sort=email&…`).
pub fn list_path(query: &UserQuery) -> Result<String, ApiError> {
    Ok(join_query(USERS, &encode_query(query)?))
}

/// One user.
pub async fn get(api: &ApiClient, id: i64) -> Result<User, ApiError> {
    api.get(&format!("{USERS}/{id}")).await
}

/// Deletes a user (their tokens stop working with them).
pub async fn delete(api: &ApiClient, id: i64) -> Result<(), ApiError> {
    api.delete(&format!("{USERS}/{id}")).await
}

/// Gives a user another role; answers the updated user.
pub async fn set_role(api: &ApiClient, id: i64, role: String) -> Result<User, ApiError> {
    let body = SetPermissionRequest { user_id: id, role };
    api.send(Method::PUT, "/user/permission", &body).await
}

/// Renews a user's token key, which ends all their bintu tokens; answers the user
/// with the new key.
pub async fn reset_token_key(api: &ApiClient, id: i64) -> Result<User, ApiError> {
    let body = ResetTokenKeyRequest { user_id: id };
    api.send(Method::PUT, "/user/tokenkey", &body).await
}

#[cfg(test)]
mod tests {
    use crate::domain::users_view::UsersView;

    #[test]
    fn the_api_path_always_names_sort_and_page() {
        let v = UsersView::default().with_search("a&b");
        assert_eq!(
            super::list_path(&v.api_query()).unwrap(),
            "/user?q=a%26b&sort=email&order=asc&page=1&pageSize=25"
        );
    }
}
