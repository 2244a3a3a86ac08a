//! Serving the built console: static files from `dist`, `index.html` for client-side
//! routes, and a plain 503 when the console has not been built.

use std::path::Path;

use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::any;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

/// A router answering everything not matched before: files from `dist`, with
/// `dist/index.html` (200) for any other path, so deep links like
/// `/organisation/users/3` load the app.
pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path) -> Router<S> {
    let index = dist.join("index.html");
    if index.is_file() {
        let files = ServeDir::new(dist).fallback(ServeFile::new(index));
        Router::new().fallback_service(files)
    } else {
        let message = format!(
            "The console is not built: no index.html in {}. Run `cargo xtask build` (the API still works).\n",
            dist.display()
        );
        Router::new().fallback(any(move || async move {
            (StatusCode::SERVICE_UNAVAILABLE, message.clone()).into_response()
        }))
    }
}

/// The text of `dist/index.html`, if the console is built.
pub fn index_html(dist: &Path) -> Option<String> {
    std::fs::read_to_string(dist.join("index.html")).ok()
}
