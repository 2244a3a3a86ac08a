//! `POST /organisation/webhook/test`: a sample `publish` call sent to the configured
//! webhook, and what its answer would mean for a real publish.
//!
//! bintu's custom webhooks are synchronous: on a publish, bintu POSTs form fields to
//! the webhook and the answer decides: 200 allows the publish, 403 denies it, and
//! anything else (or no answer) makes publishing fail.

use serde::{Deserialize, Serialize};

/// What a real publish would do given the webhook's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WebhookVerdict {
    /// 200: the publish would be allowed.
    Allow,
    /// 403: the publish would be denied.
    Deny,
    /// Any other status, or no answer: publishing would fail.
    Fail,
}

impl WebhookVerdict {
    /// The verdict of an answer with HTTP `status`.
    pub fn of_status(status: u16) -> Self {
        match status {
            200 => Self::Allow,
            403 => Self::Deny,
            _ => Self::Fail,
        }
    }
}

/// Why no answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryErrorKind {
    /// The host name did not resolve.
    Dns,
    /// Nothing accepted the connection.
    Refused,
    /// No (complete) answer within the time limit.
    Timeout,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    /// Anything else (connection reset, malformed answer).
    Other,
}

/// A delivery that got no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryError {
    pub kind: DeliveryErrorKind,
    /// The detail, for people.
    pub message: String,
}

/// Answer of `POST /organisation/webhook/test`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebhookTestResult {
    /// The URL the sample call went to.
    pub url: String,
    pub verdict: WebhookVerdict,
    /// The answer's HTTP status; None when there was no answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub status: Option<u16>,
    /// From sending the request to the end of the (cut) answer.
    pub elapsed_ms: u64,
    /// The first bytes of the answer's body (at most 512, `PREVIEW_BYTES`), as text.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub body_preview: String,
    /// Why there was no answer; None when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub error: Option<DeliveryError>,
}

/// How much of the answer's body is read and returned.
pub const PREVIEW_BYTES: usize = 512;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_200_allows_and_only_403_denies() {
        assert_eq!(WebhookVerdict::of_status(200), WebhookVerdict::Allow);
        assert_eq!(WebhookVerdict::of_status(403), WebhookVerdict::Deny);
        for other in [201, 204, 301, 302, 400, 401, 404, 500, 503] {
            assert_eq!(
                WebhookVerdict::of_status(other),
                WebhookVerdict::Fail,
                "{other}"
            );
        }
    }
}
