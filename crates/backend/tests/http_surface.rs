//! What every answer looks like from outside: security headers, the console's static
//! files and client-route fallback, JSON 404s under the API, config.json, OpenAPI.

mod common;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use bintu_backend::routes::api_routes;
use common::*;
use reqwest::header::HeaderMap;
use reqwest::Method;
use sha2::{Digest, Sha256};

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

fn expected_script_hash() -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(INLINE_SCRIPT.as_bytes()))
    )
}

#[track_caller]
fn assert_security_headers(h: &HeaderMap, frame_ancestors: &str) {
    let csp = header(h, "content-security-policy");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(
        csp.contains(&expected_script_hash()),
        "CSP lacks the inline script hash: {csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    for directive in [
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(directive), "missing {directive}: {csp}");
    }
    assert!(
        csp.contains(&format!("frame-ancestors {frame_ancestors}")),
        "{csp}"
    );
    // Exactly one script hash: the external script is not hashed.
    assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
    assert_eq!(header(h, "referrer-policy"), "no-referrer");
    assert_eq!(header(h, "x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn security_headers_on_pages_and_api_answers() {
    let s = start().await;
    let (status, h, _) = s.get_page("/").await;
    assert_eq!(status, 200);
    assert_security_headers(&h, "'self'");

    let login = s.login_answer(ADMIN, DEMO_PASSWORD).await;
    assert_security_headers(&login.headers, "'self'");
    assert_eq!(header(&login.headers, "cache-control"), "no-store");
    let error = s.get("/organisation", &Auth::None).await;
    assert_security_headers(&error.headers, "'self'");
    assert_eq!(header(&error.headers, "cache-control"), "no-store");
    let missing = s.get("/does-not-exist", &Auth::None).await;
    assert_eq!(header(&missing.headers, "cache-control"), "no-store");
}

#[tokio::test]
async fn frame_ancestors_is_configurable() {
    let s = start_with(|c| c.frame_ancestors = "'self' https://portal.example.com".into()).await;
    let (_, h, _) = s.get_page("/organisation").await;
    assert_security_headers(&h, "'self' https://portal.example.com");
}

#[tokio::test]
async fn client_routes_get_index_html_and_files_are_served() {
    let s = start().await;
    for path in ["/", "/organisation/users/3", "/invite/some-token", "/login"] {
        let (status, h, body) = s.get_page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            header(&h, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert!(
            body.contains(INLINE_SCRIPT),
            "{path} did not serve index.html"
        );
    }
    let (status, h, body) = s.get_page("/app.js").await;
    assert_eq!(status, 200);
    assert!(header(&h, "content-type").contains("javascript"));
    assert!(body.contains("console.log"));
}

#[tokio::test]
async fn embed_deep_links_get_the_host_page_and_its_files_are_served() {
    let s = start().await;
    for path in ["/embed/", "/embed/organisation/users/3", "/embed/invite/x"] {
        let (status, h, body) = s.get_page(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(body, EMBED_HOST_PAGE, "{path} did not serve the host page");
        assert_security_headers(&h, "'self'");
    }
    let (status, _, body) = s.get_page("/embed/host.js").await;
    assert_eq!(status, 200);
    assert!(body.contains("console.log('host')"));
}

#[tokio::test]
async fn unknown_api_paths_are_json_envelopes_not_the_console() {
    let s = start().await;
    for path in ["/nope", "/user/3/extra", ""] {
        let a = s.get(path, &Auth::None).await;
        a.assert_error(404, 3001);
        assert!(header(&a.headers, "content-type").starts_with("application/json"));
    }
    let wrong_method = s.call(Method::PATCH, "/organisation", &s.key(), None).await;
    wrong_method.assert_error(405, 3001);
}

#[tokio::test]
async fn config_json_names_the_api_prefix() {
    let s = start_with(|c| c.api_prefix = "/bintu/v1/".into()).await;
    let (status, _, body) = s.get_page("/config.json").await;
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v, serde_json::json!({ "apiBaseUrl": "/bintu/v1" }));
    assert!(s.api.ends_with("/bintu/v1"));
    s.login(ADMIN).await;
    // The old prefix is now a client route.
    let (status, _, body) = s.get_page("/api/organisation").await;
    assert_eq!(status, 200);
    assert!(body.contains("<html"));
}

#[tokio::test]
async fn openapi_document_is_served() {
    let s = start().await;
    let a = s.get("/openapi.json", &Auth::None).await;
    let doc = a.assert_ok();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1."));
    for (method, path) in api_routes("/api", true)
        .iter()
        .map(|r| (r.method.to_lowercase(), r.path))
    {
        assert!(
            doc["paths"][path][&method].is_object(),
            "{method} {path} undocumented"
        );
    }
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bintuToken"]["name"], "X-BINTU-TOKEN");
    assert_eq!(schemes["bintuApiKey"]["name"], "X-BINTU-APIKEY");
    assert!(doc["components"]["schemas"]["ErrorEnvelope"].is_object());
}

#[tokio::test]
async fn every_listed_route_is_routed() {
    let s = start().await;
    for route in api_routes("/api", true) {
        let path = route.path.replace("{id}", "1");
        let method = Method::from_bytes(route.method.as_bytes()).unwrap();
        let a = s.call(method, &path, &Auth::None, None).await;
        assert_ne!(a.status, 405, "{} {} not routed", route.method, route.path);
        assert!(
            !(a.status == 404 && a.message().contains("no such API endpoint")),
            "{} {} not routed",
            route.method,
            route.path
        );
    }
}

#[tokio::test]
async fn without_a_built_console_the_api_still_works() {
    let s = start_with(|c| c.dist = std::env::temp_dir().join("no-such-dist-folder-4242")).await;
    let (status, h, body) = s.get_page("/").await;
    assert_eq!(status, 503);
    assert!(body.contains("not built"), "{body}");
    assert_eq!(header(&h, "referrer-policy"), "no-referrer");
    // No inline script to allow without a console.
    assert!(!header(&h, "content-security-policy").contains("sha256-"));
    s.login(ADMIN).await;
}
