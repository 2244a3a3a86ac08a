//! The browser suites of `cargo xtask test`: every file of tests/e2e in Chromium, and
//! the main flows (tests/e2e/engine-flows.test.mjs, written once against an
//! engine-neutral driver) in Firefox and in WebKit. The Chromium suite runs in the
//! foreground with its output streamed; Firefox then WebKit run meanwhile in a
//! background thread, their output printed once each finishes, so the three fit the
//! CI's time on two cores.

use crate::util::{fmt_secs, run_tee, say, Timer};
use std::process::{Command, Stdio};
use std::thread;

/// The file of flows that runs in every engine.
const FLOWS: &str = "tests/e2e/engine-flows.test.mjs";

/// One suite's outcome: its name, whether it passed, its wall time and its output
/// (TAP, for the caller to count tests from).
pub struct SuiteRun {
    pub name: &'static str,
    pub result: Result<(), String>,
    pub secs: f64,
    pub output: String,
}

/// Runs the three suites; `node` gives a `node` command with the backend, dist and
/// browser paths in its environment.
pub fn run_browser_suites(node: impl Fn() -> Command) -> Vec<SuiteRun> {
    let others: Vec<(&'static str, Command)> = ["firefox", "webkit"]
        .into_iter()
        .map(|engine| {
            let mut c = node();
            c.args(["--test", "--test-reporter=tap", FLOWS])
                .env("E2E_ENGINE", engine);
            (engine, c)
        })
        .collect();
    say("firefox and webkit suites run in the background; their output follows the chromium suite's");
    let background = thread::spawn(move || {
        others
            .into_iter()
            .map(|(name, c)| run_captured(name, c))
            .collect::<Vec<_>>()
    });

    let t = Timer::start();
    let mut output = String::new();
    let mut c = node();
    c.args([
        "--test",
        "--test-concurrency=1",
        "--test-reporter=tap",
        "tests/e2e/",
    ])
    .env("E2E_ENGINE", "chromium");
    let result = run_tee(c, |l| {
        output.push_str(l);
        output.push('\n');
    });
    let mut runs = vec![SuiteRun {
        name: "e2e",
        result,
        secs: t.secs(),
        output,
    }];
    say(format!("chromium suite done in {}", fmt_secs(runs[0].secs)));

    let rest = background.join().unwrap_or_else(|_| {
        vec![SuiteRun {
            name: "engines",
            result: Err("the thread running the firefox and webkit suites panicked".into()),
            secs: 0.0,
            output: String::new(),
        }]
    });
    for r in &rest {
        println!();
        println!(
            "==== xtask test: {} suite (node --test {FLOWS}), {} ====",
            r.name,
            fmt_secs(r.secs)
        );
        print!("{}", r.output);
    }
    runs.extend(rest);
    runs
}

/// Runs a suite with its output captured (stdout and stderr together).
fn run_captured(name: &'static str, mut c: Command) -> SuiteRun {
    let t = Timer::start();
    c.stdin(Stdio::null());
    let result = c.output();
    let secs = t.secs();
    match result {
        Ok(out) => {
            let mut output = String::from_utf8_lossy(&out.stdout).into_owned();
            output.push_str(&String::from_utf8_lossy(&out.stderr));
            SuiteRun {
                name,
                result: if out.status.success() {
                    Ok(())
                } else {
                    Err(format!("the {name} suite failed ({})", out.status))
                },
                secs,
                output,
            }
        }
        Err(e) => SuiteRun {
            name,
            result: Err(format!("could not start node for the {name} suite: {e}")),
            secs,
            output: String::new(),
        },
    }
}
