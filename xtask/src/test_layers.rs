//! `cargo xtask test`: install, then run every test layer and print a summary.

use std::path::Path;
use std::process::ExitCode;

use crate::build::{build_backend, build_dist};
use crate::tally::Counts;
use crate::util::{fmt_secs, run, run_tee, say, Ctx, Timer};
use crate::{budget, engines, install};

enum Outcome {
    Ok,
    Failed(String),
    Skipped(String),
}

struct Layer {
    name: &'static str,
    outcome: Outcome,
    counts: Counts,
    secs: f64,
}

fn banner(title: &str) {
    println!();
    println!("==== xtask test: {title} ====");
}

const LAYERS: [&str; 5] = ["lint", "native", "wasm", "e2e", "contract"];

/// `cargo xtask test [lint] [native] [wasm] [e2e] [contract]`: no names means every
/// layer.
pub fn parse_layers(args: &[String]) -> Result<Vec<String>, String> {
    for a in args {
        if !LAYERS.contains(&a.as_str()) {
            return Err(format!(
                "test: unknown layer `{a}` (layers: {})",
                LAYERS.join(", ")
            ));
        }
    }
    Ok(args.to_vec())
}

pub fn test(ctx: &Ctx, only: &[String]) -> ExitCode {
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    let total = Timer::start();
    let mut layers: Vec<Layer> = Vec::new();

    banner("install");
    let t = Timer::start();
    let installed = install::all(ctx);
    layers.push(Layer {
        name: "install",
        outcome: match &installed {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(e.clone()),
        },
        counts: Counts::default(),
        secs: t.secs(),
    });

    // Formatting, clippy with warnings as errors (native and wasm builds of the
    // console differ), and no dependency that no code uses.
    if wanted("lint") {
        banner("lint (rustfmt, clippy -D warnings, cargo machete, the language catalogs)");
        let t = Timer::start();
        let cargo_steps: [&[&str]; 3] = [
            &["fmt", "--all", "--", "--check"],
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "org-console",
                "--",
                "-D",
                "warnings",
            ],
        ];
        let r = cargo_steps
            .iter()
            .try_for_each(|args| {
                let mut c = ctx.cargo();
                c.args(*args);
                run(c)
            })
            // Called directly: run as `cargo machete` from inside `cargo run`, it takes
            // "machete" for a folder to scan.
            .and_then(|()| run(ctx.cmd("cargo-machete")))
            .and_then(|()| {
                let problems = crate::catalogs::check(&ctx.root);
                for p in &problems {
                    eprintln!("catalogs: {p}");
                }
                match problems.len() {
                    0 => Ok(()),
                    n => Err(format!("{n} catalog problems")),
                }
            });
        layers.push(Layer {
            name: "lint",
            outcome: to_outcome(r),
            counts: Counts::default(),
            secs: t.secs(),
        });
    }

    // (a) + (b): native unit tests of every crate, including the console's domain logic,
    // and the backend's integration tests (crates/backend/tests).
    if wanted("native") {
        banner("native tests (cargo test --workspace)");
        let t = Timer::start();
        let mut counts = Counts::default();
        let mut c = ctx.cargo();
        c.args(["test", "--workspace"]);
        let r = run_tee(c, |l| counts.cargo_line(l));
        layers.push(Layer {
            name: "native",
            outcome: to_outcome(r),
            counts,
            secs: t.secs(),
        });
    }

    // (c): wasm-bindgen-test browser tests of the console crate, if there are any.
    if wanted("wasm") {
        banner("wasm browser tests (wasm-bindgen-test)");
        let t = Timer::start();
        let mut counts = Counts::default();
        let outcome = if !has_wasm_bindgen_tests(ctx) {
            say("no wasm_bindgen_test in src/ or tests/*.rs: skipping this layer");
            Outcome::Skipped("no wasm-bindgen-test tests".into())
        } else if installed.is_err() {
            Outcome::Failed("tools missing (install failed)".into())
        } else {
            let mut c = ctx.cargo();
            c.args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "org-console",
                "--tests",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            );
            to_outcome(run_tee(c, |l| counts.cargo_line(l)))
        };
        layers.push(Layer {
            name: "wasm",
            outcome,
            counts,
            secs: t.secs(),
        });
    }

    // (d): build what `cargo xtask serve` serves, then drive it with a real browser
    // (e2e) and hold the API to its document (contract).
    let mut built_ok = false;
    if wanted("e2e") || wanted("contract") {
        banner("build (trunk, the split wasm, backend --release)");
        let t = Timer::start();
        let built = if installed.is_err() {
            Err("tools missing (install failed)".to_string())
        } else {
            build_dist(ctx).and_then(|wasm| build_backend(ctx).map(|()| wasm))
        };
        built_ok = built.is_ok();
        let wasm = match built {
            Ok(wasm) => {
                layers.push(layer_ok("build", t.secs()));
                Some(wasm)
            }
            Err(e) => {
                layers.push(Layer {
                    name: "build",
                    outcome: Outcome::Failed(e),
                    counts: Counts::default(),
                    secs: t.secs(),
                });
                None
            }
        };

        // The first load of every route, as served with brotli, within the budget.
        if let Some(wasm) = wasm.as_ref().filter(|_| wanted("e2e")) {
            banner("first-load budget (every route, wasm + JS + CSS, brotli)");
            let t = Timer::start();
            let r = budget::first_loads(&ctx.dist_dir(), wasm).and_then(|r| budget::report(&r));
            layers.push(Layer {
                name: "budget",
                outcome: to_outcome(r),
                counts: Counts::default(),
                secs: t.secs(),
            });
        }
    }
    if wanted("e2e") {
        banner("browser tests: tests/e2e/ in chromium; the main flows in firefox and webkit");
        if !built_ok || installed.is_err() {
            let why = if built_ok { "install" } else { "the build" };
            layers.push(Layer {
                name: "e2e",
                outcome: Outcome::Failed(format!("not run: {why} failed")),
                counts: Counts::default(),
                secs: 0.0,
            });
        } else {
            for r in engines::run_browser_suites(|| node_with_env(ctx)) {
                let mut counts = Counts::default();
                r.output.lines().for_each(|l| counts.node_line(l));
                layers.push(Layer {
                    name: r.name,
                    outcome: to_outcome(r.result),
                    counts,
                    secs: r.secs,
                });
            }
        }
    }

    // (e): schemathesis, every phase, against a fresh backend and its own document.
    if wanted("contract") {
        banner("contract (schemathesis against /api/openapi.json of a fresh backend)");
        let t = Timer::start();
        let r = if built_ok && installed.is_ok() {
            let python = install::schemathesis_venv(ctx).join("bin").join("python");
            let mut c = ctx.cmd(python);
            c.arg(ctx.root.join("tests/contract/contract.py"))
                .arg(ctx.backend_bin())
                .arg(ctx.dist_dir())
                .arg(ctx.target_dir().join("contract-report"));
            run(c)
        } else {
            Err("not run: the build or the install failed".to_string())
        };
        layers.push(Layer {
            name: "contract",
            outcome: to_outcome(r),
            counts: Counts::default(),
            secs: t.secs(),
        });
    }

    println!();
    println!("==== xtask test: summary ====");
    let mut failed = Vec::new();
    for l in &layers {
        let (status, note) = match &l.outcome {
            Outcome::Ok => ("ok", String::new()),
            Outcome::Skipped(why) => ("skipped", why.clone()),
            Outcome::Failed(why) => {
                failed.push(l.name);
                ("FAILED", why.clone())
            }
        };
        let counts = l.counts.describe();
        let detail = [counts, note]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        println!(
            "  {:<8} {:<8} {:>8}   {}",
            l.name,
            status,
            fmt_secs(l.secs),
            detail
        );
    }
    println!("  total wall time {}", fmt_secs(total.secs()));
    if failed.is_empty() {
        println!("xtask test: every layer ok");
        ExitCode::SUCCESS
    } else {
        println!("xtask test: failed layers: {}", failed.join(", "));
        ExitCode::FAILURE
    }
}

fn layer_ok(name: &'static str, secs: f64) -> Layer {
    Layer {
        name,
        outcome: Outcome::Ok,
        counts: Counts::default(),
        secs,
    }
}

fn to_outcome(r: Result<(), String>) -> Outcome {
    match r {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(e),
    }
}

/// `node`, told where the backend binary, dist/, Chromium and the web servers are.
pub fn node_with_env(ctx: &Ctx) -> std::process::Command {
    let mut c = ctx.cmd("node");
    c.env("BINTU_BACKEND_BIN", ctx.backend_bin())
        .env("DIST_DIR", ctx.dist_dir())
        .env("CHROMIUM_PATH", ctx.chromium_path())
        .env("NGINX_BIN", crate::install::NGINX)
        .env("CADDY_BIN", crate::install::CADDY)
        .env("CARGO", &ctx.cargo);
    c
}

fn has_wasm_bindgen_tests(ctx: &Ctx) -> bool {
    fn scan(dir: &Path, recurse: bool) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.flatten().any(|e| {
            let p = e.path();
            if p.is_dir() {
                recurse && scan(&p, true)
            } else {
                p.extension().is_some_and(|x| x == "rs")
                    && std::fs::read_to_string(&p).is_ok_and(|s| s.contains("wasm_bindgen_test"))
            }
        })
    }
    // The console crate's own sources and its integration tests (tests/*.rs only:
    // tests/e2e and tests/bench are node suites).
    scan(&ctx.root.join("src"), true) || scan(&ctx.root.join("tests"), false)
}
