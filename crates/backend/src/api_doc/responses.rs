//! The error answers operations share, as named response components: each one's
//! body is the wire's `ErrorEnvelope`, its description names the codes (from
//! `bintu_wire::code`) it may carry.

use bintu_wire::code;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Content, Ref, RefOr};
use utoipa::ToResponse;

use crate::config::{DEFAULT_BODY_LIMIT, DEFAULT_BODY_READ_TIMEOUT, DEFAULT_REQUEST_TIMEOUT};

/// An answer with the error envelope, and `Retry-After` when `retry_after`.
fn error_answer(description: String, retry_after: bool) -> RefOr<Response> {
    let mut answer = ResponseBuilder::new().description(description).content(
        "application/json",
        Content::new(Some(Ref::from_schema_name("ErrorEnvelope"))),
    );
    if retry_after {
        let seconds = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1));
        answer = answer.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(seconds)
                .description(Some("Seconds to wait before trying again."))
                .build(),
        );
    }
    answer.build().into()
}

/// A response component named `$name` whose description is `format!($($text)*)`.
macro_rules! error_response {
    ($name:ident, retry_after = $retry:expr, $($text:tt)*) => {
        #[doc = concat!("The `", stringify!($name), "` response component.")]
        pub struct $name;

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                (stringify!($name), error_answer(format!($($text)*), $retry))
            }
        }
    };
}

error_response!(
    BadRequest,
    retry_after = false,
    "Invalid input: {} parameter required, {} malformed JSON or wrong type, {} invalid value (also a Host name the server does not answer, with userinfo.field `Host`).",
    code::PARAMETER_REQUIRED,
    code::WRONG_DATA_TYPE,
    code::INVALID_VALUE
);
error_response!(
    Unauthorized,
    retry_after = false,
    "{} no credentials, {} credentials not valid, {} token expired or revoked.",
    code::UNAUTHENTICATED,
    code::CREDENTIALS_NOT_VALID,
    code::TOKEN_NOT_VALID
);
error_response!(
    Forbidden,
    retry_after = false,
    "{} access denied (the role lacks the permission, userinfo.permission names it), {} guarded user.",
    code::ACCESS_DENIED,
    code::GUARDED
);
error_response!(
    NotFound,
    retry_after = false,
    "{} no such resource.",
    code::NOT_FOUND
);
error_response!(
    Conflict,
    retry_after = false,
    "{} value not unique (userinfo.field names it).",
    code::PARAMETER_NOT_UNIQUE
);
error_response!(
    Gone,
    retry_after = false,
    "{} invite token unknown, expired, revoked or used.",
    code::INVITE_GONE
);
error_response!(
    PayloadTooLarge,
    retry_after = false,
    "{} body over the limit ({} KiB unless configured; userinfo.limit).",
    code::BODY_TOO_LARGE,
    DEFAULT_BODY_LIMIT / 1024
);
error_response!(
    RequestTimeout,
    retry_after = false,
    "{} the request body stalled for more than {} s between two pieces (unless configured). A request that takes more than {} s in all is answered 408 without a body.",
    code::REQUEST_TIMEOUT,
    DEFAULT_BODY_READ_TIMEOUT.as_secs(),
    DEFAULT_REQUEST_TIMEOUT.as_secs()
);
error_response!(
    UnsupportedMediaType,
    retry_after = false,
    "{} an endpoint without authentication was sent a body without `Content-Type: application/json`.",
    code::UNSUPPORTED_MEDIA_TYPE
);
error_response!(
    TooManyAttempts,
    retry_after = true,
    "{} too many failed logins for this account or from this client address; `Retry-After` and userinfo.retryAfter say how many seconds to wait.",
    code::TOO_MANY_ATTEMPTS
);
error_response!(
    ServerError,
    retry_after = false,
    "{} the server failed; the request may be tried again.",
    code::INTERNAL
);
error_response!(
    Busy,
    retry_after = true,
    "{} the password-hashing queue is full; `Retry-After` and userinfo.retryAfter say how many seconds to wait.",
    code::BUSY
);
