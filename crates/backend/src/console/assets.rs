//! The built console held in memory: every file of `dist` with its precompressed
//! variants (`.br`, `.gz`: made at build time by `cargo xtask build`, checked by
//! content and made anew where missing or stale, see [`super::precompressed`]),
//! content type, cache policy and a strong ETag per representation. Read once at
//! start-up, so a request costs a map lookup and never touches the disk.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use axum::body::Bytes;
use axum::http::HeaderValue;
use sha2::{Digest, Sha256};

use org_console_serving::cache::{cache_control, REVALIDATE};

use super::encoding::Encoding;
use super::precompressed;

/// Files larger than this are not served from memory (a built console has none).
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// One stored form of a file.
#[derive(Debug, Clone)]
pub struct Representation {
    pub encoding: Encoding,
    pub body: Bytes,
    pub etag: HeaderValue,
}

/// A file of the built console.
#[derive(Debug, Clone)]
pub struct Asset {
    pub content_type: &'static str,
    pub cache_control: &'static str,
    /// Identity first, then whatever precompressed forms exist.
    pub representations: Vec<Representation>,
}

impl Asset {
    /// A file made by the server itself (not from `dist`): identity only, revalidated.
    pub fn generated(content_type: &'static str, body: Vec<u8>) -> Asset {
        Asset {
            content_type,
            cache_control: REVALIDATE,
            representations: vec![representation(Encoding::Identity, body)],
        }
    }

    pub fn encodings(&self) -> Vec<Encoding> {
        self.representations.iter().map(|r| r.encoding).collect()
    }

    pub fn representation(&self, encoding: Encoding) -> &Representation {
        self.representations
            .iter()
            .find(|r| r.encoding == encoding)
            .unwrap_or(&self.representations[0])
    }
}

/// Every file of `dist`, by URL path (`/org-console-1a2b….js`, `/embed/host.js`).
#[derive(Debug, Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
}

impl Assets {
    /// Reads `dist` recursively. A `.br`/`.gz` file is a variant of the file it
    /// compresses, used only if it holds that file's content.
    pub fn load(dist: &Path) -> io::Result<Assets> {
        let mut files = HashMap::new();
        load_dir(dist, dist, &mut files)?;
        Ok(Assets { files })
    }

    pub fn get(&self, url_path: &str) -> Option<&Asset> {
        self.files.get(url_path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

fn load_dir(root: &Path, dir: &Path, files: &mut HashMap<String, Asset>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let meta = entry.metadata()?;
        if meta.is_dir() {
            load_dir(root, &path, files)?;
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_variant = Encoding::PREFERENCE
            .iter()
            .filter_map(|e| e.file_suffix())
            .any(|s| name.ends_with(&format!(".{s}")));
        if is_variant || !meta.is_file() || meta.len() > MAX_FILE_BYTES {
            continue;
        }
        let Some(url_path) = url_path(root, &path) else {
            continue;
        };
        let identity = std::fs::read(&path)?;
        let variants = precompressed::variants(&path, &identity)?;
        if !variants.remade.is_empty() {
            tracing::warn!(
                file = %url_path,
                remade = ?variants.remade,
                "precompressed variant missing or not matching the file: compressed at start-up"
            );
        }
        let mut representations = vec![representation(Encoding::Identity, identity)];
        representations.extend(
            variants
                .bodies
                .into_iter()
                .map(|(encoding, body)| representation(encoding, body)),
        );
        let asset = Asset {
            content_type: content_type(&name),
            cache_control: cache_control(&url_path),
            representations,
        };
        files.insert(url_path, asset);
    }
    Ok(())
}

/// `/`-separated path below `root`, if every part is valid UTF-8.
fn url_path(root: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(root).ok()?;
    let mut url = String::new();
    for part in relative.components() {
        url.push('/');
        url.push_str(part.as_os_str().to_str()?);
    }
    Some(url)
}

fn representation(encoding: Encoding, body: Vec<u8>) -> Representation {
    let digest = Sha256::digest(&body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    let suffix = encoding
        .header_token()
        .map(|t| format!("-{t}"))
        .unwrap_or_default();
    let etag = HeaderValue::from_str(&format!("\"{hex}{suffix}\"")).expect("hex is a valid header");
    Representation {
        encoding,
        body: Bytes::from(body),
        etag,
    }
}

/// The media type by extension; text types are UTF-8.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_trusted_by_content_not_by_timestamp() {
        let dir = tempfile::tempdir().unwrap();
        let js = "console.log('the console');\n".repeat(50);
        let stale = precompressed::compress(Encoding::Gzip, b"an older build").unwrap();
        std::fs::write(dir.path().join("a.js.gz"), stale).unwrap();
        // Written after the source: a timestamp check would have trusted it.
        std::fs::write(dir.path().join("a.js"), &js).unwrap();
        std::fs::write(dir.path().join("a.js.br"), b"garbage").unwrap();
        let assets = Assets::load(dir.path()).unwrap();
        let a = assets.get("/a.js").unwrap();
        assert_eq!(
            a.encodings(),
            vec![Encoding::Identity, Encoding::Brotli, Encoding::Gzip]
        );
        let gz = &a.representation(Encoding::Gzip).body;
        let mut unpacked = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unpacked)
            .unwrap();
        assert_eq!(unpacked, js);
        assert!(assets.get("/a.js.gz").is_none());
    }

    #[test]
    fn fresh_variants_nested_paths_and_distinct_etags() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("embed")).unwrap();
        let host = "document.title = 'host';\n".repeat(40);
        let packed = precompressed::compress(Encoding::Brotli, host.as_bytes()).unwrap();
        std::fs::write(dir.path().join("embed/host.js"), &host).unwrap();
        std::fs::write(dir.path().join("embed/host.js.br"), packed).unwrap();
        let assets = Assets::load(dir.path()).unwrap();
        let host = assets.get("/embed/host.js").unwrap();
        assert_eq!(
            host.encodings(),
            vec![Encoding::Identity, Encoding::Brotli, Encoding::Gzip]
        );
        assert_ne!(
            host.representation(Encoding::Identity).etag,
            host.representation(Encoding::Brotli).etag
        );
        assert_eq!(host.content_type, "text/javascript; charset=utf-8");
        assert_eq!(assets.len(), 1);
    }
}
