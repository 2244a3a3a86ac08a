//! The OpenAPI document, the console's `config.json`, the test hook, and the API's
//! answers for unknown paths and methods.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::rfc3339;
use crate::error::{ApiError, ApiResult};
use crate::extract::StrictJsonBody;
use crate::state::AppState;

/// The hand-written OpenAPI 3.1 document.
pub const OPENAPI_JSON: &str = include_str!("../../openapi.json");

/// The document this server answers with: [`OPENAPI_JSON`], without the test hooks'
/// operations and schemas unless they are on (an operation the server does not
/// route must not be in its contract).
pub fn openapi_document(test_hooks: bool) -> String {
    if test_hooks {
        return OPENAPI_JSON.to_owned();
    }
    let mut doc: serde_json::Value =
        serde_json::from_str(OPENAPI_JSON).expect("openapi.json is valid JSON (a test checks)");
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.retain(|path, _| !path.starts_with(TEST_HOOK_PREFIX));
    }
    if let Some(schemas) = doc["components"]["schemas"].as_object_mut() {
        schemas.retain(|name, _| !TEST_HOOK_SCHEMAS.contains(&name.as_str()));
    }
    doc.to_string()
}

/// Paths of the test hooks, and the schemas only they use.
pub const TEST_HOOK_PREFIX: &str = "/_test/";
const TEST_HOOK_SCHEMAS: [&str; 2] = ["AdvanceClockRequest", "AdvanceClockResponse"];

/// `GET <prefix>/openapi.json` with `document` (see [`openapi_document`]).
pub fn openapi(document: String) -> axum::routing::MethodRouter<crate::state::AppState> {
    let document: std::sync::Arc<str> = document.into();
    axum::routing::get(move || {
        let document = document.clone();
        async move { ([(CONTENT_TYPE, "application/json")], document.to_string()) }
    })
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
