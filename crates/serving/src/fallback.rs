//! Which paths are client routes (answered with `index.html`, the app routes them)
//! and which ask for a file (a miss is a 404: a missing script or wasm must never be
//! answered with HTML, which the browser would try to run).

/// Extensions that ask for a file. deploy/nginx.conf and deploy/Caddyfile list the
/// same ones (a test checks).
pub const FILE_EXTENSIONS: &[&str] = &[
    "js",
    "mjs",
    "css",
    "wasm",
    "json",
    "map",
    "html",
    "png",
    "ico",
    "svg",
    "txt",
    "woff2",
    "webmanifest",
    "br",
    "gz",
];

/// Whether `path`'s last segment has one of [`FILE_EXTENSIONS`].
pub fn asks_for_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.')
        .is_some_and(|(_, ext)| FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::asks_for_file;

    #[test]
    fn files_and_client_routes() {
        assert!(asks_for_file("/wasm-0123456789abcdef/chunk_9.wasm"));
        assert!(asks_for_file("/config.json"));
        assert!(asks_for_file("/Favicon.ICO"));
        assert!(!asks_for_file("/organisation/users/3"));
        assert!(!asks_for_file("/invite/abc.def_-x"));
        assert!(!asks_for_file("/"));
    }
}
