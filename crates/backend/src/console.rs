//! Serving the built console: static files from `dist`, `index.html` for client-side
//! routes, and a plain 503 when the console has not been built.

use std::path::Path;

use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::any;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

/// The embedding example's folder in `dist` (from `public/embed`).
const EMBED_DIR: &str = "embed";

/// A router answering everything not matched before: files from `dist`, with
/// `dist/index.html` (200) for any other path, so deep links like
/// `/organisation/users/3` load the app. Under `/embed` the same for the embedding
/// example, whose deep links (`/embed/organisation/users/3`) get its host page.
pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path) -> Router<S> {
    let index = dist.join("index.html");
    if index.is_file() {
        let files = ServeDir::new(dist).fallback(ServeFile::new(index));
        let router = Router::new().fallback_service(files);
        let embed = dist.join(EMBED_DIR);
        let embed_index = embed.join("index.html");
        if embed_index.is_file() {
            let host_page = ServeDir::new(&embed).fallback(ServeFile::new(embed_index));
            router.nest_service(&format!("/{EMBED_DIR}"), host_page)
        } else {
            router
        }
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
