//! `cargo xtask build`: the console into dist/ (trunk, then [`crate::dist`]) and the
//! reference backend in release mode.

use crate::util::{fmt_secs, run, say, Ctx, Timer};
use crate::{dist, install};

/// `trunk build --release` into dist/, with our PATH so trunk finds wasm-bindgen and
/// wasm-opt locally (offline: trunk never downloads anything).
pub fn build_dist(ctx: &Ctx) -> Result<(), String> {
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
    dist::finish(ctx, &ctx.dist_dir())
}

pub fn build_backend(ctx: &Ctx) -> Result<(), String> {
    let mut c = ctx.cargo();
    c.args(["build", "--release", "-p", "bintu-backend"]);
    run(c)
}

pub fn build(ctx: &Ctx) -> Result<(), String> {
    install::build_tools(ctx)?;
    let t = Timer::start();
    build_dist(ctx)?;
    say(format!("dist built in {}", fmt_secs(t.secs())));
    let t = Timer::start();
    build_backend(ctx)?;
    say(format!("backend built in {}", fmt_secs(t.secs())));
    Ok(())
}
