//! The one error type of the API and its translation into bintu's error envelope
//! `{"error":{"message","code","userinfo"}}`.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bintu_wire::error::code;
use bintu_wire::{ErrorBody, ErrorEnvelope};
use serde_json::{json, Value};

/// Everything a request can fail with. Each variant fixes the HTTP status and the
/// numeric code; the message is for people, `userinfo` for programs.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400/1002: a required field or query parameter is missing.
    #[error("The parameter `{0}` is required.")]
    Required(String),
    /// 400/1004: malformed JSON, a wrong type, or an out-of-range number.
    #[error("{0}")]
    WrongType(String),
    /// 400/1005: a value of the right type that is not acceptable.
    #[error("{message}")]
    Invalid {
        message: String,
        field: &'static str,
    },
    /// 409/1003: a value that must be unique is taken.
    #[error("{message}")]
    NotUnique {
        message: String,
        field: &'static str,
    },
    /// 413/1006: the body is over the size limit.
    #[error("The request body is too large (at most {0} bytes).")]
    BodyTooLarge(usize),
    /// 401/4001: no token and no API key.
    #[error("Authentication required: send X-BINTU-TOKEN or X-BINTU-APIKEY.")]
    Unauthenticated,
    /// 401/4002: email and password (or the API key) do not match.
    #[error("{0}")]
    BadCredentials(&'static str),
    /// 401/4003: the token is unknown, expired, logged out or revoked.
    #[error("The token is expired or no longer valid. Please log in again.")]
    TokenNotValid,
    /// 403/2001: the caller's role lacks the permission.
    #[error("Access denied: your role lacks the permission {0}.")]
    AccessDenied(String),
    /// 403/2001 with a custom explanation (e.g. a session-only endpoint called with the API key).
    #[error("{0}")]
    Forbidden(String),
    /// 403/2002: a guard protects this user.
    #[error("{0}")]
    Guarded(String),
    /// 404/3001: no such resource (or endpoint).
    #[error("{0}")]
    NotFound(String),
    /// 405/3001: the path exists but not with this method.
    #[error("This endpoint does not accept this method.")]
    MethodNotAllowed,
    /// 410/3002: the invite token cannot be used.
    #[error("{0}")]
    InviteGone(&'static str),
    /// 408/1008: the request body stalled longer than the server waits.
    #[error("The request body arrived too slowly.")]
    BodyTimeout,
    /// 415/1007: an unauthenticated POST without `Content-Type: application/json`.
    #[error("Send the body as JSON with Content-Type: application/json.")]
    NotJson,
    /// 429/4004: too many failed logins; try again after this many seconds.
    #[error("Too many failed attempts. Try again in {0} seconds.")]
    TooManyAttempts(u64),
    /// 503/5003: the server is at capacity; try again after this many seconds.
    #[error("The server is busy. Try again in {0} seconds.")]
    Busy(u64),
    /// 500/5000: something broke; the detail goes to the log, not to the client.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The invalid-value error for `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            message: message.into(),
            field,
        }
    }

    /// HTTP status and bintu code of this error.
    pub fn status_and_code(&self) -> (StatusCode, u32) {
        use ApiError::*;
        match self {
            Required(_) => (StatusCode::BAD_REQUEST, code::PARAMETER_REQUIRED),
            WrongType(_) => (StatusCode::BAD_REQUEST, code::WRONG_DATA_TYPE),
            Invalid { .. } => (StatusCode::BAD_REQUEST, code::INVALID_VALUE),
            NotUnique { .. } => (StatusCode::CONFLICT, code::PARAMETER_NOT_UNIQUE),
            BodyTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, code::BODY_TOO_LARGE),
            Unauthenticated => (StatusCode::UNAUTHORIZED, code::UNAUTHENTICATED),
            BadCredentials(_) => (StatusCode::UNAUTHORIZED, code::CREDENTIALS_NOT_VALID),
            TokenNotValid => (StatusCode::UNAUTHORIZED, code::TOKEN_NOT_VALID),
            AccessDenied(_) | Forbidden(_) => (StatusCode::FORBIDDEN, code::ACCESS_DENIED),
            Guarded(_) => (StatusCode::FORBIDDEN, code::GUARDED),
            NotFound(_) => (StatusCode::NOT_FOUND, code::NOT_FOUND),
            MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, code::NOT_FOUND),
            InviteGone(_) => (StatusCode::GONE, code::INVITE_GONE),
            BodyTimeout => (StatusCode::REQUEST_TIMEOUT, code::REQUEST_TIMEOUT),
            NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                code::UNSUPPORTED_MEDIA_TYPE,
            ),
            TooManyAttempts(_) => (StatusCode::TOO_MANY_REQUESTS, code::TOO_MANY_ATTEMPTS),
            Busy(_) => (StatusCode::SERVICE_UNAVAILABLE, code::BUSY),
            Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, code::INTERNAL),
        }
    }

    fn userinfo(&self) -> Value {
        match self {
            ApiError::Required(field) => json!({ "field": field }),
            ApiError::Invalid { field, .. } | ApiError::NotUnique { field, .. } => {
                json!({ "field": field })
            }
            ApiError::AccessDenied(permission) => json!({ "permission": permission }),
            ApiError::BodyTooLarge(limit) => json!({ "limit": limit }),
            ApiError::TooManyAttempts(secs) | ApiError::Busy(secs) => {
                json!({ "retryAfter": secs })
            }
            _ => json!({}),
        }
    }

    /// Seconds the client should wait before trying again (`Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::TooManyAttempts(secs) | ApiError::Busy(secs) => Some(*secs),
            _ => None,
        }
    }

    /// The envelope as it goes over the wire.
    pub fn envelope(&self) -> ErrorEnvelope {
        let message = match self {
            // Never leak internals (SQL, paths) to the client.
            ApiError::Internal(_) => "Internal server error.".to_owned(),
            other => other.to_string(),
        };
        ErrorEnvelope {
            error: ErrorBody {
                message,
                code: self.status_and_code().1,
                userinfo: self.userinfo(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let (status, _) = self.status_and_code();
        let mut response = (status, axum::Json(self.envelope())).into_response();
        if let Some(secs) = self.retry_after() {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::Internal(format!("database: {e}"))
    }
}

/// Result of handlers and data-access functions.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_detail() {
        let e = ApiError::Internal("SELECT secret FROM x".into()).envelope();
        assert_eq!(e.error.code, code::INTERNAL);
        assert!(!e.error.message.contains("secret"));
    }

    #[test]
    fn throttled_and_busy_answers_say_when_to_retry() {
        for (e, status) in [
            (ApiError::TooManyAttempts(7), 429),
            (ApiError::Busy(7), 503),
        ] {
            assert_eq!(e.envelope().error.userinfo, json!({"retryAfter": 7}));
            let r = e.into_response();
            assert_eq!(r.status().as_u16(), status);
            assert_eq!(r.headers()[RETRY_AFTER], "7");
        }
    }

    #[test]
    fn invalid_carries_the_field() {
        let e = ApiError::invalid("webhook", "bad").envelope();
        assert_eq!(e.error.code, code::INVALID_VALUE);
        assert_eq!(e.error.userinfo, json!({"field": "webhook"}));
    }
}
