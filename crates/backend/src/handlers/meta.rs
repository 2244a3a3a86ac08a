//! The OpenAPI document, the console's `config.json`, the test hook, and the API's
//! answers for unknown paths and methods.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::rfc3339;
use crate::error::{ApiError, ApiResult};
use crate::extract::StrictJsonBody;
use crate::state::AppState;

/// The hand-written OpenAPI 3.1 document.
pub const OPENAPI_JSON: &str = include_str!("../../openapi.json");

/// `GET <prefix>/openapi.json`.
pub async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}

/// Body of `POST /_test/advance-clock`.
#[derive(Debug, Deserialize)]
pub struct AdvanceClock {
    /// Seconds to move forward (0 or more).
    pub seconds: u32,
}

/// Test hook: moves the server's clock forward (only routed with `--test-hooks`).
pub async fn advance_clock(
    State(state): State<AppState>,
    StrictJsonBody(body): StrictJsonBody<AdvanceClock>,
) -> ApiResult<Json<Value>> {
    state.clock.advance(i64::from(body.seconds));
    Ok(Json(json!({ "now": rfc3339(state.clock.now()) })))
}

/// Unknown API path: a JSON envelope, never the console's index.html.
pub async fn api_not_found() -> ApiError {
    ApiError::NotFound("There is no such API endpoint.".into())
}

/// Known API path, wrong method.
pub async fn api_method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
