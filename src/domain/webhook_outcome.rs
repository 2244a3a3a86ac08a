//! What a webhook test delivery means, in words: the verdict for a real publish, the
//! status and time, and why there was no answer.

use bintu_wire::{DeliveryErrorKind, WebhookTestResult, WebhookVerdict};

/// The verdict as the result panel states it.
pub fn verdict_text(verdict: WebhookVerdict) -> &'static str {
    match verdict {
        WebhookVerdict::Allow => "would allow",
        WebhookVerdict::Deny => "would deny",
        WebhookVerdict::Fail => "publishing would fail",
    }
}

/// Why it matters, one sentence per verdict.
pub fn verdict_explanation(verdict: WebhookVerdict) -> &'static str {
    match verdict {
        WebhookVerdict::Allow => "The webhook answered 200: a publish would be allowed.",
        WebhookVerdict::Deny => "The webhook answered 403: a publish would be denied.",
        WebhookVerdict::Fail => {
            "Only 200 allows and 403 denies: with this answer, publishing would fail."
        }
    }
}

/// The kind of failure, for people.
pub fn error_kind_text(kind: DeliveryErrorKind) -> &'static str {
    match kind {
        DeliveryErrorKind::Dns => "The host name did not resolve (DNS)",
        DeliveryErrorKind::Refused => "The connection was refused",
        DeliveryErrorKind::Timeout => "No answer in time (timeout)",
        DeliveryErrorKind::Tls => "The TLS handshake failed",
        DeliveryErrorKind::Other => "The delivery failed",
    }
}

/// "HTTP 200 · 42 ms" or "No answer · 5,000 ms".
pub fn summary(r: &WebhookTestResult) -> String {
    let status = match r.status {
        Some(s) => format!("HTTP {s}"),
        None => "No answer".to_string(),
    };
    format!(
        "{status} · {} ms",
        super::users_export::thousands(r.elapsed_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::DeliveryError;

    fn result(status: Option<u16>, error: Option<DeliveryErrorKind>) -> WebhookTestResult {
        WebhookTestResult {
            url: "https://h.example/x".into(),
            verdict: status.map_or(WebhookVerdict::Fail, WebhookVerdict::of_status),
            status,
            elapsed_ms: 1234,
            body_preview: String::new(),
            error: error.map(|kind| DeliveryError {
                kind,
                message: "x".into(),
            }),
        }
    }

    #[test]
    fn the_three_verdicts_read_as_the_console_states_them() {
        assert_eq!(verdict_text(result(Some(200), None).verdict), "would allow");
        assert_eq!(verdict_text(result(Some(403), None).verdict), "would deny");
        assert_eq!(
            verdict_text(result(Some(302), None).verdict),
            "publishing would fail"
        );
        assert_eq!(
            verdict_text(result(None, Some(DeliveryErrorKind::Timeout)).verdict),
            "publishing would fail"
        );
    }

    #[test]
    fn summary_names_status_and_time() {
        assert_eq!(summary(&result(Some(200), None)), "HTTP 200 · 1,234 ms");
        assert_eq!(
            summary(&result(None, Some(DeliveryErrorKind::Dns))),
            "No answer · 1,234 ms"
        );
        assert!(error_kind_text(DeliveryErrorKind::Dns).contains("DNS"));
    }
}
