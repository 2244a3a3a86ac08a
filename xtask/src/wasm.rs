//! The console's wasm, built and split by route here rather than by trunk: trunk runs
//! wasm-bindgen straight after cargo, and splitting needs the linker's relocations,
//! which only the raw cargo output still has (trunk-rs/trunk issue 1022). The steps,
//! as cargo-leptos' `--split` takes them:
//!
//! 1. `cargo rustc --release` for wasm32 with `--emit-relocs` (and unmerged data
//!    segments, so a page's constant data can leave the main module with its code);
//! 2. `wasm_split_cli_support::transform`: the main module, one wasm per
//!    `#[wasm_split]` point (each page of `src/pages`), chunks that several points
//!    share, and the loader `__wasm_split.js`;
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module only (the
//!    chunks import what they need from it by name), and short names for the main
//!    module's imports from the glue (`import_names.rs`);
//! 4. `wasm-opt -Oz` on every module, esbuild on the glue and the loader, and each
//!    first screen's modules in one file as well (`packs.rs`);
//! 5. everything into one content-addressed folder `dist/wasm-<hash>/`: the modules
//!    find each other by relative names (`./org-console.js`, `./split_users.wasm`), so
//!    none is renamed, and a new build is a new folder that browsers may cache for a
//!    year (see the backend's `console/assets.rs`).

use std::path::{Path, PathBuf};

use crate::util::{run, say, Ctx};

/// The binary's name: `org-console.js` and `org-console_bg.wasm` in the folder.
pub const APP: &str = "org-console";
/// The folder's name is this prefix and 16 hex digits of the contents' hash.
pub const FOLDER_PREFIX: &str = "wasm-";
/// The loader wasm-split writes; the main module imports it by this name.
pub const LOADER: &str = "__wasm_split.js";
const TARGET: &str = "wasm32-unknown-unknown";

/// What the build put into `dist`.
pub struct WasmBuild {
    /// `wasm-<hash>`, relative to dist.
    pub folder: String,
    /// The split points (one per lazily loaded page) and the files each loads, for
    /// the size report.
    pub splits: Vec<(String, Vec<String>)>,
}

impl WasmBuild {
    /// `wasm-<hash>/org-console.js`: what the page and the embedding entry import.
    pub fn glue(&self) -> String {
        format!("{}/{APP}.js", self.folder)
    }
    /// `wasm-<hash>/org-console_bg.wasm`: the main module.
    pub fn main_wasm(&self) -> String {
        format!("{}/{APP}_bg.wasm", self.folder)
    }
}

pub fn build(ctx: &Ctx, dist: &Path) -> Result<WasmBuild, String> {
    let raw = cargo_build(ctx)?;
    let work = ctx.target_dir().join("wasm-split-out");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;

    let input = std::fs::read(&raw).map_err(|e| format!("reading {}: {e}", raw.display()))?;
    let main_split = work.join(format!("{APP}_split.wasm"));
    let main_module = format!("./{APP}.js");
    let link_name = format!("./{LOADER}");
    say(format!("wasm-split: splitting {}", raw.display()));
    // Chunks shared by the same pages become one file; a part of a page (a dialog)
    // that shares them loads them with it. What every page needs goes into the main
    // module, and a chunk under 2,000 bytes of code into a larger one its pages load
    // anyway (vendor/README.md): 11 to 15 files per first visit instead of 18 to 23.
    let eager = crate::budget::eager_splits();
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input);
        opts.output_dir = &work;
        opts.main_out_path = &main_split;
        opts.main_module = &main_module;
        opts.link_name = &link_name;
        opts.eager_splits = Some(&eager);
        opts.merge_chunks_below = 2_000;
        // A first visit's page and its chunks come in one file (packs.rs).
        opts.pack_eager_splits = true;
        opts
    })
    .map_err(|e| format!("wasm-split: {e:#}"))?;

    let mut c = ctx.cmd("wasm-bindgen");
    c.args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .args(["--out-name", APP, "--out-dir"])
        .arg(&work)
        .arg(&main_split);
    run(c)?;
    std::fs::remove_file(&main_split).map_err(|e| format!("removing the split input: {e}"))?;
    let renamed = crate::import_names::shorten(
        &work.join(format!("{APP}_bg.wasm")),
        &work.join(format!("{APP}.js")),
    )?;
    say(format!("wasm-bindgen: {renamed} imports renamed short"));

    // With their names, for the size breakdown of `cargo xtask bench` (sizes.rs).
    let named = named_dir(ctx);
    let _ = std::fs::remove_dir_all(&named);
    std::fs::create_dir_all(&named).map_err(|e| format!("creating {}: {e}", named.display()))?;
    for wasm in files_with(&work, ".wasm")? {
        let to = named.join(wasm.file_name().unwrap_or_default());
        std::fs::copy(&wasm, &to).map_err(|e| format!("copying {}: {e}", wasm.display()))?;
        wasm_opt(ctx, &wasm, false)?;
    }
    for js in files_with(&work, ".js")? {
        crate::dist::minify_js(ctx, &js)?;
    }
    crate::packs::write(&work, &eager, &split.prefetch_map)?;

    let folder = format!("{FOLDER_PREFIX}{:016x}", folder_hash(&work)?);
    let dest = dist.join(&folder);
    std::fs::create_dir_all(&dest).map_err(|e| format!("creating {}: {e}", dest.display()))?;
    for file in std::fs::read_dir(&work).map_err(|e| format!("reading {}: {e}", work.display()))? {
        let file = file.map_err(|e| e.to_string())?.path();
        let to = dest.join(file.file_name().unwrap_or_default());
        std::fs::copy(&file, &to).map_err(|e| format!("copying {}: {e}", file.display()))?;
    }
    let mut splits: Vec<(String, Vec<String>)> = split.prefetch_map.into_iter().collect();
    splits.sort();
    say(format!(
        "wasm-split: {} lazily loaded parts into {folder}/ ({})",
        splits.len(),
        splits
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(WasmBuild { folder, splits })
}

/// The wasm's stack: 256 KiB instead of Rust's default 1 MiB, which every console
/// keeps in memory whether it uses it or not. The deepest a page's build or a bulk run
/// goes is far less; API answers are parsed by the browser and mapped onto shallow
/// types (an error's free-form `userinfo` is skipped unread, `src/api/error.rs`). The
/// stack comes first in memory (rustc links with `--stack-first`), so running past its
/// end is a clean trap, never a write over data.
const STACK_BYTES: u32 = 256 * 1024;

/// How a panic ends in the release wasm: at once, as a trap, without formatting its
/// message and location. The formatting machinery that panics pull in (`core::fmt` for
/// `Location` and `Arguments`, the hook, `Display` of every payload) was 15 to 20 KB
/// brotli of every first visit; after a panic the instance is dead either way
/// (panic=abort), and `org-console.js` tells a host page of the trap instead of the
/// panic hook (docs/embedding.md, `org-console:error` of type `render`). To read a
/// panic's message while debugging a crash, build with `-Cpanic=abort` here and set
/// `console_error_panic_hook` as the hook in `start` (`src/lib.rs`).
const PANIC_STRATEGY: &str = "-Cpanic=immediate-abort";

/// `cargo rustc` for the console's binary with the link arguments the splitter needs;
/// returns the raw wasm.
///
/// The standard library is built with the console (`-Zbuild-std`, from the pinned
/// toolchain's own `rust-src`, which `cargo xtask install` adds), optimised for size
/// and with [`PANIC_STRATEGY`]: the prebuilt one is optimised for speed and formats
/// every panic. Both are unstable options, enabled on the pinned stable compiler by
/// `RUSTC_BOOTSTRAP=1` for this one command; the native tests, the backend and clippy
/// build as before. A nightly compiler would do the same but is one more toolchain to
/// install and keep in step with the stable one everything else uses.
fn cargo_build(ctx: &Ctx) -> Result<PathBuf, String> {
    let mut c = ctx.cargo();
    c.env("RUSTC_BOOTSTRAP", "1")
        // Added to `.cargo/config.toml`'s rustflags for the target, not instead of them.
        .args([
            "--config",
            &format!(r#"target.{TARGET}.rustflags=["-Zunstable-options","{PANIC_STRATEGY}"]"#),
        ])
        .args(["rustc", "--release", "--target", TARGET, "--bin", APP])
        .args([
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
        ])
        .arg("--")
        .args(["-C", "link-arg=--emit-relocs"])
        .args(["-C", "link-arg=--no-merge-data-segments"])
        .args(["-C", &format!("link-arg=-zstack-size={STACK_BYTES}")]);
    run(c)?;
    let raw = ctx
        .target_dir()
        .join(TARGET)
        .join("release")
        .join(format!("{APP}.wasm"));
    if raw.is_file() {
        Ok(raw)
    } else {
        Err(format!("cargo finished but {} is missing", raw.display()))
    }
}

/// The last build's modules before wasm-opt, with their function names.
pub fn named_dir(ctx: &Ctx) -> PathBuf {
    ctx.target_dir().join("wasm-split-named")
}

/// `wasm-opt -Os` in place, with the features current Rust emits for wasm32;
/// `keep_names` keeps the name section (for the size breakdown). The `producers` and
/// `target_features` sections go: no browser reads them, and a route's two dozen
/// modules each carried ~200 bytes of them, compressed one file at a time.
///
/// What a first visit pays is brotli bytes, not raw ones: `-Os` leaves the main module
/// 4% larger than `-Oz` but 0.7% smaller compressed, and functions sorted by their
/// (mangled) names put the copies of one generic function side by side, where brotli
/// finds their likeness: 1.1 KB less brotli in the main module, 1.4 to 1.5 KB per route.
pub fn wasm_opt(ctx: &Ctx, file: &Path, keep_names: bool) -> Result<(), String> {
    let mut c = ctx.cmd("wasm-opt");
    c.arg("-Os")
        .arg("--reorder-functions-by-name")
        .args(["--strip-producers", "--strip-target-features"])
        .args(keep_names.then_some("--debuginfo"))
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(file)
        .arg("-o")
        .arg(file);
    run(c)
}

fn files_with(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(suffix)))
        .collect();
    files.sort();
    Ok(files)
}

/// One hash over every file's name and content, in name order.
fn folder_hash(dir: &Path) -> Result<u64, String> {
    let mut all = Vec::new();
    for file in files_with(dir, "")? {
        all.extend_from_slice(file.file_name().unwrap_or_default().as_encoded_bytes());
        all.push(0);
        all.extend(std::fs::read(&file).map_err(|e| format!("reading {}: {e}", file.display()))?);
    }
    Ok(crate::dist::fnv1a(&all))
}
