//! `cargo xtask bench`: build (which prints each route's first load), print where the
//! wasm's bytes go, then run each tests/bench/*.bench.mjs and print its figures.

use std::path::PathBuf;

use crate::build::build;
use crate::test_layers::node_with_env;
use crate::util::{fmt_secs, run, say, Ctx, Timer};
use crate::{install, sizes};

/// What a benchmark's file name ends with.
const BENCH_SUFFIX: &str = ".bench.mjs";

pub fn bench(ctx: &Ctx) -> Result<(), String> {
    let dir = ctx.root.join("tests/bench");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                // Not support.mjs: a module the benchmarks share.
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.ends_with(BENCH_SUFFIX))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        say("no benchmarks: tests/bench/*.bench.mjs does not exist yet");
        return Ok(());
    }
    install::all(ctx)?;
    let mut failed = Vec::new();
    install::bench_tools(ctx)?;
    build(ctx)?;
    println!("\n==== xtask bench: where the wasm's bytes go ====");
    if let Err(e) = sizes::breakdown(ctx) {
        eprintln!("xtask: {e}");
        failed.push("the size breakdown".to_string());
    }
    for f in &files {
        let name = f.strip_prefix(&ctx.root).unwrap_or(f).display().to_string();
        println!("\n==== xtask bench: {name} ====");
        let t = Timer::start();
        let mut c = node_with_env(ctx);
        c.arg(f);
        if let Err(e) = run(c) {
            eprintln!("xtask: {e}");
            failed.push(name.clone());
        }
        say(format!("{name} took {}", fmt_secs(t.secs())));
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("benchmarks failed: {}", failed.join(", ")))
    }
}
