//! How the built console is served: precompressed files chosen by Accept-Encoding,
//! a year of caching for content-hashed names only, ETag revalidation (304) for the
//! rest, client routes answered with index.html, and never a 500 for odd paths.

mod common;

use common::*;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

const HASHED_JS: &str = "/org-console-0123456789abcdef.js";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// The test dist plus a hashed script with (fake) brotli and gzip forms next to it:
/// the server never decodes them, so their bytes tell which one was sent.
async fn server() -> TestServer {
    let dist = make_dist();
    let d = dist.path();
    std::fs::write(d.join(&HASHED_JS[1..]), "console.log('identity')").unwrap();
    std::fs::write(d.join(format!("{}.br", &HASHED_JS[1..])), "BROTLI-BYTES").unwrap();
    std::fs::write(d.join(format!("{}.gz", &HASHED_JS[1..])), "GZIP-BYTES").unwrap();
    std::fs::write(d.join("index.html.br"), "BROTLI-INDEX").unwrap();
    let path = d.to_path_buf();
    let mut s = start_with(|c| c.dist = path).await;
    s.dist = Some(dist);
    s
}

async fn fetch(
    s: &TestServer,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut req = s.client.request(method, format!("{}{path}", s.base));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = req.send().await.expect("request sent");
    let (status, h) = (resp.status(), resp.headers().clone());
    (status, h, resp.bytes().await.unwrap_or_default().to_vec())
}

#[tokio::test]
async fn the_encoding_follows_accept_encoding_and_varies_by_it() {
    let s = server().await;
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), "br", "BROTLI-BYTES"),
        (Some("gzip"), "gzip", "GZIP-BYTES"),
        (Some("br;q=0, gzip;q=0.5"), "gzip", "GZIP-BYTES"),
        (Some("identity"), "", "console.log('identity')"),
        (None, "", "console.log('identity')"),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let (status, h, bytes) = fetch(&s, Method::GET, HASHED_JS, &headers).await;
        assert_eq!(status, 200, "{accept:?}");
        assert_eq!(header(&h, "content-encoding"), encoding, "{accept:?}");
        assert_eq!(String::from_utf8_lossy(&bytes), body, "{accept:?}");
        assert_eq!(header(&h, "vary"), "accept-encoding");
        assert!(header(&h, "content-type").contains("javascript"));
        assert_eq!(header(&h, "content-length"), body.len().to_string());
    }
}

#[tokio::test]
async fn only_content_hashed_names_are_cached_for_a_year() {
    let s = server().await;
    let (_, h, _) = fetch(&s, Method::GET, HASHED_JS, &[]).await;
    assert_eq!(header(&h, "cache-control"), IMMUTABLE);
    for path in [
        "/",
        "/index.html",
        "/organisation/users",
        "/app.js",
        "/embed/host.js",
        "/config.json",
    ] {
        let (status, h, _) = fetch(&s, Method::GET, path, &[]).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(header(&h, "cache-control"), "no-cache", "{path}");
        assert!(
            header(&h, "etag").starts_with('"'),
            "{path} has no strong ETag"
        );
    }
}

#[tokio::test]
async fn revalidation_answers_304_per_representation() {
    let s = server().await;
    for path in ["/", "/organisation/users/3", "/config.json", HASHED_JS] {
        for accept in ["br", "identity"] {
            let (_, h, _) = fetch(&s, Method::GET, path, &[("accept-encoding", accept)]).await;
            let etag = header(&h, "etag").to_string();
            let (status, h304, body) = fetch(
                &s,
                Method::GET,
                path,
                &[("accept-encoding", accept), ("if-none-match", &etag)],
            )
            .await;
            assert_eq!(status, 304, "{path} {accept}");
            assert!(body.is_empty());
            assert_eq!(header(&h304, "etag"), etag);
            assert_eq!(header(&h304, "vary"), "accept-encoding");
        }
    }
    // The brotli form's tag does not validate the identity form.
    let (_, h, _) = fetch(&s, Method::GET, "/", &[("accept-encoding", "br")]).await;
    let br_tag = header(&h, "etag").to_string();
    let (status, _, body) = fetch(&s, Method::GET, "/", &[("if-none-match", &br_tag)]).await;
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains(INLINE_SCRIPT));
}

#[tokio::test]
async fn head_answers_headers_only() {
    let s = server().await;
    let (status, h, body) = fetch(&s, Method::HEAD, HASHED_JS, &[("accept-encoding", "br")]).await;
    assert_eq!(status, 200);
    assert_eq!(header(&h, "content-encoding"), "br");
    assert!(body.is_empty());
}

#[tokio::test]
async fn missing_files_long_paths_and_writes_are_refused_without_a_500() {
    let s = server().await;
    for path in [
        "/org-console-ffffffffffffffff.js".to_string(),
        "/favicon.ico".to_string(),
        format!("/{}", "a".repeat(300)),
        format!("/organisation{}", "/x".repeat(3000)),
    ] {
        let (status, _, _) = fetch(&s, Method::GET, &path, &[]).await;
        assert_eq!(status, 404, "{}", &path[..40.min(path.len())]);
    }
    let (status, h, _) = fetch(&s, Method::POST, "/index.html", &[]).await;
    assert_eq!(status, 405);
    assert_eq!(header(&h, "allow"), "GET, HEAD");
}
