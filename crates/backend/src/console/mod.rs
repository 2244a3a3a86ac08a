//! Serving the built console: the files of `dist` from memory, precompressed and
//! cached (see [`assets`]), `index.html` for client-side routes, the embedding
//! example's host page for routes under `/embed`, and a plain 503 when the console
//! has not been built. The files are read at start-up: a new build is served after a
//! restart.

mod assets;
mod encoding;
mod precompressed;

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::header::{
    ACCEPT_ENCODING, ALLOW, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;

pub use assets::{Asset, Assets};
pub use encoding::Encoding;

/// The embedding example's folder in `dist` (from `public/embed`).
const EMBED_DIR: &str = "/embed";
const INDEX: &str = "index.html";
/// The app's page and the embedding example's, as URL paths (looked up per request).
const APP_PAGE: &str = "/index.html";
const EMBED_PAGE: &str = "/embed/index.html";
/// Longer paths or segments are no file and no client route: 404 at once.
const MAX_PATH_BYTES: usize = 4096;
const MAX_SEGMENT_BYTES: usize = 255;
/// A router answering everything not matched before with the built console (see the
/// module documentation). The files are read once, here.
pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path) -> Router<S> {
    match Assets::load(dist) {
        Ok(assets) if assets.get(APP_PAGE).is_some() => {
            tracing::info!(files = assets.len(), dist = %dist.display(), "console loaded");
            let assets = Arc::new(assets);
            Router::new().fallback(move |method: Method, uri: Uri, headers: HeaderMap| {
                let assets = assets.clone();
                async move { answer(&assets, &method, uri.path(), &headers) }
            })
        }
        loaded => {
            if let Err(e) = loaded {
                tracing::error!(dist = %dist.display(), error = %e, "could not read the console files");
            }
            let message = format!(
                "The console is not built: no index.html in {}. Run `cargo xtask build` (the API still works).\n",
                dist.display()
            );
            Router::new().fallback(any(move || async move {
                (StatusCode::SERVICE_UNAVAILABLE, message.clone()).into_response()
            }))
        }
    }
}

/// A route answering with one generated file (config.json), negotiated, with its
/// ETag and revalidation like the files of `dist`.
pub fn generated_file(content_type: &'static str, body: Vec<u8>) -> axum::routing::MethodRouter {
    let asset = Arc::new(Asset::generated(content_type, body));
    any(move |method: Method, headers: HeaderMap| {
        let asset = asset.clone();
        async move { respond(&asset, &method, &headers) }
    })
}

/// The text of `dist/index.html`, if the console is built.
pub fn index_html(dist: &Path) -> Option<String> {
    std::fs::read_to_string(dist.join(INDEX)).ok()
}

fn answer(assets: &Assets, method: &Method, path: &str, headers: &HeaderMap) -> Response {
    match resolve(assets, path) {
        Some(asset) => respond(asset, method, headers),
        None if is_read(method) => (StatusCode::NOT_FOUND, "Not found\n").into_response(),
        None => method_not_allowed(),
    }
}

fn is_read(method: &Method) -> bool {
    method == Method::GET || method == Method::HEAD
}

fn method_not_allowed() -> Response {
    let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
    response
}

/// The asset in the encoding the client prefers, or 304 when its copy is current.
fn respond(asset: &Asset, method: &Method, headers: &HeaderMap) -> Response {
    if !is_read(method) {
        return method_not_allowed();
    }
    let accepted = headers.get(ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let chosen = asset.representation(encoding::choose(accepted, &asset.encodings()));

    let mut response = if matches_etag(headers.get(IF_NONE_MATCH), &chosen.etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(chosen.body.clone())
        };
        let mut response = Response::new(body);
        let h = response.headers_mut();
        h.insert(CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
        h.insert(CONTENT_LENGTH, HeaderValue::from(chosen.body.len()));
        if let Some(token) = chosen.encoding.header_token() {
            h.insert(CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        response
    };
    let h = response.headers_mut();
    h.insert(ETAG, chosen.etag.clone());
    h.insert(CACHE_CONTROL, HeaderValue::from_static(asset.cache_control));
    h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Which file answers `path`: the file itself; `index.html` of a folder for a path
/// ending in `/`; for other paths without a file extension the app's page (the
/// embedding example's under `/embed`); nothing (404) otherwise.
fn resolve<'a>(assets: &'a Assets, path: &str) -> Option<&'a Asset> {
    if path.len() > MAX_PATH_BYTES || path.split('/').any(|s| s.len() > MAX_SEGMENT_BYTES) {
        return None;
    }
    if let Some(file) = assets.get(path) {
        return Some(file);
    }
    if path.ends_with('/') {
        if let Some(index) = assets.get(&format!("{path}{INDEX}")) {
            return Some(index);
        }
    }
    if org_console_serving::fallback::asks_for_file(path) {
        return None;
    }
    let under_embed = path
        .strip_prefix(EMBED_DIR)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    under_embed
        .then(|| assets.get(EMBED_PAGE))
        .flatten()
        .or_else(|| assets.get(APP_PAGE))
}

/// `If-None-Match` against the representation's ETag (weak comparison, RFC 9110
/// §13.1.2: a `W/` prefix does not matter for GET).
fn matches_etag(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let Some(Ok(list)) = if_none_match.map(|v| v.to_str()) else {
        return false;
    };
    let ours = etag.to_str().unwrap_or("");
    list.split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist() -> (tempfile::TempDir, Assets) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("index.html"), "app").unwrap();
        std::fs::write(d.join("app-0123456789abcdef.js"), "js").unwrap();
        std::fs::create_dir(d.join("embed")).unwrap();
        std::fs::write(d.join("embed/index.html"), "host").unwrap();
        let assets = Assets::load(d).unwrap();
        (dir, assets)
    }

    fn body_of(asset: Option<&Asset>) -> Option<&[u8]> {
        asset.map(|a| &a.representation(Encoding::Identity).body[..])
    }

    #[test]
    fn files_client_routes_and_embed_routes_resolve() {
        let (_d, a) = dist();
        assert_eq!(
            body_of(resolve(&a, "/app-0123456789abcdef.js")),
            Some(&b"js"[..])
        );
        assert_eq!(body_of(resolve(&a, "/")), Some(&b"app"[..]));
        assert_eq!(
            body_of(resolve(&a, "/organisation/users/3")),
            Some(&b"app"[..])
        );
        assert_eq!(body_of(resolve(&a, "/invite/abc_-DEF")), Some(&b"app"[..]));
        assert_eq!(body_of(resolve(&a, "/embed")), Some(&b"host"[..]));
        assert_eq!(body_of(resolve(&a, "/embed/")), Some(&b"host"[..]));
        assert_eq!(
            body_of(resolve(&a, "/embed/organisation/users")),
            Some(&b"host"[..])
        );
        assert_eq!(body_of(resolve(&a, "/embedded")), Some(&b"app"[..]));
    }

    #[test]
    fn missing_files_and_oversized_paths_are_not_found() {
        let (_d, a) = dist();
        assert!(resolve(&a, "/app-ffffffffffffffff.js").is_none());
        assert!(resolve(&a, "/embed/missing.css").is_none());
        assert!(resolve(&a, "/favicon.ico").is_none());
        assert!(resolve(&a, &format!("/{}", "a".repeat(256))).is_none());
        assert!(resolve(&a, &"/ab".repeat(2000)).is_none());
        assert!(resolve(&a, &format!("/{}", "a".repeat(255))).is_some());
    }

    #[test]
    fn etags_match_weakly_and_in_lists() {
        let ours = HeaderValue::from_static("\"abc-br\"");
        let m = |v: &'static str| matches_etag(Some(&HeaderValue::from_static(v)), &ours);
        assert!(m("\"abc-br\""));
        assert!(m("W/\"abc-br\""));
        assert!(m("\"x\", \"abc-br\""));
        assert!(m("*"));
        assert!(!m("\"abc\""));
        assert!(!matches_etag(None, &ours));
    }
}
