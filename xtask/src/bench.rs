//! `cargo xtask bench`: build, then run each tests/bench/*.mjs and print its figures.

use std::path::PathBuf;

use crate::build::build;
use crate::install;
use crate::test_layers::node_with_env;
use crate::util::{fmt_secs, run, say, Ctx, Timer};

pub fn bench(ctx: &Ctx) -> Result<(), String> {
    let dir = ctx.root.join("tests/bench");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "mjs"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        say("no benchmarks: tests/bench/*.mjs does not exist yet");
        return Ok(());
    }
    install::all(ctx)?;
    install::bench_tools(ctx)?;
    build(ctx)?;
    let mut failed = Vec::new();
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
