//! Project automation (the `cargo xtask` pattern): std, two compression crates and
//! the wasm splitter.
//!
//!   cargo xtask install          install whatever is missing (idempotent)
//!   cargo xtask build            install the build tools, build dist/ (trunk, the split
//!                                wasm), print each route's first load, backend release build
//!   cargo xtask serve [--port N] build, then run the reference backend serving dist/
//!   cargo xtask package          dist/ as a tarball with its CSP, immutable list and
//!                                server configurations (docs/deploy.md)
//!   cargo xtask test             install everything, run every test layer, summarise
//!   cargo xtask bench            build, print where the wasm's bytes go, run tests/bench/*.bench.mjs

mod bench;
mod budget;
mod build;
mod catalogs;
mod dist;
mod engines;
mod import_names;
mod install;
mod package;
mod packs;
mod serve;
mod sizes;
mod tally;
mod test_layers;
mod util;
mod wasm;

use std::process::ExitCode;
use util::Ctx;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  install            install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
                     wasm-opt (npm binaryen) and esbuild (into .tools/), tests/e2e npm
                     packages, Chromium, Firefox ESR, WebKitGTK's WebDriver and xvfb
  build              install the build tools, then `trunk build --release` (page, styles,
                     assets), the wasm split by route (cargo, wasm-split, wasm-bindgen,
                     wasm-opt), the dist/ finishing (one CSS file, the bootstrap, stable
                     embedding entry points, .br/.gz copies) and the first load per
                     route, and `cargo build --release -p bintu-backend`
  serve [--port N] [--db FILE]
                     build, then run the reference backend with the console on
                     http://127.0.0.1:N (default 8080); Ctrl-C stops it
  package [--api URL] [--frame-ancestors VALUE] [--out DIR] [--no-build]
                     build dist/, then write org-console/ and its .tar.gz into DIR
                     (default target/package/): dist/ (config.json naming the API at URL), csp.txt,
                     immutable.txt, headers.nginx, headers.caddy, nginx.conf,
                     Caddyfile; see docs/deploy.md
  test [LAYER...]    install everything, then run every test layer (lint, native, wasm browser,
                     end-to-end browser: Chromium, and the main flows in Firefox and WebKit)
                     and print a summary; exits 1 if any layer failed.
                     Name layers (lint, native, wasm, e2e) to run only those; e2e
                     includes the build and the first-load budget.
  bench              build (and install tests/bench's npm packages and twiggy), print
                     where the wasm's bytes go, then run each tests/bench/*.bench.mjs
                     with node and print its figures
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new();
    let result = match args.first().map(String::as_str) {
        Some("install") => install::all(&ctx),
        Some("build") => build::build(&ctx),
        Some("serve") => serve::serve(&ctx, &args[1..]),
        Some("package") => package::package(&ctx, &args[1..]),
        Some("test") => {
            return match test_layers::parse_layers(&args[1..]) {
                Ok(only) => test_layers::test(&ctx, &only),
                Err(e) => {
                    eprintln!("xtask: error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("bench") => bench::bench(&ctx),
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
