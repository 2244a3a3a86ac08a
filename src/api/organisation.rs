//! `GET /organisation`, `PUT /organisation/webhook`, `POST /organisation/webhook/test`,
//! `GET|PUT /organisation/vod`.

use bintu_wire::{Organisation, VodBody, WebhookBody, WebhookTestResult};

use super::{ApiClient, ApiError, Method};

/// The organisation profile's path (also asked early by `public/early-session.js`).
pub const PATH: &str = "/organisation";

/// The organisation profile (keys only where the role may see them).
pub async fn get(api: &ApiClient) -> Result<Organisation, ApiError> {
    api.get(PATH).await
}

/// Sets the webhook endpoint (empty removes it); answers the stored value.
pub async fn set_webhook(api: &ApiClient, url: String) -> Result<WebhookBody, ApiError> {
    let body = WebhookBody { webhook: url };
    api.send(Method::PUT, "/organisation/webhook", &body).await
}

/// Sends a sample `publish` call to the saved webhook from the server; answers what
/// happened (an internal target refused by the server is an error).
pub async fn test_webhook(api: &ApiClient) -> Result<WebhookTestResult, ApiError> {
    /// The test takes no parameters: an empty object.
    #[derive(serde::Serialize)]
    struct NoParameters {}
    api.post("/organisation/webhook/test", &NoParameters {})
        .await
}

/// Whether VOD content is public.
pub async fn get_vod(api: &ApiClient) -> Result<VodBody, ApiError> {
    api.get("/organisation/vod").await
}

/// Makes VOD content public or private; answers the stored value.
pub async fn set_vod(api: &ApiClient, public: bool) -> Result<VodBody, ApiError> {
    api.send(Method::PUT, "/organisation/vod", &VodBody { public })
        .await
}
