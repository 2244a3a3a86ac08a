//! What a webhook test delivery means, in words: the verdict for a real publish, the
//! status and time, and why there was no answer.

use bintu_wire::{DeliveryErrorKind, WebhookTestResult, WebhookVerdict};

/// The verdict as the result panel states it.
pub fn verdict_text(verdict: WebhookVerdict) -> &'static str {
    match verdict {
        WebhookVerdict::Allow => crate::tr!(webhook_outcome.would_allow),
        WebhookVerdict::Deny => crate::tr!(webhook_outcome.would_deny),
        WebhookVerdict::Fail => crate::tr!(webhook_outcome.publishing_would_fail),
    }
}

/// Why it matters, one sentence per verdict.
pub fn verdict_explanation(verdict: WebhookVerdict) -> &'static str {
    match verdict {
        WebhookVerdict::Allow => crate::tr!(webhook_outcome.the_webhook_answered_200_a),
        WebhookVerdict::Deny => crate::tr!(webhook_outcome.the_webhook_answered_403_a),
        WebhookVerdict::Fail => {
            crate::tr!(webhook_outcome.only_200_allows_and_403)
        }
    }
}

/// The kind of failure, for people.
pub fn error_kind_text(kind: DeliveryErrorKind) -> &'static str {
    match kind {
        DeliveryErrorKind::Dns => crate::tr!(webhook_outcome.the_host_name_did_not),
        DeliveryErrorKind::Refused => crate::tr!(webhook_outcome.the_connection_was_refused),
        DeliveryErrorKind::Timeout => crate::tr!(webhook_outcome.no_answer_in_time_timeout),
        DeliveryErrorKind::Tls => crate::tr!(webhook_outcome.the_tls_handshake_failed),
        DeliveryErrorKind::Other => crate::tr!(webhook_outcome.the_delivery_failed),
    }
}

/// "HTTP 200 · 42 ms" or "No answer · 5,000 ms".
pub fn summary(r: &WebhookTestResult) -> String {
    let status = match r.status {
        Some(s) => crate::tr!(webhook_outcome.http, s = s),
        None => crate::tr!(webhook_outcome.no_answer).to_string(),
    };
    format!("{status} · {} ms", crate::lang::intl::number(r.elapsed_ms))
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
