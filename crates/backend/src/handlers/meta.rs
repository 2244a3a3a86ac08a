//! The OpenAPI document's route, the console's `config.json`, the test hook, and the API's
//! answers for unknown paths and methods.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::ToSchema;

use crate::api_doc::responses::{BadRequest, UnsupportedMediaType};

use crate::clock::rfc3339;
use crate::error::{ApiError, ApiResult};
use crate::extract::StrictJsonBody;
use crate::state::AppState;

/// Paths of the test hooks.
pub const TEST_HOOK_PREFIX: &str = "/_test/";

/// `GET <prefix>/openapi.json`: `document` (made once, at start-up, by
/// [`crate::api_doc::document_json`]).
pub fn openapi(document: String) -> axum::routing::MethodRouter<AppState> {
    let document: Arc<str> = document.into();
    axum::routing::get(move || openapi_json(document.clone()))
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "meta",
    operation_id = "openapi",
    security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document.", body = Object))
)]
pub async fn openapi_json(document: Arc<str>) -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], document.to_string())
}

/// Body of `POST /_test/advance-clock`.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = AdvanceClockRequest)]
pub struct AdvanceClock {
    /// Seconds to move forward (0 or more).
    #[schema(schema_with = seconds)]
    pub seconds: u32,
}

/// Any `u32` (the derive would say int32 and no maximum).
fn seconds() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::Integer)
        .description(Some("Seconds to move forward."))
        .minimum(Some(0))
        .maximum(Some(u32::MAX))
        .build()
}

/// Answer of `POST /_test/advance-clock`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AdvanceClockResponse)]
pub struct ClockNow {
    /// The server's time after the move (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub now: String,
}

/// Test hook: move the server's clock forward.
///
/// Exists only when the server runs with `--test-hooks` (never by default). Lets tests
/// expire tokens, invites and login locks without waiting. The body must be sent as
/// `application/json` (415/1007).
#[utoipa::path(
    post,
    path = "/_test/advance-clock",
    tag = "meta",
    operation_id = "advanceClock",
    security(()),
    request_body = AdvanceClock,
    responses(
        (status = 200, description = "The server's new time.", body = ClockNow),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
    )
)]
pub async fn advance_clock(
    State(state): State<AppState>,
    StrictJsonBody(body): StrictJsonBody<AdvanceClock>,
) -> ApiResult<Json<ClockNow>> {
    state.clock.advance(i64::from(body.seconds));
    Ok(Json(ClockNow {
        now: rfc3339(state.clock.now()),
    }))
}

/// Unknown API path: a JSON envelope, never the console's index.html.
pub async fn api_not_found() -> ApiError {
    ApiError::NotFound("There is no such API endpoint.".into())
}

/// Known API path, wrong method.
pub async fn api_method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
