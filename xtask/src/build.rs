//! `cargo xtask build`: the console into dist/ (trunk for the page, styles and
//! assets, [`crate::wasm`] for the split wasm, then [`crate::dist`]) and the
//! reference backend in release mode.

use crate::util::{fmt_secs, run, say, Ctx, Timer};
use crate::wasm::{self, WasmBuild};
use crate::{budget, dist, install};

/// `trunk build --release` into dist/ (offline: trunk never downloads anything), then
/// the wasm beside it and the finishing steps.
pub fn build_dist(ctx: &Ctx) -> Result<WasmBuild, String> {
    let mut c = ctx.cmd("trunk");
    c.args([
        "build",
        "--release",
        "--offline",
        "--skip-version-check",
        "--dist",
    ])
    .arg(ctx.dist_dir());
    run(c)?;
    if !ctx.dist_dir().join("index.html").exists() {
        return Err(format!(
            "trunk finished but {} has no index.html",
            ctx.dist_dir().display()
        ));
    }
    let wasm = wasm::build(ctx, &ctx.dist_dir())?;
    dist::finish(ctx, &ctx.dist_dir(), &wasm)?;
    Ok(wasm)
}

pub fn build_backend(ctx: &Ctx) -> Result<(), String> {
    let mut c = ctx.cargo();
    c.args(["build", "--release", "-p", "bintu-backend"]);
    run(c)
}

pub fn build(ctx: &Ctx) -> Result<(), String> {
    install::build_tools(ctx)?;
    let t = Timer::start();
    let wasm = build_dist(ctx)?;
    say(format!("dist built in {}", fmt_secs(t.secs())));
    // Printed here; `cargo xtask test` fails above the budget.
    if let Err(over) = budget::report(&budget::first_loads(&ctx.dist_dir(), &wasm)?) {
        say(over);
    }
    let t = Timer::start();
    build_backend(ctx)?;
    say(format!("backend built in {}", fmt_secs(t.secs())));
    Ok(())
}
