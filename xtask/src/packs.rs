//! A first visit's wasm in one file per page: the page's split and every chunk it
//! needs, as the splitter's loader takes them (`Options::pack_eager_splits`,
//! `vendor/README.md`). Fetched one by one, a page's first screen was 9 to 14 files,
//! each compressed on its own and each a request (six at a time over HTTP/1.1);
//! packed, the same bytes are one request and compress together, 6 to 15 KB less
//! brotli per route. The files stay beside the pack: later pages, and a first visit
//! whose pack cannot be had, fetch them one by one.
//!
//! A pack is a valid wasm module of custom sections only, one per file, named by
//! the file: every server, CDN and build step already knows `.wasm` (its type, its
//! compression, the build folder's year-long caching), and the loader reads it
//! with a dozen lines of JS.

use std::collections::HashMap;
use std::path::Path;

/// `\0asm`, version 1.
const WASM_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const CUSTOM_SECTION: u8 = 0;

/// Writes `pack_<split>.wasm` into `dir` for each of `splits`, from the optimised
/// modules there (`<stem>.wasm` for each stem the splitter lists for the split).
pub fn write(
    dir: &Path,
    splits: &[&str],
    files_of: &HashMap<String, Vec<String>>,
) -> Result<(), String> {
    for split in splits {
        let stems = files_of
            .get(*split)
            .ok_or_else(|| format!("the splitter lists no files for the split `{split}`"))?;
        let mut files = Vec::new();
        for stem in stems {
            let name = format!("{stem}.wasm");
            let bytes = std::fs::read(dir.join(&name))
                .map_err(|e| format!("reading {name} for {split}'s pack: {e}"))?;
            files.push((name, bytes));
        }
        let to = dir.join(wasm_split_cli_support::pack_file_name(split));
        std::fs::write(&to, pack(&files)).map_err(|e| format!("writing {}: {e}", to.display()))?;
    }
    Ok(())
}

/// The pack of `files` (name, bytes), in their order.
fn pack(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = WASM_HEADER.to_vec();
    for (name, bytes) in files {
        let mut name_field = leb128(name.len());
        name_field.extend_from_slice(name.as_bytes());
        out.push(CUSTOM_SECTION);
        out.extend(leb128(name_field.len() + bytes.len()));
        out.extend(name_field);
        out.extend_from_slice(bytes);
    }
    out
}

/// Unsigned LEB128, as wasm writes section and name lengths.
fn leb128(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return out;
        }
        out.push(low | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a pack back as the loader does (`unpack` in the splitter's snippet).
    fn unpack(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        assert_eq!(bytes[..8], WASM_HEADER);
        let mut at = 8;
        let leb = |at: &mut usize| {
            let (mut value, mut shift) = (0usize, 0);
            loop {
                let b = bytes[*at];
                *at += 1;
                value |= usize::from(b & 0x7f) << shift;
                if b < 0x80 {
                    return value;
                }
                shift += 7;
            }
        };
        let mut files = Vec::new();
        while at < bytes.len() {
            assert_eq!(bytes[at], CUSTOM_SECTION);
            at += 1;
            let end = leb(&mut at) + at;
            let name_length = leb(&mut at);
            let name = String::from_utf8(bytes[at..at + name_length].to_vec()).unwrap();
            files.push((name, bytes[at + name_length..end].to_vec()));
            at = end;
        }
        files
    }

    #[test]
    fn lengths_are_leb128() {
        assert_eq!(leb128(0), [0]);
        assert_eq!(leb128(127), [0x7f]);
        assert_eq!(leb128(128), [0x80, 0x01]);
        assert_eq!(leb128(624_485), [0xe5, 0x8e, 0x26]);
    }

    #[test]
    fn a_pack_holds_each_file_under_its_name_in_order() {
        let files = vec![
            ("chunk_3.wasm".to_string(), vec![1, 2, 3]),
            (
                "split_users.wasm".to_string(),
                (0..=255).cycle().take(40_000).collect(),
            ),
            ("empty.wasm".to_string(), Vec::new()),
        ];
        assert_eq!(unpack(&pack(&files)), files);
    }

    #[test]
    fn a_pack_of_nothing_is_an_empty_module() {
        assert_eq!(pack(&[]), WASM_HEADER);
    }
}
