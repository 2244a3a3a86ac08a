//! `POST|GET /invite`, `DELETE /invite/{id}`, and the unauthenticated
//! `POST /invite/lookup` and `POST /invite/accept`. The secret token travels in
//! bodies only.

use bintu_wire::{
    AcceptInviteRequest, CreateInviteRequest, CreatedInvite, Invite, InviteList,
    InviteLookupRequest, InviteOffer, LoginResponse,
};

use super::{ApiClient, ApiError};

/// Creates an invitation for `role`, valid for `hours`; the answer is the only time
/// the token is shown.
pub async fn create(api: &ApiClient, role: String, hours: u32) -> Result<CreatedInvite, ApiError> {
    let body = CreateInviteRequest {
        role,
        expires_in_hours: Some(hours),
    };
    api.post("/invite", &body).await
}

/// Pending invitations (not used, revoked or expired).
pub async fn list(api: &ApiClient) -> Result<Vec<Invite>, ApiError> {
    api.get::<InviteList>("/invite").await.map(|l| l.invites)
}

/// Revokes an invitation; its link stops working.
pub async fn revoke(api: &ApiClient, id: i64) -> Result<(), ApiError> {
    api.delete(&format!("/invite/{id}")).await
}

/// What an invitation offers (organisation, role, expiry); 410 if it is no longer valid.
pub async fn lookup(api: &ApiClient, token: String) -> Result<InviteOffer, ApiError> {
    api.post("/invite/lookup", &InviteLookupRequest { token })
        .await
}

/// Signs up with the invitation and logs in.
pub async fn accept(
    api: &ApiClient,
    token: String,
    email: String,
    password: String,
) -> Result<LoginResponse, ApiError> {
    api.post(
        "/invite/accept",
        &AcceptInviteRequest {
            token,
            email,
            password,
        },
    )
    .await
}
