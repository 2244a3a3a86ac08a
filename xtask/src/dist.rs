//! What `cargo xtask build` does to dist/ after `trunk build` (the page, the styles,
//! `public/`) and [`crate::wasm`] (the split wasm in `wasm-<hash>/`), which trunk
//! cannot do:
//!
//! - the page's start: a preload of the main module and its glue, and the inline
//!   bootstrap that instantiates it (trunk's own is gone with its rust asset);
//! - one stylesheet: trunk hashes and minifies each `style/*.css` link on its own;
//!   they become one content-hashed `org-console-<hash>.css` (one request, one
//!   cache entry) linked where the first was;
//! - stable names for host pages: `org-console.js` (the embedding module of
//!   `src/embed/org-console.js`, with this build's glue and wasm paths filled in,
//!   minified by esbuild) and `org-console.css`;
//! - precompressed copies: `.br` and `.gz` beside every text and wasm file, made
//!   once here so the server never compresses per request.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::util::{run, Ctx};
use crate::wasm::{WasmBuild, APP};
/// Extensions worth compressing; images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "map",
];
/// How long the page's start waits at most for its first paint before compiling the
/// main module ([`add_bootstrap`]).
const FIRST_PAINT_WAIT_MS: u32 = 250;
/// Below this, compression does not pay for the extra header bytes.
const MIN_COMPRESS_BYTES: usize = 512;

pub fn finish(ctx: &Ctx, dist: &Path, wasm: &WasmBuild) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let html = read_text(&index_path)?;
    let html = bundle_css(dist, &html)?;
    let html = add_bootstrap(&html, wasm)?;
    write(&index_path, html.as_bytes())?;
    fill_route_chunks(dist, wasm)?;
    let entry = write_stable_entry(ctx, dist, wasm)?;
    // Every page's scripts go out minified: their comments were half of what a first
    // visit paid for them (early-session.js 2,531 B brotli as written).
    for module in [entry, dist.join("early-session.js")] {
        minify_js(ctx, &module)?;
    }
    minify_classic_script(ctx, &dist.join("theme-boot.js"))?;
    precompress(dist)
}

/// The page's start, before `</head>`: the glue and the main module are fetched
/// while the page parses, then one inline module instantiates them (its hash is in
/// the backend's CSP). Paths are relative to the page's `<base>`.
///
/// The module is `async`: a deferred one (a module's default) runs only once the
/// parser is done, which in Chromium came after the first frame was drawn, and its
/// wait for that frame only began then (the main module started at 151 ms of a cold
/// visit to User Management in a probe; `async`, at 96 ms). The app still starts only
/// once the document is parsed, for `mount_to_body`.
///
/// The module is fetched at once but compiled only once the frame with the loading
/// line is on screen (a task after the next frame's animation frame, or the browser's
/// first-contentful-paint entry if that comes first): compiling and starting it is the
/// page's longest task, and when the module arrived first (a warm cache, a fast link)
/// that task held the first paint back behind it. The paint entry alone comes a frame
/// or two late unthrottled (20 ms and more of the users list's first rows); one frame
/// is too soon, as the frame is shown after it is drawn, and Lighthouse then counted
/// the start into FCP (1.9 s instead of 1.0 s). A hidden tab, which draws nothing,
/// does not wait for it; [`FIRST_PAINT_WAIT_MS`] bounds the wait.
fn add_bootstrap(html: &str, wasm: &WasmBuild) -> Result<String, String> {
    let glue = wasm.glue();
    let main = wasm.main_wasm();
    let loader = format!("{}/{}", wasm.folder, crate::wasm::LOADER);
    let start = format!(
        "<link rel=modulepreload href=\"{glue}\">\
         <link rel=modulepreload href=\"{loader}\">\
         <link rel=preload href=\"{main}\" as=fetch type=application/wasm crossorigin>\
         <script type=module async>import init from\"./{glue}\";\
         const main=fetch(\"{main}\");\
         const painted=new Promise(go=>{{\
         if(document.visibilityState!==\"visible\")return go();\
         requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(go)));\
         PerformanceObserver.supportedEntryTypes?.includes(\"paint\")&&new PerformanceObserver(l=>{{if(l.getEntriesByName(\"first-contentful-paint\").length)go()}}).observe({{type:\"paint\",buffered:true}});\
         setTimeout(go,{FIRST_PAINT_WAIT_MS})\
         }});\
         const parsed=document.readyState!==\"loading\"||new Promise(go=>addEventListener(\"DOMContentLoaded\",go,{{once:true}}));\
         Promise.all([painted,parsed]).then(()=>init({{module_or_path:main}}))</script>"
    );
    let Some(at) = html.find("</head>") else {
        return Err("dist/index.html has no </head>: did trunk's output change?".into());
    };
    Ok(format!("{}{start}{}", &html[..at], &html[at..]))
}

/// The table of `early-session.js` that preloads the first screen's wasm: the wasm
/// folder, and each split a first screen may start with (a page, or German's words)
/// with the files it loads (a page's pack). The parts of pages are left out: every
/// standalone visit downloads this table.
fn fill_route_chunks(dist: &Path, wasm: &WasmBuild) -> Result<(), String> {
    /// German's split (`src/lang/german.rs`), preloaded when the page starts in German.
    const GERMAN: &str = "german";
    const EMPTY: &str = "const ROUTE_CHUNKS = {};";
    const NO_FOLDER: &str = "const CHUNK_FOLDER = '';";
    const NO_LOADER: &str = "const CHUNK_LOADER = '';";
    let path = dist.join("early-session.js");
    let script = read_text(&path)?;
    if [EMPTY, NO_FOLDER, NO_LOADER]
        .iter()
        .any(|blank| !script.contains(blank))
    {
        return Err(format!(
            "{} has no `{NO_FOLDER}`, `{EMPTY}` and `{NO_LOADER}` to fill in",
            path.display()
        ));
    }
    // A first screen's page comes in its pack (packs.rs); German's words, which no
    // pack holds, come as their files.
    let first_screens = crate::budget::eager_splits();
    let entries: Vec<String> = wasm
        .splits
        .iter()
        .filter_map(|(split, stems)| {
            let files: Vec<String> = if first_screens.contains(&split.as_str()) {
                vec![wasm_split_cli_support::pack_file_name(split)]
            } else if split == GERMAN {
                stems.iter().map(|stem| format!("{stem}.wasm")).collect()
            } else {
                return None;
            };
            let files: Vec<String> = files.iter().map(|file| format!("\"{file}\"")).collect();
            Some(format!("\"{split}\":[{}]", files.join(",")))
        })
        .collect();
    let table = format!("const ROUTE_CHUNKS = {{{}}};", entries.join(","));
    let folder = format!("const CHUNK_FOLDER = '{}';", wasm.folder);
    let loader = format!(
        "const CHUNK_LOADER = '{}/{}';",
        wasm.folder,
        crate::wasm::LOADER
    );
    let script = script
        .replacen(EMPTY, &table, 1)
        .replacen(NO_FOLDER, &folder, 1)
        .replacen(NO_LOADER, &loader, 1);
    write(&path, script.as_bytes())
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

/// Minifies a JavaScript module in place.
pub fn minify_js(ctx: &Ctx, file: &Path) -> Result<(), String> {
    esbuild_minify(
        ctx,
        file,
        &[
            "--format=esm",
            // wasm-bindgen's imports object names `./__wasm_split.js` once per import
            // from it (the same module each time).
            "--log-override:duplicate-object-key=silent",
        ],
    )
}

/// Minifies a classic script in place: as written, with no module format (a module's
/// top-level names are its own, and a minifier may rename them; a script's are the
/// page's).
fn minify_classic_script(ctx: &Ctx, file: &Path) -> Result<(), String> {
    esbuild_minify(ctx, file, &[])
}

fn esbuild_minify(ctx: &Ctx, file: &Path, options: &[&str]) -> Result<(), String> {
    let mut c = ctx.cmd(ctx.tools_dir.join("node_modules/.bin/esbuild"));
    c.arg(file)
        .args(["--minify", "--log-level=warning", "--allow-overwrite"])
        .args(options)
        .arg(format!("--outfile={}", file.display()));
    run(c)
}

/// The embedding module's source, with placeholders for this build's file names.
const ENTRY_SOURCE: &str = "src/embed/org-console.js";
const GLUE_PLACEHOLDER: &str = "__ORG_CONSOLE_GLUE__";
const WASM_PLACEHOLDER: &str = "__ORG_CONSOLE_WASM__";

/// `org-console.js`: the stable URL a host page imports (the `<org-console>` element
/// and `mount()`); it names this build's glue and main module relative to itself, so
/// it works wherever the files are served from. Returns its path.
fn write_stable_entry(ctx: &Ctx, dist: &Path, wasm: &WasmBuild) -> Result<PathBuf, String> {
    let (glue_name, wasm_name) = (wasm.glue(), wasm.main_wasm());
    for name in [&glue_name, &wasm_name] {
        if !dist.join(name).is_file() {
            return Err(format!("{name} is missing from {}", dist.display()));
        }
    }
    let source = read_text(&ctx.root.join(ENTRY_SOURCE))?;
    for placeholder in [GLUE_PLACEHOLDER, WASM_PLACEHOLDER] {
        if !source.contains(placeholder) {
            return Err(format!("{ENTRY_SOURCE} no longer names {placeholder}"));
        }
    }
    let entry = source
        .replace(GLUE_PLACEHOLDER, &glue_name)
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
pub fn fnv1a(bytes: &[u8]) -> u64 {
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
