//! The webhook test delivery: a sample `publish` call, as bintu sends it on a
//! publish, POSTed to the configured webhook from the server.
//!
//! Bounded on every side: a 5 s limit for the whole exchange, no redirects followed,
//! at most [`PREVIEW_BYTES`] of the answer read, no proxy. Unless the server runs
//! with `--allow-internal-webhooks`, the host and every address it resolves to must
//! be public (the same rule as [`bintu_wire::internal_host`]); the request then goes
//! to exactly the addresses checked, so a second DNS answer cannot point it inside
//! (DNS rebinding).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bintu_wire::internal_host::{self, HostKind};
use bintu_wire::{
    DeliveryError, DeliveryErrorKind, WebhookTestResult, WebhookVerdict, PREVIEW_BYTES,
};
use reqwest::Url;

use crate::error::ApiError;

/// Longest time for the whole test delivery: DNS, connect, TLS, request, answer.
pub const TIMEOUT: Duration = Duration::from_secs(5);
/// The command-line flag that lets webhooks reach internal addresses.
pub const ALLOW_FLAG: &str = "--allow-internal-webhooks";

/// The form fields of the sample `publish` call (addresses from the documentation
/// range 192.0.2.0/24, so nobody mistakes it for a real publisher).
pub fn sample_publish() -> [(&'static str, &'static str); 5] {
    [
        ("call", "publish"),
        ("name", "console-test-stream"),
        ("app", "live"),
        ("addr", "192.0.2.10"),
        ("clientid", "console-test"),
    ]
}

/// Sends the sample call to `url`. An internal target without `allow_internal` is
/// an error of the request (400); a target that gives no answer is a result with
/// [`WebhookVerdict::Fail`] and the reason.
pub async fn send_test(url: &str, allow_internal: bool) -> Result<WebhookTestResult, ApiError> {
    let parsed = Url::parse(url)
        .map_err(|_| ApiError::invalid("webhook", "The stored webhook is not a valid URL."))?;
    let host = parsed
        .host_str()
        .map(|h| h.trim_start_matches('[').trim_end_matches(']').to_owned())
        .ok_or_else(|| ApiError::invalid("webhook", "The stored webhook has no host."))?;
    let port = parsed.port_or_known_default().unwrap_or(443);
    if !allow_internal && internal_host::classify(&host.to_ascii_lowercase()) != HostKind::Public {
        return Err(refused(&host));
    }
    let started = Instant::now();
    let addrs =
        match tokio::time::timeout(TIMEOUT, tokio::net::lookup_host((host.as_str(), port))).await {
            Ok(Ok(addrs)) => addrs.collect::<Vec<_>>(),
            Ok(Err(e)) => {
                return Ok(no_answer(
                    url,
                    started,
                    DeliveryErrorKind::Dns,
                    format!("{host} did not resolve: {e}"),
                ))
            }
            Err(_) => {
                return Ok(no_answer(
                    url,
                    started,
                    DeliveryErrorKind::Timeout,
                    format!("resolving {host} took longer than {} s", TIMEOUT.as_secs()),
                ))
            }
        };
    if addrs.is_empty() {
        return Ok(no_answer(
            url,
            started,
            DeliveryErrorKind::Dns,
            format!("{host} has no address"),
        ));
    }
    if !allow_internal {
        check_addresses(&host, &addrs)?;
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT.saturating_sub(started.elapsed()))
        .no_proxy()
        .resolve_to_addrs(&host, &addrs)
        .user_agent("bintu-webhook-test")
        .build()
        .map_err(|e| ApiError::Internal(format!("webhook client: {e}")))?;
    let sent = client.post(parsed).form(&sample_publish()).send().await;
    let mut response = match sent {
        Ok(r) => r,
        Err(e) => {
            let (kind, message) = classify_error(&e);
            return Ok(no_answer(url, started, kind, message));
        }
    };
    let status = response.status().as_u16();
    let mut body = Vec::new();
    // Only the first bytes: the rest of a long (or endless) answer is never read.
    while body.len() < PREVIEW_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(e) => {
                let (kind, message) = classify_error(&e);
                return Ok(no_answer(url, started, kind, message));
            }
        }
    }
    body.truncate(PREVIEW_BYTES);
    Ok(WebhookTestResult {
        url: url.to_owned(),
        verdict: WebhookVerdict::of_status(status),
        status: Some(status),
        elapsed_ms: elapsed_ms(started),
        body_preview: String::from_utf8_lossy(&body).into_owned(),
        error: None,
    })
}

/// 400 unless every address `host` resolved to is public.
pub fn check_addresses(host: &str, addrs: &[SocketAddr]) -> Result<(), ApiError> {
    match addrs
        .iter()
        .find(|a| internal_host::classify(&a.ip().to_string()) != HostKind::Public)
    {
        Some(internal) => Err(refused(&format!("{host} ({})", internal.ip()))),
        None => Ok(()),
    }
}

/// The refusal to send inside the server's network, naming the flag that allows it.
fn refused(target: &str) -> ApiError {
    ApiError::invalid(
        "webhook",
        format!(
            "Not sent: {target} is a loopback, private, link-local or metadata address, which the \
             server does not call. For local testing only, start the backend with {ALLOW_FLAG}."
        ),
    )
}

fn no_answer(
    url: &str,
    started: Instant,
    kind: DeliveryErrorKind,
    message: String,
) -> WebhookTestResult {
    WebhookTestResult {
        url: url.to_owned(),
        verdict: WebhookVerdict::Fail,
        status: None,
        elapsed_ms: elapsed_ms(started),
        body_preview: String::new(),
        error: Some(DeliveryError { kind, message }),
    }
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// The kind of a failed exchange, and the whole chain of causes as one sentence.
fn classify_error(e: &reqwest::Error) -> (DeliveryErrorKind, String) {
    let mut chain = Vec::new();
    let (mut refused, mut tls) = (false, false);
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        chain.push(err.to_string());
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
        }
        tls |= is_tls(err);
        source = err.source();
    }
    let message = chain.join(": ");
    let kind = if e.is_timeout() {
        DeliveryErrorKind::Timeout
    } else if refused {
        DeliveryErrorKind::Refused
    } else if tls {
        DeliveryErrorKind::Tls
    } else {
        DeliveryErrorKind::Other
    };
    (kind, message)
}

/// Whether `err` is, or wraps in an io::Error, a rustls error.
fn is_tls(err: &(dyn std::error::Error + 'static)) -> bool {
    err.is::<rustls::Error>()
        || err
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .is_some_and(|inner| is_tls(inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_name_resolving_inside_is_refused_whatever_else_it_resolves_to() {
        assert!(check_addresses("hook.example", &[addr("93.184.216.34:443")]).is_ok());
        for inside in [
            "127.0.0.1:443",
            "10.1.2.3:443",
            "169.254.169.254:80",
            "[::1]:443",
            "[::ffff:192.168.0.1]:443",
        ] {
            let e = check_addresses("hook.example", &[addr("93.184.216.34:443"), addr(inside)])
                .unwrap_err();
            assert!(e.to_string().contains(ALLOW_FLAG), "{e}");
            assert!(e.to_string().contains("hook.example"), "{e}");
        }
    }

    #[test]
    fn the_sample_is_a_publish_call() {
        let fields = sample_publish();
        assert_eq!(fields[0], ("call", "publish"));
        let names: Vec<_> = fields.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["call", "name", "app", "addr", "clientid"]);
    }

    #[tokio::test]
    async fn internal_hosts_are_refused_before_anything_is_sent() {
        for url in [
            "https://127.0.0.1:9/x",
            "http://localhost/",
            "https://[::1]/",
            "https://169.254.169.254/",
        ] {
            let e = send_test(url, false).await.unwrap_err();
            assert!(e.to_string().contains(ALLOW_FLAG), "{url}: {e}");
        }
    }
}
