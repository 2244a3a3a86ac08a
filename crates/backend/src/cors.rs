//! Cross-origin access (`--cors-origin`): a console served from another origin (a
//! web server or CDN in front of `dist/`) calls the API, and a host dashboard on
//! another origin imports `/org-console.js`, its chunks, the wasm and the stylesheet.
//! Exact origins only, never `*`; an origin not listed gets no CORS header at all,
//! so its browser refuses the answer.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN,
    VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours).
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(7200);

/// The methods the API answers (GET and POST need no preflight, but are listed for
/// clarity).
const METHODS: &str = "GET, POST, PUT, DELETE";

/// The request headers a console sends besides the CORS-safelisted ones.
fn allowed_headers() -> String {
    [
        bintu_wire::HEADER_TOKEN,
        bintu_wire::HEADER_APIKEY,
        "Content-Type",
    ]
    .join(", ")
}

/// Response headers the console reads: the login page says how long a throttled user
/// waits.
const EXPOSED: &str = "Retry-After";

/// The listed origins, exact as browsers send them.
#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins(Arc<Vec<HeaderValue>>);

impl AllowedOrigins {
    pub fn new(origins: Vec<HeaderValue>) -> Self {
        Self(Arc::new(origins))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The request's `Origin`, if it is listed.
    fn listed(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        let origin = headers.get(ORIGIN)?;
        self.0.iter().any(|o| o == origin).then(|| origin.clone())
    }
}

/// The middleware: a preflight from a listed origin is answered here (204 with what
/// it may send); one from another origin gets 403 and no CORS header; every other
/// answer names a listed origin it was asked from. All vary by `Origin`, so a cache
/// never hands one origin's answer to another.
pub async fn middleware(origins: AllowedOrigins, request: Request, next: Next) -> Response {
    let listed = origins.listed(request.headers());
    let is_preflight = request.method() == Method::OPTIONS
        && request.headers().contains_key(ORIGIN)
        && request
            .headers()
            .contains_key(ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = if is_preflight {
        match &listed {
            Some(_) => {
                let mut r = StatusCode::NO_CONTENT.into_response();
                let h = r.headers_mut();
                h.insert(
                    ACCESS_CONTROL_ALLOW_METHODS,
                    HeaderValue::from_static(METHODS),
                );
                if let Ok(v) = HeaderValue::from_str(&allowed_headers()) {
                    h.insert(ACCESS_CONTROL_ALLOW_HEADERS, v);
                }
                h.insert(
                    ACCESS_CONTROL_MAX_AGE,
                    HeaderValue::from(PREFLIGHT_MAX_AGE.as_secs()),
                );
                r
            }
            None => (
                StatusCode::FORBIDDEN,
                "This origin may not call this server.\n",
            )
                .into_response(),
        }
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    if let Some(origin) = listed {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if !is_preflight {
            h.insert(
                ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(EXPOSED),
            );
        }
    }
    h.append(VARY, HeaderValue::from_static("origin"));
    response
}

/// Checks one `--cors-origin` value and returns it as the browser sends it in
/// `Origin`: `scheme://host[:port]`, lower-case, with no path, query or trailing `/`.
pub fn parse_origin(value: &str) -> Result<HeaderValue, String> {
    let origin = value.trim().to_ascii_lowercase();
    let refuse = |why: &str| Err(format!("--cors-origin {value:?}: {why}"));
    if origin == "*" || origin == "null" {
        return refuse("give exact origins (https://console.example.com), never * or null");
    }
    let Some(authority) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return refuse("an origin starts with https:// or http://");
    };
    // `[v6]:port`, `[v6]`, `host:port` or `host`.
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((v6, "")) => (v6, None),
            Some((v6, tail)) => (v6, Some(tail.strip_prefix(':').unwrap_or("x"))),
            None => ("", None),
        },
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
    if !host_ok || !port_ok {
        return refuse("an origin is scheme://host[:port], with no path, query or trailing /");
    }
    HeaderValue::from_str(&origin).or_else(|_| refuse("not a valid header value"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_exact_and_normalised() {
        assert_eq!(
            parse_origin("https://Console.Example.com").unwrap(),
            "https://console.example.com"
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:8081").unwrap(),
            "http://127.0.0.1:8081"
        );
        assert_eq!(
            parse_origin("http://[::1]:9000").unwrap(),
            "http://[::1]:9000"
        );
        for bad in [
            "*",
            "null",
            "console.example.com",
            "https://console.example.com/",
            "https://console.example.com/app",
            "https://",
            "https://a.example:0",
            "https://a.example:99999",
            "ftp://a.example",
            "https://a.example?x",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn only_a_listed_origin_is_recognised() {
        let origins = AllowedOrigins::new(vec![parse_origin("https://a.example").unwrap()]);
        let from = |o: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(ORIGIN, HeaderValue::from_static(o));
            origins.listed(&h)
        };
        assert_eq!(from("https://a.example").unwrap(), "https://a.example");
        assert!(from("https://a.example.evil").is_none());
        assert!(from("http://a.example").is_none());
        assert!(origins.listed(&HeaderMap::new()).is_none());
    }
}
