//! Cross-origin access with `--cors-origin`: preflights and answers for listed
//! origins (the API and the console's files), nothing for others, and nothing at all
//! without the option.

mod common;

use common::{start_with, TestServer, ADMIN, DEMO_PASSWORD};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

const LISTED: &str = "https://console.example.com";
const OTHER: &str = "https://evil.example";

async fn server_for(origins: &[&str]) -> TestServer {
    let origins: Vec<String> = origins.iter().map(|o| o.to_string()).collect();
    start_with(|c| c.cors_origins = origins).await
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// Every value of `Vary`, joined (several headers mean one list).
fn vary(h: &HeaderMap) -> String {
    h.get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
        .to_ascii_lowercase()
}

async fn preflight(
    s: &TestServer,
    url: &str,
    origin: &str,
    method: &str,
) -> (StatusCode, HeaderMap) {
    let resp = s
        .client
        .request(Method::OPTIONS, url)
        .header("origin", origin)
        .header("access-control-request-method", method)
        .header(
            "access-control-request-headers",
            "content-type,x-bintu-token,x-bintu-apikey",
        )
        .send()
        .await
        .expect("preflight sent");
    (resp.status(), resp.headers().clone())
}

async fn get_from(s: &TestServer, url: &str, origin: &str) -> (StatusCode, HeaderMap) {
    let resp = s
        .client
        .get(url)
        .header("origin", origin)
        .send()
        .await
        .expect("request sent");
    (resp.status(), resp.headers().clone())
}

#[tokio::test]
async fn a_listed_origin_gets_preflights_and_answers() {
    let s = server_for(&[LISTED, "http://127.0.0.1:8081"]).await;
    let (status, h) = preflight(&s, &format!("{}/user/permission", s.api), LISTED, "PUT").await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(header(&h, "access-control-allow-origin"), Some(LISTED));
    let methods = header(&h, "access-control-allow-methods").unwrap_or("");
    for m in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(m), "{m} missing from {methods}");
    }
    let allowed = header(&h, "access-control-allow-headers")
        .unwrap_or("")
        .to_ascii_lowercase();
    for name in ["x-bintu-token", "x-bintu-apikey", "content-type"] {
        assert!(allowed.contains(name), "{name} missing from {allowed}");
    }
    assert_eq!(header(&h, "access-control-max-age"), Some("7200"));
    assert_eq!(header(&h, "access-control-allow-credentials"), None);

    // A real login from that origin: the answer names it, varies by Origin, and lets
    // the page read Retry-After.
    let resp = s
        .client
        .post(format!("{}/user/validate", s.api))
        .header("origin", LISTED)
        .json(&serde_json::json!({ "email": ADMIN, "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let h = resp.headers();
    assert_eq!(header(h, "access-control-allow-origin"), Some(LISTED));
    assert!(vary(h).contains("origin"));
    assert!(header(h, "access-control-expose-headers")
        .unwrap_or("")
        .to_ascii_lowercase()
        .contains("retry-after"));
}

#[tokio::test]
async fn the_consoles_files_are_shared_with_listed_origins() {
    let s = server_for(&[LISTED]).await;
    for path in ["/index.html", "/app.js", "/config.json"] {
        let (status, h) = get_from(&s, &format!("{}{path}", s.base), LISTED).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            header(&h, "access-control-allow-origin"),
            Some(LISTED),
            "{path}"
        );
        let vary = vary(&h);
        assert!(vary.contains("origin"), "{path}: vary {vary}");
        // The encoding negotiation still varies by Accept-Encoding.
        assert!(vary.contains("accept-encoding"), "{path}: vary {vary}");
    }
}

#[tokio::test]
async fn other_origins_get_no_cors_header() {
    let s = server_for(&[LISTED]).await;
    let (status, h) = preflight(&s, &format!("{}/user/me", s.api), OTHER, "GET").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for name in [
        "access-control-allow-origin",
        "access-control-allow-headers",
        "access-control-allow-methods",
        "access-control-max-age",
    ] {
        assert_eq!(header(&h, name), None, "{name}");
    }
    let (_, h) = get_from(&s, &format!("{}/user/me", s.api), OTHER).await;
    assert_eq!(header(&h, "access-control-allow-origin"), None);
    let (_, h) = get_from(&s, &format!("{}/app.js", s.base), OTHER).await;
    assert_eq!(header(&h, "access-control-allow-origin"), None);
    // A listed origin's prefix or suffix is another origin.
    let (_, h) = get_from(
        &s,
        &format!("{}/app.js", s.base),
        "https://console.example.com.evil.example",
    )
    .await;
    assert_eq!(header(&h, "access-control-allow-origin"), None);
}

#[tokio::test]
async fn without_the_option_nothing_is_shared() {
    let s = server_for(&[]).await;
    let (_, h) = preflight(&s, &format!("{}/user/me", s.api), LISTED, "GET").await;
    assert_eq!(header(&h, "access-control-allow-origin"), None);
    let (_, h) = get_from(&s, &format!("{}/app.js", s.base), LISTED).await;
    assert_eq!(header(&h, "access-control-allow-origin"), None);
}

#[tokio::test]
async fn a_wildcard_or_malformed_origin_stops_the_start() {
    for bad in ["*", "https://console.example.com/"] {
        let config = bintu_backend::Config {
            db: ":memory:".into(),
            port: 0,
            cors_origins: vec![bad.into()],
            ..bintu_backend::Config::default()
        };
        let err = bintu_backend::app(&config).err().map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.contains("--cors-origin")),
            "{bad}: {err:?}"
        );
    }
}
