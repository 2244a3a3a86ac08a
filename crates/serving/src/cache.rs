//! Which of the console's files may be cached for a year and which must be
//! revalidated on every use.

/// `Cache-Control` of a file whose name changes with its content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of a file with a stable name (index.html, config.json,
/// /org-console.js): kept, but checked with the server before each use.
pub const REVALIDATE: &str = "no-cache";

/// Content-hashed names never change content: a year, immutable. So does everything
/// in a content-addressed folder (`/wasm-<hash>/…`, where `cargo xtask build` puts the
/// split wasm, whose modules find each other by fixed names). Everything else
/// (index.html, the stable embedding entry points) is revalidated on every use.
pub fn cache_control(url_path: &str) -> &'static str {
    if is_immutable(url_path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// Whether the file at `url_path` (`/wasm-…/chunk_3.wasm`) never changes content.
pub fn is_immutable(url_path: &str) -> bool {
    let mut parts = url_path.trim_start_matches('/').split('/');
    let name = parts.next_back().unwrap_or_default();
    is_content_hashed(name) || parts.any(is_content_addressed_folder)
}

/// `wasm-<16 hex digits>`, the folder of one build's wasm.
fn is_content_addressed_folder(name: &str) -> bool {
    name.strip_prefix("wasm-").is_some_and(|hash| {
        hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

/// trunk's hashed names: `stem-<hex>.ext` or `stem-<hex>_bg.wasm`, where the hash is
/// 12 to 16 hex digits (trunk does not zero-pad it).
pub fn is_content_hashed(name: &str) -> bool {
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len())
            && hash
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_content_hashed("org-console-61aef1316f2a0d97.js"));
        assert!(is_content_hashed("org-console-61aef1316f2a0d97_bg.wasm"));
        assert!(is_content_hashed("layout-e4db0aad3fdfb58.css"));
        assert!(!is_content_hashed("org-console.js"));
        assert!(!is_content_hashed("org-console.css"));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("config.json"));
        assert!(!is_content_hashed("host-page.js"));
        assert!(!is_content_hashed("x-ABCDEF0123456789.js"));
        assert!(!is_content_hashed("x-0123456789abcdef01.js"));
    }

    #[test]
    fn only_hashed_names_are_immutable() {
        assert_eq!(
            cache_control("/users-5525627e8c8ce83b.css"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control("/index.html"), "no-cache");
        for path in [
            "/wasm-0123456789abcdef/org-console_bg.wasm",
            "/wasm-0123456789abcdef/__wasm_split.js",
            "/wasm-0123456789abcdef/chunk_7.wasm",
        ] {
            assert_eq!(cache_control(path), "public, max-age=31536000, immutable");
        }
        for path in [
            "/wasm-latest/chunk_7.wasm",
            "/embed/wasm-0123.js",
            "/org-console.js",
        ] {
            assert_eq!(cache_control(path), "no-cache", "{path}");
        }
    }
}
