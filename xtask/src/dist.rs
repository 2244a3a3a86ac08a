//! What `cargo xtask build` does to dist/ after `trunk build`, which trunk cannot do:
//!
//! - one stylesheet: trunk hashes and minifies each `style/*.css` link on its own;
//!   they become one content-hashed `org-console-<hash>.css` (one request, one
//!   cache entry) linked where the first was;
//! - minified JavaScript: trunk's own JS minifier fails on wasm-bindgen's output, so
//!   esbuild (from .tools) minifies the hashed glue module in place;
//! - stable names for host pages: `org-console.js` (the embedding module of
//!   `src/embed/org-console.js`, with this build's hashed glue and wasm names filled
//!   in) and `org-console.css`;
//! - precompressed copies: `.br` and `.gz` beside every text and wasm file, made
//!   once here so the server never compresses per request.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::util::{run, Ctx};

/// The crate's output name (trunk's `<name>-<hash>.js` and `<name>-<hash>_bg.wasm`).
const APP: &str = "org-console";
/// Extensions worth compressing; images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "map",
];
/// Below this, compression does not pay for the extra header bytes.
const MIN_COMPRESS_BYTES: usize = 512;

pub fn finish(ctx: &Ctx, dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let html = read_text(&index_path)?;
    let html = bundle_css(dist, &html)?;
    write(&index_path, html.as_bytes())?;
    let glue = hashed_glue(dist)?;
    minify_js(ctx, &glue)?;
    let entry = write_stable_entry(ctx, dist, &glue)?;
    minify_js(ctx, &entry)?;
    precompress(dist)
}

/// Joins the stylesheets the page links, in cascade order, into one hashed file and
/// a stable copy for host pages; returns the page linking the one file.
fn bundle_css(dist: &Path, html: &str) -> Result<String, String> {
    let links = stylesheet_links(html);
    if links.is_empty() {
        return Err("dist/index.html links no stylesheet: did trunk's output change?".into());
    }
    let mut css = String::new();
    for link in &links {
        let file = dist.join(link.href.trim_start_matches('/'));
        css.push_str(&read_text(&file)?);
        css.push('\n');
        std::fs::remove_file(&file).map_err(|e| format!("removing {}: {e}", file.display()))?;
    }
    let name = format!("{APP}-{:016x}.css", fnv1a(css.as_bytes()));
    write(&dist.join(&name), css.as_bytes())?;
    write(&dist.join(format!("{APP}.css")), css.as_bytes())?;

    let prefix = links[0].href.rsplit_once('/').map_or("", |(p, _)| p);
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (i, link) in links.iter().enumerate() {
        out.push_str(&html[last..link.start]);
        if i == 0 {
            out.push_str(&format!("<link rel=stylesheet href={prefix}/{name}>"));
        }
        last = link.end;
    }
    out.push_str(&html[last..]);
    Ok(out)
}

struct Link {
    start: usize,
    end: usize,
    href: String,
}

/// Every `<link rel=stylesheet href=…>` tag, quoted or not (trunk minifies the page).
fn stylesheet_links(html: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<link") {
        let start = from + offset;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start..end];
        let is_stylesheet = attribute(tag, "rel").is_some_and(|r| r == "stylesheet");
        if let (true, Some(href)) = (is_stylesheet, attribute(tag, "href")) {
            links.push(Link { start, end, href });
        }
        from = end;
    }
    links
}

/// The value of `name` in one tag: `name=value`, `name="value"` or `name='value'`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last();
        let after = &rest[i + name.len()..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string(),
        });
    }
    None
}

/// trunk's hashed glue module, `org-console-<hash>.js`.
fn hashed_glue(dist: &Path) -> Result<PathBuf, String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("reading {}: {e}", dist.display()))?;
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{APP}-")) && n.ends_with(".js"))
        })
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "expected one {APP}-<hash>.js in {}, found {n}",
            dist.display()
        )),
    }
}

fn minify_js(ctx: &Ctx, file: &Path) -> Result<(), String> {
    let mut c = ctx.cmd(ctx.tools_dir.join("node_modules/.bin/esbuild"));
    c.arg(file)
        .args([
            "--minify",
            "--format=esm",
            "--log-level=warning",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", file.display()));
    run(c)
}

/// The embedding module's source, with placeholders for this build's file names.
const ENTRY_SOURCE: &str = "src/embed/org-console.js";
const GLUE_PLACEHOLDER: &str = "__ORG_CONSOLE_GLUE__";
const WASM_PLACEHOLDER: &str = "__ORG_CONSOLE_WASM__";

/// `org-console.js`: the stable URL a host page imports (the `<org-console>` element
/// and `mount()`); it names the hashed glue and wasm next to it, wherever the files
/// are served from. Returns its path.
fn write_stable_entry(ctx: &Ctx, dist: &Path, glue: &Path) -> Result<PathBuf, String> {
    let glue_name = glue
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let wasm_name = glue_name.replace(".js", "_bg.wasm");
    if !dist.join(&wasm_name).is_file() {
        return Err(format!("{wasm_name} is missing next to {glue_name}"));
    }
    let source = read_text(&ctx.root.join(ENTRY_SOURCE))?;
    for placeholder in [GLUE_PLACEHOLDER, WASM_PLACEHOLDER] {
        if !source.contains(placeholder) {
            return Err(format!("{ENTRY_SOURCE} no longer names {placeholder}"));
        }
    }
    let entry = source
        .replace(GLUE_PLACEHOLDER, glue_name)
        .replace(WASM_PLACEHOLDER, &wasm_name);
    let path = dist.join(format!("{APP}.js"));
    write(&path, entry.as_bytes())?;
    Ok(path)
}

/// Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible file,
/// where they are smaller than the file.
fn precompress(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        if raw.len() < MIN_COMPRESS_BYTES {
            continue;
        }
        for (suffix, packed) in [("br", brotli_bytes(&raw)?), ("gz", gzip_bytes(&raw)?)] {
            if packed.len() < raw.len() {
                let mut name = path.clone().into_os_string();
                name.push(format!(".{suffix}"));
                write(Path::new(&name), &packed)?;
            }
        }
    }
    Ok(())
}

fn brotli_bytes(raw: &[u8]) -> Result<Vec<u8>, String> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

fn gzip_bytes(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).map_err(|e| format!("gzip: {e}"))?;
    encoder.finish().map_err(|e| format!("gzip: {e}"))
}

/// FNV-1a, 64 bits: a content hash for a file name (cache busting, not security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_and_unquoted() {
        let tag = "<link href=/a-1.css integrity=sha384-x rel=stylesheet>";
        assert_eq!(attribute(tag, "href").as_deref(), Some("/a-1.css"));
        assert_eq!(attribute(tag, "rel").as_deref(), Some("stylesheet"));
        let tag = r#"<link rel="preload" data-href="x" href='/b.css' />"#;
        assert_eq!(attribute(tag, "href").as_deref(), Some("/b.css"));
        assert_eq!(attribute(tag, "as"), None);
    }

    #[test]
    fn stylesheets_are_joined_in_order_into_one_link() {
        let dist = std::env::temp_dir().join(format!("xtask-dist-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("a-1.css"), ".a{}").unwrap();
        std::fs::write(dist.join("b-2.css"), ".b{}").unwrap();
        let html = "<head><link href=/a-1.css rel=stylesheet><link rel=\"stylesheet\" href=\"/b-2.css\"><link rel=modulepreload href=/x.js></head>";
        let out = bundle_css(&dist, html).unwrap();
        let name = format!("{APP}-{:016x}.css", fnv1a(b".a{}\n.b{}\n"));
        assert_eq!(
            out,
            format!("<head><link rel=stylesheet href=/{name}><link rel=modulepreload href=/x.js></head>")
        );
        assert_eq!(
            std::fs::read_to_string(dist.join(&name)).unwrap(),
            ".a{}\n.b{}\n"
        );
        assert_eq!(
            std::fs::read_to_string(dist.join("org-console.css")).unwrap(),
            ".a{}\n.b{}\n"
        );
        assert!(!dist.join("a-1.css").exists());
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
