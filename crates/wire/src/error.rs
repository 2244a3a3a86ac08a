//! The error envelope every non-2xx answer carries.

use serde::{Deserialize, Serialize};

/// `{"error": {...}}`: the body of every error answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

/// What went wrong, for people (`message`) and for programs (`code`, `userinfo`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub message: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::error_code))]
    pub code: u32,
    /// Extra detail, e.g. `{"field":"webhook"}`; an empty object when there is none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object, required = true))]
    pub userinfo: serde_json::Value,
}

/// Numeric error codes. The 1xxx/2xxx/4xxx ones are bintu's documented codes; the
/// others are this project's decisions, grouped by HTTP status.
pub mod code {
    /// 400: a required parameter is missing.
    pub const PARAMETER_REQUIRED: u32 = 1002;
    /// 400 (409 for sign-up): a value that must be unique is taken (e.g. an email).
    pub const PARAMETER_NOT_UNIQUE: u32 = 1003;
    /// 400: malformed JSON or a value of the wrong type.
    pub const WRONG_DATA_TYPE: u32 = 1004;
    /// 400: a value of the right type that is not acceptable (bad URL, bad email, unknown role).
    pub const INVALID_VALUE: u32 = 1005;
    /// 413: the request body is over the size limit.
    pub const BODY_TOO_LARGE: u32 = 1006;
    /// 415: a request without a token or key must send `Content-Type: application/json`.
    pub const UNSUPPORTED_MEDIA_TYPE: u32 = 1007;
    /// 408: the request body stalled (a pause longer than the server allows).
    pub const REQUEST_TIMEOUT: u32 = 1008;
    /// 403: the role lacks the permission.
    pub const ACCESS_DENIED: u32 = 2001;
    /// 403: a guard protects this user (yourself, or the last admin).
    pub const GUARDED: u32 = 2002;
    /// 404: no such resource in this organisation.
    pub const NOT_FOUND: u32 = 3001;
    /// 410: the invite token is expired, revoked or already used.
    pub const INVITE_GONE: u32 = 3002;
    /// 401: no token or key was sent.
    pub const UNAUTHENTICATED: u32 = 4001;
    /// 401: email and password do not match.
    pub const CREDENTIALS_NOT_VALID: u32 = 4002;
    /// 401: the token is expired, logged out, or its token key was reset.
    pub const TOKEN_NOT_VALID: u32 = 4003;
    /// 429: too many failed logins for this account or address; `Retry-After` says
    /// when to try again.
    pub const TOO_MANY_ATTEMPTS: u32 = 4004;
    /// 500: the server failed.
    pub const INTERNAL: u32 = 5000;
    /// 503: the server is busy (e.g. the password-hashing queue is full); `Retry-After`
    /// says when to try again.
    pub const BUSY: u32 = 5003;

    /// Every code above: the OpenAPI document's `ErrorBody.code` lists exactly these.
    pub const ALL: &[u32] = &[
        PARAMETER_REQUIRED,
        PARAMETER_NOT_UNIQUE,
        WRONG_DATA_TYPE,
        INVALID_VALUE,
        BODY_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        REQUEST_TIMEOUT,
        ACCESS_DENIED,
        GUARDED,
        NOT_FOUND,
        INVITE_GONE,
        UNAUTHENTICATED,
        CREDENTIALS_NOT_VALID,
        TOKEN_NOT_VALID,
        TOO_MANY_ATTEMPTS,
        INTERNAL,
        BUSY,
    ];
}
