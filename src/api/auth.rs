//! `POST /user/validate`, `GET /user/me`, `POST /user/logout`.

use bintu_wire::{LoginRequest, LoginResponse, Me};

use super::{ApiClient, ApiError};

/// Who the token belongs to (also asked early by `public/early-session.js`).
pub const ME_PATH: &str = "/user/me";

/// Checks email and password; the answer carries the session token.
pub async fn validate(
    api: &ApiClient,
    email: String,
    password: String,
) -> Result<LoginResponse, ApiError> {
    api.post("/user/validate", &LoginRequest { email, password })
        .await
}

/// Who the current token belongs to, with their role.
pub async fn me(api: &ApiClient) -> Result<Me, ApiError> {
    api.get(ME_PATH).await
}

/// Ends the current token on the server.
pub async fn logout(api: &ApiClient) -> Result<(), ApiError> {
    api.post_empty("/user/logout").await
}
