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

/// A script big enough to be worth compressing.
fn script() -> String {
    "console.log('the console, identity');\n".repeat(40)
}

fn brotli(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams::default();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).unwrap();
    out
}

fn gzip(raw: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(raw).unwrap();
    encoder.finish().unwrap()
}

/// The test dist plus a hashed script with its brotli and gzip forms next to it
/// (made at a different level than the server's, so their bytes tell that the stored
/// ones were sent), and a brotli form of index.html.
async fn server() -> TestServer {
    let dist = make_dist();
    let d = dist.path();
    let name = &HASHED_JS[1..];
    std::fs::write(d.join(name), script()).unwrap();
    std::fs::write(d.join(format!("{name}.br")), brotli(script().as_bytes())).unwrap();
    std::fs::write(d.join(format!("{name}.gz")), gzip(script().as_bytes())).unwrap();
    let index = std::fs::read(d.join("index.html")).unwrap();
    std::fs::write(d.join("index.html.br"), brotli(&index)).unwrap();
    serve(dist).await
}

async fn serve(dist: tempfile::TempDir) -> TestServer {
    let path = dist.path().to_path_buf();
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
    let stored = |suffix: &str| {
        let dir = s.dist.as_ref().unwrap().path();
        std::fs::read(dir.join(format!("{}.{suffix}", &HASHED_JS[1..]))).unwrap()
    };
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), "br", stored("br")),
        (Some("gzip"), "gzip", stored("gz")),
        (Some("br;q=0, gzip;q=0.5"), "gzip", stored("gz")),
        (Some("identity"), "", script().into_bytes()),
        (None, "", script().into_bytes()),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let (status, h, bytes) = fetch(&s, Method::GET, HASHED_JS, &headers).await;
        assert_eq!(status, 200, "{accept:?}");
        assert_eq!(header(&h, "content-encoding"), encoding, "{accept:?}");
        assert!(bytes == body, "{accept:?}: not the stored representation");
        assert_eq!(header(&h, "vary"), "accept-encoding");
        assert!(header(&h, "content-type").contains("javascript"));
        assert_eq!(header(&h, "content-length"), body.len().to_string());
    }
}

/// Decodes a response body by its Content-Encoding.
fn decoded(encoding: &str, body: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    match encoding {
        "br" => brotli::Decompressor::new(body, 4096).read_to_end(&mut out),
        "gzip" => flate2::read::GzDecoder::new(body).read_to_end(&mut out),
        _ => return body.to_vec(),
    }
    .unwrap();
    out
}

/// A deploy copies dist/ (`cp -r`, a container's COPY): every file gets a new
/// modification time, here the compressed forms before their sources, and one form
/// is lost or left from an older build. Each file is still served as br and gzip,
/// with its own content.
#[tokio::test]
async fn a_copied_dist_with_fresh_timestamps_still_serves_br_and_gzip() {
    let built = tempfile::tempdir().unwrap();
    let b = built.path();
    let name = &HASHED_JS[1..];
    let wasm: Vec<u8> = (0..20_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(b.join(name), script()).unwrap();
    std::fs::write(b.join(format!("{name}.br")), brotli(script().as_bytes())).unwrap();
    std::fs::write(b.join(format!("{name}.gz")), gzip(script().as_bytes())).unwrap();
    std::fs::write(b.join("app_bg.wasm"), &wasm).unwrap();
    // From an older build: the same name, other content.
    std::fs::write(b.join("app_bg.wasm.br"), brotli(&wasm[..1000])).unwrap();
    // app_bg.wasm.gz is missing.

    let copy = make_dist();
    let mut entries: Vec<_> = std::fs::read_dir(b).unwrap().flatten().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.file_name()));
    for (i, entry) in entries.iter().enumerate() {
        let to = copy.path().join(entry.file_name());
        std::fs::copy(entry.path(), &to).unwrap();
        // Strictly increasing times in reverse name order: every `.gz` and `.br` is
        // older than the file it compresses.
        let time = std::time::SystemTime::now() + std::time::Duration::from_secs(i as u64);
        std::fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }
    let s = serve(copy).await;

    for (path, identity) in [(HASHED_JS, script().into_bytes()), ("/app_bg.wasm", wasm)] {
        for (accept, encoding) in [("br, gzip", "br"), ("gzip", "gzip")] {
            let (status, h, body) =
                fetch(&s, Method::GET, path, &[("accept-encoding", accept)]).await;
            assert_eq!(status, 200, "{path} {accept}");
            assert_eq!(header(&h, "content-encoding"), encoding, "{path} {accept}");
            assert!(
                body.len() < identity.len(),
                "{path} {accept}: not compressed"
            );
            assert!(
                decoded(encoding, &body) == identity,
                "{path} {accept}: other content"
            );
        }
    }
    // The valid stored form was sent as it was, not made anew.
    let (_, _, body) = fetch(&s, Method::GET, HASHED_JS, &[("accept-encoding", "gzip")]).await;
    assert_eq!(body, gzip(script().as_bytes()));
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
