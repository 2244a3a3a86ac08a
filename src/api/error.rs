//! `ApiError` and the one place an HTTP answer becomes `Ok(T)` or an error.

use bintu_wire::code;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Everything a request to the API can end in besides success.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The server answered with its error envelope.
    #[error("{message}")]
    Server {
        /// HTTP status, e.g. 403.
        status: u16,
        /// bintu error code, see `bintu_wire::code`.
        code: u32,
        /// The server's sentence.
        message: String,
        /// Seconds to wait before trying again (`Retry-After` of a 429 or 503).
        retry_after_secs: Option<u64>,
    },
    /// The server answered something that is not what the contract says.
    #[error("Unexpected answer from server (HTTP {status}).")]
    Unexpected {
        /// HTTP status of the odd answer.
        status: u16,
        /// What failed to parse, for the browser console.
        detail: String,
    },
    /// The request never got an answer (offline, DNS, CORS, server down).
    #[error("Cannot reach server. Check your connection and try again.")]
    Network(String),
}

impl ApiError {
    /// HTTP status, if there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Server { status, .. } | Self::Unexpected { status, .. } => Some(*status),
            Self::Network(_) => None,
        }
    }

    /// bintu error code, if the server sent its envelope.
    pub fn code(&self) -> Option<u32> {
        match self {
            Self::Server { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The same error, told how long to wait by a `Retry-After` header value.
    pub fn with_retry_after(self, header: Option<&str>) -> Self {
        match self {
            Self::Server {
                status,
                code,
                message,
                ..
            } => Self::Server {
                status,
                code,
                message,
                retry_after_secs: header.and_then(parse_retry_after),
            },
            other => other,
        }
    }

    /// Whether the answer means the session token is gone (401 with 4001 or 4003):
    /// the session must end and the user log in again.
    pub fn is_session_invalid(&self) -> bool {
        matches!(
            self,
            Self::Server { status: 401, code, .. }
                if *code == code::TOKEN_NOT_VALID || *code == code::UNAUTHENTICATED
        )
    }
}

/// Turns an HTTP answer into `T` (2xx) or an [`ApiError`].
pub fn decode_answer<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        decode_body(status, body)
    } else {
        Err(decode_error(status, body))
    }
}

/// A 2xx body as `T`. An empty body (204) reads as JSON `null`, so `T = ()` works for
/// answers without content.
pub fn decode_body<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    let text = if body.trim().is_empty() { "null" } else { body };
    super::json::from_str(text).map_err(|detail| ApiError::Unexpected { status, detail })
}

/// What the console reads of the wire's `ErrorEnvelope`: its `userinfo`, free-form
/// JSON of any depth, is skipped unread (the wasm's stack is small, and nothing here
/// shows it).
#[derive(Deserialize)]
struct ErrorAnswer {
    error: ErrorFields,
}

#[derive(Deserialize)]
struct ErrorFields {
    message: String,
    code: u32,
}

/// The error of a non-2xx answer: its envelope, or an unexpected answer. Not generic,
/// so the wasm holds it once.
pub fn decode_error(status: u16, body: &str) -> ApiError {
    match super::json::from_str::<ErrorAnswer>(body) {
        Ok(env) => ApiError::Server {
            status,
            code: env.error.code,
            message: env.error.message,
            retry_after_secs: None,
        },
        Err(e) => ApiError::Unexpected {
            status,
            detail: format!("no error envelope: {e}"),
        },
    }
}

/// `Retry-After` in seconds. The HTTP-date form is not read: the backend sends
/// seconds, and a client clock may be off.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    value.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::Tag;

    #[test]
    fn success_decodes_the_body() {
        let tag: Tag = decode_answer(200, r#"{"name":"live","streamCount":3}"#).unwrap();
        assert_eq!(tag.name, "live");
        assert_eq!(tag.stream_count, 3);
    }

    #[test]
    fn no_content_is_unit() {
        decode_answer::<()>(204, "").unwrap();
    }

    #[test]
    fn the_envelope_becomes_a_server_error() {
        let err = decode_answer::<Tag>(
            403,
            r#"{"error":{"message":"access denied","code":2001,"userinfo":{}}}"#,
        )
        .unwrap_err();
        assert_eq!(
            err,
            ApiError::Server {
                status: 403,
                code: 2001,
                message: "access denied".into(),
                retry_after_secs: None,
            }
        );
        assert_eq!(err.to_string(), "access denied");
        assert!(!err.is_session_invalid());
    }

    #[test]
    fn the_wires_envelope_reads_as_the_consoles() {
        let wire = bintu_wire::ErrorEnvelope {
            error: bintu_wire::ErrorBody {
                message: "Nope.".into(),
                code: 2001,
                userinfo: serde_json::json!({ "deep": [[[{ "a": 1 }]]] }),
            },
        };
        let body = serde_json::to_string(&wire).unwrap();
        assert_eq!(
            decode_error(403, &body),
            ApiError::Server {
                status: 403,
                code: 2001,
                message: "Nope.".into(),
                retry_after_secs: None,
            }
        );
    }

    #[test]
    fn retry_after_seconds_are_kept_dates_are_not() {
        let throttled = || {
            decode_answer::<Tag>(
                429,
                r#"{"error":{"message":"Too many failed attempts.","code":4004,"userinfo":{}}}"#,
            )
            .unwrap_err()
        };
        let with = |h| match throttled().with_retry_after(h) {
            ApiError::Server {
                retry_after_secs, ..
            } => retry_after_secs,
            other => panic!("{other:?}"),
        };
        assert_eq!(with(Some(" 30 ")), Some(30));
        assert_eq!(with(Some("Wed, 21 Oct 2015 07:28:00 GMT")), None);
        assert_eq!(with(None), None);
    }

    #[test]
    fn garbage_is_an_unexpected_answer() {
        let err = decode_answer::<Tag>(200, "<!doctype html><html>").unwrap_err();
        assert!(matches!(err, ApiError::Unexpected { status: 200, .. }));
        assert!(err.to_string().contains("Unexpected answer from server"));
        let err = decode_answer::<Tag>(502, "Bad Gateway").unwrap_err();
        assert_eq!(err.status(), Some(502));
    }

    #[test]
    fn expired_and_missing_tokens_end_the_session_bad_passwords_do_not() {
        let e = |code| ApiError::Server {
            status: 401,
            code,
            message: String::new(),
            retry_after_secs: None,
        };
        assert!(e(4003).is_session_invalid());
        assert!(e(4001).is_session_invalid());
        assert!(!e(4002).is_session_invalid());
    }
}
