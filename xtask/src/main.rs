//! Project automation (the `cargo xtask` pattern): std only, so it builds in seconds.
//!
//!   cargo xtask install          install whatever is missing (idempotent)
//!   cargo xtask build            install the build tools, trunk build --release, backend release build
//!   cargo xtask serve [--port N] build, then run the reference backend serving dist/
//!   cargo xtask test             install everything, run every test layer, summarise
//!   cargo xtask bench            build, then run tests/bench/*.mjs

mod engines;
mod install;
mod util;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use util::{fmt_secs, run, run_tee, say, Ctx, Timer};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  install            install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
                     wasm-opt (npm binaryen, into .tools/), tests/e2e npm packages, Chromium,
                     Firefox ESR, WebKitGTK's WebDriver and xvfb
  build              install the build tools, then `trunk build --release` (dist/) and
                     `cargo build --release -p bintu-backend`
  serve [--port N] [--db FILE]
                     build, then run the reference backend with the console on
                     http://127.0.0.1:N (default 8080); Ctrl-C stops it
  test [LAYER...]    install everything, then run every test layer (native, wasm browser,
                     end-to-end browser: Chromium, and the main flows in Firefox and WebKit)
                     and print a summary; exits 1 if any layer failed.
                     Name layers (native, wasm, e2e) to run only those.
  bench              build, then run each tests/bench/*.mjs with node and print its figures
";

const DEMO_LOGINS: &str = concat!(
    "  demo logins (DEMO ONLY - never use these on a real deployment):\n",
    "    admin@demo.local     demo-password   (nanoAdmin)\n",
    "    user@demo.local      demo-password   (nanoUser)\n",
    "    readonly@demo.local  demo-password   (nanoReadOnly)",
);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new();
    let result = match args.first().map(String::as_str) {
        Some("install") => install::all(&ctx),
        Some("build") => build(&ctx),
        Some("serve") => serve(&ctx, &args[1..]),
        Some("test") => {
            return match parse_layers(&args[1..]) {
                Ok(only) => test(&ctx, &only),
                Err(e) => {
                    eprintln!("xtask: error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("bench") => bench(&ctx),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `trunk build --release` into dist/, with our PATH so trunk finds wasm-bindgen and
/// wasm-opt locally (offline: trunk never downloads anything).
fn build_dist(ctx: &Ctx) -> Result<(), String> {
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
    Ok(())
}

fn build_backend(ctx: &Ctx) -> Result<(), String> {
    let mut c = ctx.cargo();
    c.args(["build", "--release", "-p", "bintu-backend"]);
    run(c)
}

fn build(ctx: &Ctx) -> Result<(), String> {
    install::build_tools(ctx)?;
    let t = Timer::start();
    build_dist(ctx)?;
    say(format!("dist built in {}", fmt_secs(t.secs())));
    let t = Timer::start();
    build_backend(ctx)?;
    say(format!("backend built in {}", fmt_secs(t.secs())));
    Ok(())
}

fn flag_value(args: &[String], name: &str) -> Result<Option<String>, String> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == name {
            return it
                .next()
                .cloned()
                .map(Some)
                .ok_or(format!("{name} needs a value"));
        }
        if let Some(v) = a.strip_prefix(&format!("{name}=")) {
            return Ok(Some(v.to_string()));
        }
    }
    Ok(None)
}

fn serve(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    for a in args {
        let known = ["--port", "--db"]
            .iter()
            .any(|f| a == f || a.starts_with(&format!("{f}=")));
        if a.starts_with('-') && !known {
            return Err(format!(
                "serve: unknown option `{a}` (known: --port N, --db FILE)"
            ));
        }
    }
    let port: u16 = match flag_value(args, "--port")? {
        Some(p) => p
            .parse()
            .map_err(|_| format!("--port: `{p}` is not a port number"))?,
        None => 8080,
    };
    let db = match flag_value(args, "--db")? {
        Some(p) => PathBuf::from(p),
        None => ctx.target_dir().join("demo.sqlite"),
    };
    build(ctx)?;
    if let Some(dir) = db.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    println!();
    println!("  org console with its reference backend: http://127.0.0.1:{port}/");
    println!("  database: {}", db.display());
    println!("{DEMO_LOGINS}");
    println!("  Ctrl-C stops it.");
    println!();
    let mut c = ctx.cmd(ctx.backend_bin());
    c.arg("--dist")
        .arg(ctx.dist_dir())
        .arg("--db")
        .arg(&db)
        .arg("--port")
        .arg(port.to_string());
    run(c)
}

// ---------------------------------------------------------------------------------------
// test

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
    seen: bool,
}

impl Counts {
    /// cargo / libtest / wasm-bindgen-test-runner: `test result: ok. 3 passed; 0 failed; 1 ignored; ...`
    fn cargo_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        self.seen = true;
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            let n = |w: &str| {
                words
                    .windows(2)
                    .find(|p| p[1] == w)
                    .and_then(|p| p[0].parse::<u64>().ok())
            };
            if let Some(v) = n("passed") {
                self.passed += v;
            }
            if let Some(v) = n("failed") {
                self.failed += v;
            }
            if let Some(v) = n("ignored") {
                self.ignored += v;
            }
        }
    }

    /// node --test, TAP (`# pass 3`) or spec (`ℹ pass 3`) reporter.
    fn node_line(&mut self, line: &str) {
        let t = line.trim();
        let Some(rest) = t.strip_prefix("# ").or_else(|| t.strip_prefix("ℹ ")) else {
            return;
        };
        let mut w = rest.split_whitespace();
        let (Some(key), Some(num), None) = (w.next(), w.next(), w.next()) else {
            return;
        };
        let Ok(num) = num.parse::<u64>() else { return };
        match key {
            "pass" => {
                self.passed += num;
                self.seen = true;
            }
            "fail" | "cancelled" => {
                self.failed += num;
                self.seen = true;
            }
            "skipped" | "todo" => self.ignored += num,
            _ => {}
        }
    }

    fn describe(&self) -> String {
        if self.seen {
            format!(
                "tests: passed {} / failed {} / skipped {}",
                self.passed, self.failed, self.ignored
            )
        } else {
            String::new()
        }
    }
}

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

const LAYERS: [&str; 3] = ["native", "wasm", "e2e"];

/// `cargo xtask test [native] [wasm] [e2e]`: no names means every layer.
fn parse_layers(args: &[String]) -> Result<Vec<String>, String> {
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

fn test(ctx: &Ctx, only: &[String]) -> ExitCode {
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

    // (d): build what `cargo xtask serve` serves, then drive it with a real browser.
    if wanted("e2e") {
        banner("build (trunk build --release, backend --release)");
        let t = Timer::start();
        let built = if installed.is_err() {
            Err("tools missing (install failed)".to_string())
        } else {
            build_dist(ctx).and_then(|()| build_backend(ctx))
        };
        let built_ok = built.is_ok();
        layers.push(Layer {
            name: "build",
            outcome: to_outcome(built),
            counts: Counts::default(),
            secs: t.secs(),
        });

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

fn to_outcome(r: Result<(), String>) -> Outcome {
    match r {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(e),
    }
}

/// `node`, told where the backend binary, dist/ and Chromium are.
fn node_with_env(ctx: &Ctx) -> std::process::Command {
    let mut c = ctx.cmd("node");
    c.env("BINTU_BACKEND_BIN", ctx.backend_bin())
        .env("DIST_DIR", ctx.dist_dir())
        .env("CHROMIUM_PATH", ctx.chromium_path());
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

// ---------------------------------------------------------------------------------------
// bench

fn bench(ctx: &Ctx) -> Result<(), String> {
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
