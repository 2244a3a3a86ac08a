//! The `.br` and `.gz` variants of a console file, trusted by content, never by
//! timestamp: a deploy that copies `dist/` (`cp -r`, a container's COPY, rsync without
//! `-t`) gives every file a fresh modification time in any order. A variant is used
//! only if it decompresses to exactly the file's bytes; a missing or stale one is made
//! here, once, at start-up (one WARN line names the file), so every compressible file
//! is served compressed whatever happened to it on the way.

use std::io::{Read, Write};
use std::path::Path;

use super::encoding::Encoding;

/// Extensions worth compressing (the same list `cargo xtask build` precompresses);
/// images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "map",
];
/// Below this, compression does not pay for the extra header bytes.
const MIN_COMPRESS_BYTES: usize = 512;

/// What became of one file's variants.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Variants {
    /// The valid variants, best encoding first.
    pub bodies: Vec<(Encoding, Vec<u8>)>,
    /// Encodings whose file was missing or did not hold this content, made anew.
    pub remade: Vec<Encoding>,
}

/// The compressed forms of `identity` (the bytes of `path`): each variant file beside
/// it that holds exactly this content, and for a compressible file, the others made
/// now. A variant only smaller than the file is kept.
pub fn variants(path: &Path, identity: &[u8]) -> std::io::Result<Variants> {
    let mut out = Variants::default();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let compressible = is_compressible(name, identity.len());
    for encoding in Encoding::PREFERENCE {
        let Some(suffix) = encoding.file_suffix() else {
            continue;
        };
        let stored = match std::fs::read(path.with_file_name(format!("{name}.{suffix}"))) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let body = match stored {
            Some(bytes) if decompresses_to(encoding, &bytes, identity) => bytes,
            _ if compressible => {
                out.remade.push(encoding);
                compress(encoding, identity)?
            }
            _ => continue,
        };
        if body.len() < identity.len() {
            out.bodies.push((encoding, body));
        }
    }
    Ok(out)
}

fn is_compressible(name: &str, len: usize) -> bool {
    len >= MIN_COMPRESS_BYTES
        && name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

/// Whether `packed` decompresses to exactly `identity`. Reads at most one byte more
/// than `identity`, so a corrupt or hostile variant cannot inflate without bound.
fn decompresses_to(encoding: Encoding, packed: &[u8], identity: &[u8]) -> bool {
    let limit = identity.len() as u64 + 1;
    let mut unpacked = Vec::with_capacity(identity.len());
    let read = match encoding {
        Encoding::Brotli => brotli::Decompressor::new(packed, 64 * 1024)
            .take(limit)
            .read_to_end(&mut unpacked),
        Encoding::Gzip => flate2::read::GzDecoder::new(packed)
            .take(limit)
            .read_to_end(&mut unpacked),
        Encoding::Identity => return packed == identity,
    };
    read.is_ok() && unpacked == identity
}

/// Brotli at quality 11 and gzip at level 9, as `cargo xtask build` makes them.
pub fn compress(encoding: Encoding, raw: &[u8]) -> std::io::Result<Vec<u8>> {
    match encoding {
        Encoding::Brotli => {
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                ..Default::default()
            };
            let mut out = Vec::new();
            brotli::BrotliCompress(&mut &raw[..], &mut out, &params)?;
            Ok(out)
        }
        Encoding::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(raw)?;
            encoder.finish()
        }
        Encoding::Identity => Ok(raw.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js() -> Vec<u8> {
        "export const greeting = 'hello, world';\n"
            .repeat(40)
            .into_bytes()
    }

    #[test]
    fn a_variant_with_the_files_content_is_used_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.js");
        let stored = compress(Encoding::Gzip, &js()).unwrap();
        std::fs::write(path.with_file_name("app.js.gz"), &stored).unwrap();
        let v = variants(&path, &js()).unwrap();
        assert_eq!(v.remade, vec![Encoding::Brotli]);
        assert_eq!(v.bodies[1], (Encoding::Gzip, stored));
    }

    #[test]
    fn a_stale_or_corrupt_variant_is_made_anew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.js");
        let old = compress(Encoding::Brotli, b"an older build of app.js").unwrap();
        std::fs::write(path.with_file_name("app.js.br"), old).unwrap();
        std::fs::write(path.with_file_name("app.js.gz"), b"not gzip at all").unwrap();
        let v = variants(&path, &js()).unwrap();
        assert_eq!(v.remade, vec![Encoding::Brotli, Encoding::Gzip]);
        for (encoding, body) in &v.bodies {
            assert!(decompresses_to(*encoding, body, &js()));
        }
    }

    #[test]
    fn a_variant_that_inflates_beyond_the_file_is_refused() {
        let bigger = [js(), b"more".to_vec()].concat();
        let packed = compress(Encoding::Brotli, &bigger).unwrap();
        assert!(!decompresses_to(Encoding::Brotli, &packed, &js()));
    }

    #[test]
    fn small_and_incompressible_files_get_no_variant_made() {
        let dir = tempfile::tempdir().unwrap();
        let small = variants(&dir.path().join("a.js"), b"x()").unwrap();
        assert_eq!(small, Variants::default());
        let png = variants(&dir.path().join("a.png"), &js()).unwrap();
        assert_eq!(png, Variants::default());
    }
}
