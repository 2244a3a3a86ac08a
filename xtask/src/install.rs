//! `cargo xtask install`: installs what is missing, skips what is present at the right
//! version. Every step says what it found and what it does.

use crate::util::{output_of, run, say, Ctx};
use std::path::Path;

pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm package `binaryen` ships a wasm-opt that handles current Rust wasm
/// (Debian's binaryen 108 does not).
pub const BINARYEN_MAJOR: &str = "132";
/// Minifies the wasm-bindgen glue (trunk's own minifier fails on it); see dist.rs.
const ESBUILD_VERSION: &str = "0.28.2";
/// Finds dependencies no code uses (the lint layer of `cargo xtask test`); stable
/// Rust, unlike cargo-udeps.
const CARGO_MACHETE_VERSION: &str = "0.9.2";
/// The property-based API tester of the contract layer (tests/contract/), from the
/// Python package index into a virtual environment under .tools/.
const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// Where the wasm's bytes go, by crate and by function (`cargo xtask bench`).
const TWIGGY_VERSION: &str = "0.8.0";

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What the build needs: the wasm target, the standard library's source, trunk,
/// wasm-bindgen-cli, wasm-opt.
pub fn build_tools(ctx: &Ctx) -> Result<(), String> {
    wasm_target(ctx)?;
    rust_src(ctx)?;
    trunk(ctx)?;
    wasm_bindgen(ctx)?;
    wasm_opt(ctx)?;
    npm_tool(ctx, "esbuild", "esbuild", ESBUILD_VERSION)?;
    Ok(())
}

/// What `cargo xtask bench` needs on top of the tests: tests/bench's npm packages
/// (Lighthouse).
pub fn bench_tools(ctx: &Ctx) -> Result<(), String> {
    npm_packages(ctx, "tests/bench")?;
    cargo_tool(ctx, "twiggy", TWIGGY_VERSION)
}

/// What the tests need on top of the build: the e2e npm packages, the three browser
/// engines (Chromium, Firefox ESR, WebKitGTK's WebDriver with a virtual display) and
/// the web servers the deployment is tested behind (nginx, Caddy).
pub fn test_tools(ctx: &Ctx) -> Result<(), String> {
    cargo_tool(ctx, "cargo-machete", CARGO_MACHETE_VERSION)?;
    npm_packages(ctx, "tests/e2e")?;
    chromium(ctx)?;
    firefox(ctx)?;
    webkit(ctx)?;
    web_servers(ctx)?;
    schemathesis(ctx)?;
    Ok(())
}

pub fn all(ctx: &Ctx) -> Result<(), String> {
    build_tools(ctx)?;
    test_tools(ctx)?;
    say("install: everything is in place");
    Ok(())
}

fn step(name: &str, msg: impl AsRef<str>) {
    say(format!("install {name}: {}", msg.as_ref()));
}

/// The second whitespace-separated word of `<tool> --version`, e.g. `trunk 0.21.14`.
fn tool_version(ctx: &Ctx, program: &str) -> Option<String> {
    let mut c = ctx.cmd(program);
    c.arg("--version");
    let out = output_of(c)?;
    out.lines()
        .next()?
        .split_whitespace()
        .nth(1)
        .map(str::to_string)
}

fn wasm_target(ctx: &Ctx) -> Result<(), String> {
    rustup_part(
        ctx,
        "rust target",
        WASM_TARGET,
        &format!("lib/rustlib/{WASM_TARGET}"),
        &["target", "add", WASM_TARGET],
    )
}

/// The standard library's source for this toolchain: the release wasm builds its own
/// standard library, optimised for size (see `wasm.rs`, `cargo_build`).
fn rust_src(ctx: &Ctx) -> Result<(), String> {
    rustup_part(
        ctx,
        "rust-src",
        "the standard library's source",
        "lib/rustlib/src/rust/library/std/Cargo.toml",
        &["component", "add", "rust-src"],
    )
}

/// A part of the toolchain rustup adds (`rustup_args`), present when `in_sysroot`
/// exists under `rustc --print sysroot`.
fn rustup_part(
    ctx: &Ctx,
    name: &str,
    what: &str,
    in_sysroot: &str,
    rustup_args: &[&str],
) -> Result<(), String> {
    let mut c = ctx.cmd("rustc");
    c.args(["--print", "sysroot"]);
    let present = output_of(c)
        .map(|sysroot| Path::new(&sysroot).join(in_sysroot).exists())
        .unwrap_or(false);
    if present {
        step(name, format!("{what} present, skipping"));
        return Ok(());
    }
    step(name, format!("{what} missing, adding it with rustup"));
    let mut c = ctx.cmd("rustup");
    c.args(rustup_args);
    run(c)
}

fn trunk(ctx: &Ctx) -> Result<(), String> {
    match tool_version(ctx, "trunk") {
        Some(v) if v == TRUNK_VERSION => {
            step("trunk", format!("trunk {v} present, skipping"));
            return Ok(());
        }
        Some(v) => step(
            "trunk",
            format!("found trunk {v}, need {TRUNK_VERSION}: installing (about 8 minutes)"),
        ),
        None => step(
            "trunk",
            format!("not found, installing trunk {TRUNK_VERSION} (about 8 minutes)"),
        ),
    }
    let mut c = ctx.cargo();
    c.args([
        "install",
        "trunk",
        "--version",
        TRUNK_VERSION,
        "--locked",
        "--force",
    ]);
    run(c)?;
    match tool_version(ctx, "trunk") {
        Some(v) if v == TRUNK_VERSION => Ok(()),
        other => Err(format!(
            "after installing, `trunk --version` says {other:?}, expected {TRUNK_VERSION}"
        )),
    }
}

/// The version of the `wasm-bindgen` crate in Cargo.lock; the CLI must equal it exactly.
pub fn locked_wasm_bindgen(ctx: &Ctx) -> Result<String, String> {
    let lock_path = ctx.root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("reading {}: {e}", lock_path.display()))?;
    let mut versions = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""# {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                versions.push(v.trim_matches('"').to_string());
            }
        }
    }
    versions.dedup();
    match versions.as_slice() {
        [v] => Ok(v.clone()),
        [] => Err("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`".into()),
        many => Err(format!(
            "Cargo.lock has several wasm-bindgen versions {many:?}; pin one with `=` in Cargo.toml"
        )),
    }
}

fn wasm_bindgen(ctx: &Ctx) -> Result<(), String> {
    let want = locked_wasm_bindgen(ctx)?;
    let have = tool_version(ctx, "wasm-bindgen");
    let runner = tool_version(ctx, "wasm-bindgen-test-runner");
    match (&have, &runner) {
        (Some(v), Some(r)) if *v == want && *r == want => {
            step(
                "wasm-bindgen-cli",
                format!("wasm-bindgen {v} present (equals Cargo.lock), skipping"),
            );
            return Ok(());
        }
        (Some(v), _) => step(
            "wasm-bindgen-cli",
            format!(
                "found wasm-bindgen {v} (test runner {}), Cargo.lock has {want}: installing",
                runner.as_deref().unwrap_or("missing")
            ),
        ),
        (None, _) => step(
            "wasm-bindgen-cli",
            format!("not found, installing {want} (as in Cargo.lock)"),
        ),
    }
    // Without --locked: the CLI's own lock file names a release the registry lacks.
    let mut c = ctx.cargo();
    c.args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]);
    run(c)?;
    match tool_version(ctx, "wasm-bindgen") {
        Some(v) if v == want => Ok(()),
        other => Err(format!(
            "after installing, `wasm-bindgen --version` says {other:?}, expected {want}"
        )),
    }
}

/// `wasm-opt version 132 (version_132)` -> `132`.
fn wasm_opt_version(ctx: &Ctx) -> Option<String> {
    let bin = ctx.tools_dir.join("node_modules/.bin/wasm-opt");
    if !bin.exists() {
        return None;
    }
    let mut c = ctx.cmd(&bin);
    c.arg("--version");
    let out = output_of(c)?;
    let mut words = out.split_whitespace();
    words.find(|w| *w == "version")?;
    words.next().map(str::to_string)
}

fn wasm_opt(ctx: &Ctx) -> Result<(), String> {
    pinned(
        "wasm-opt",
        BINARYEN_MAJOR,
        || wasm_opt_version(ctx),
        || npm_into_tools(ctx, &format!("binaryen@{BINARYEN_MAJOR}")),
    )
}

/// A tool from crates.io, pinned.
fn cargo_tool(ctx: &Ctx, name: &str, version: &str) -> Result<(), String> {
    // `--version` prints the bare version for some tools, `<name> <version>` for others.
    let found = || {
        let mut c = ctx.cmd(name);
        c.arg("--version");
        output_of(c).and_then(|out| out.split_whitespace().last().map(str::to_string))
    };
    pinned(name, version, found, || {
        let mut c = ctx.cargo();
        c.args(["install", name, "--version", version, "--locked", "--force"]);
        run(c)
    })
}

/// An npm package with a command of its own, pinned, in .tools (like binaryen).
fn npm_tool(ctx: &Ctx, package: &str, bin: &str, version: &str) -> Result<(), String> {
    let path = ctx.tools_dir.join("node_modules/.bin").join(bin);
    let found = || {
        let mut c = ctx.cmd(&path);
        c.arg("--version");
        output_of(c).map(|out| out.trim().to_string())
    };
    pinned(package, version, found, || {
        npm_into_tools(ctx, &format!("{package}@{version}"))
    })
}

/// Installs a tool unless `found` reports the pinned `version`; says what it found and
/// what it does, and checks the version again afterwards.
fn pinned(
    name: &str,
    version: &str,
    found: impl Fn() -> Option<String>,
    install: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    match found() {
        Some(v) if v == version => {
            step(name, format!("version {v} present, skipping"));
            return Ok(());
        }
        Some(v) => step(
            name,
            format!("found version {v}, need {version}: installing"),
        ),
        None => step(name, format!("not found, installing version {version}")),
    }
    install()?;
    match found() {
        Some(v) if v == version => Ok(()),
        other => Err(format!(
            "after installing, {name} reports version {other:?}, expected {version}"
        )),
    }
}

/// `npm install <spec>` into .tools (not the project's node_modules).
fn npm_into_tools(ctx: &Ctx, spec: &str) -> Result<(), String> {
    std::fs::create_dir_all(&ctx.tools_dir)
        .map_err(|e| format!("creating {}: {e}", ctx.tools_dir.display()))?;
    let mut c = ctx.cmd("npm");
    c.arg("install")
        .arg("--prefix")
        .arg(&ctx.tools_dir)
        .args(["--no-audit", "--no-fund", "--save-exact"])
        .arg(spec);
    run(c)
}

/// The npm packages of a node suite folder (tests/e2e, tests/bench), from its lock file.
fn npm_packages(ctx: &Ctx, folder: &str) -> Result<(), String> {
    let dir = ctx.root.join(folder);
    let lock = dir.join("package-lock.json");
    let what = format!("{folder} npm packages");
    if !dir.join("package.json").exists() {
        step(
            &what,
            format!("{folder}/package.json missing, nothing to install"),
        );
        return Ok(());
    }
    // A copy of the lock file inside node_modules records what was installed;
    // when the committed lock changes, node_modules is stale and `npm ci` runs again.
    let stamp = dir.join("node_modules/.xtask-package-lock.json");
    let current = std::fs::read(&lock).ok();
    if current.is_some()
        && std::fs::read(&stamp).ok() == current
        && dir.join("node_modules").is_dir()
    {
        step(
            &what,
            format!("{folder}/node_modules matches package-lock.json, skipping"),
        );
        return Ok(());
    }
    let mut c = ctx.cmd("npm");
    c.current_dir(&dir).args(["--no-audit", "--no-fund"]);
    if current.is_some() {
        step(
            &what,
            format!("node_modules missing or stale: npm ci in {folder}"),
        );
        c.arg("ci");
    } else {
        step(
            &what,
            format!("no package-lock.json yet: npm install in {folder} (commit the lock file)"),
        );
        c.arg("install");
    }
    run(c)?;
    let lock_now = std::fs::read(&lock).map_err(|e| format!("reading {}: {e}", lock.display()))?;
    std::fs::write(&stamp, lock_now).map_err(|e| format!("writing {}: {e}", stamp.display()))?;
    Ok(())
}

fn chromium(ctx: &Ctx) -> Result<(), String> {
    let browser = ctx.chromium_path();
    let driver = Path::new("/usr/bin/chromedriver");
    if browser.exists() && driver.exists() {
        let mut c = ctx.cmd(&browser);
        c.arg("--version");
        let v = output_of(c).unwrap_or_default();
        let v = v
            .lines()
            .find(|l| l.contains("Chromium") || l.contains("Chrome"))
            .unwrap_or("version unknown");
        step(
            "chromium",
            format!(
                "{} and {} present ({}), skipping",
                browser.display(),
                driver.display(),
                v.trim()
            ),
        );
        return Ok(());
    }
    apt_install(
        ctx,
        "chromium",
        &["chromium", "chromium-driver"],
        &[&browser, driver],
        "or point CHROMIUM_PATH at a Chromium/Chrome binary",
    )
}

/// Firefox ESR, driven over WebDriver BiDi by puppeteer-core (tests/e2e/support/engines.mjs).
fn firefox(ctx: &Ctx) -> Result<(), String> {
    let browser = firefox_path();
    if browser.exists() {
        let mut c = ctx.cmd(&browser);
        c.arg("--version");
        let v = output_of(c).unwrap_or_else(|| "version unknown".into());
        step(
            "firefox",
            format!("{} present ({v}), skipping", browser.display()),
        );
        return Ok(());
    }
    apt_install(
        ctx,
        "firefox",
        &["firefox-esr"],
        &[&browser],
        "or point FIREFOX_PATH at a Firefox binary",
    )
}

/// WebKitGTK's WebDriver and MiniBrowser, run under xvfb-run (a virtual display).
fn webkit(ctx: &Ctx) -> Result<(), String> {
    let needed = [
        Path::new(WEBKIT_DRIVER),
        Path::new(WEBKIT_MINIBROWSER),
        Path::new("/usr/bin/xvfb-run"),
    ];
    if needed.iter().all(|p| p.exists()) {
        let mut c = ctx.cmd("dpkg-query");
        c.args(["-W", "-f=${Version}", "libwebkit2gtk-4.1-0"]);
        let version = output_of(c).unwrap_or_else(|| "version unknown".into());
        step(
            "webkit",
            format!(
                "WebKitWebDriver, MiniBrowser and xvfb-run present (WebKitGTK {version}), skipping"
            ),
        );
        return Ok(());
    }
    apt_install(
        ctx,
        "webkit",
        &["webkit2gtk-driver", "xvfb"],
        &needed,
        "the WebKit suite needs WebKitWebDriver, WebKitGTK's MiniBrowser and xvfb-run",
    )
}

/// The contract layer's virtual environment (its `bin/python` runs
/// tests/contract/contract.py, its `bin/schemathesis` the tester).
pub fn schemathesis_venv(ctx: &Ctx) -> std::path::PathBuf {
    ctx.tools_dir.join("schemathesis")
}

fn schemathesis(ctx: &Ctx) -> Result<(), String> {
    let venv = schemathesis_venv(ctx);
    let tool = venv.join("bin").join("schemathesis");
    if tool.exists() {
        let mut c = ctx.cmd(&tool);
        c.arg("--version");
        let version = output_of(c).unwrap_or_default();
        if version.contains(SCHEMATHESIS_VERSION) {
            step(
                "schemathesis",
                format!("{version} present in {}, skipping", venv.display()),
            );
            return Ok(());
        }
    }
    step(
        "schemathesis",
        format!(
            "installing schemathesis {SCHEMATHESIS_VERSION} into {}",
            venv.display()
        ),
    );
    let mut c = ctx.cmd("python3");
    c.args(["-m", "venv"]).arg(&venv);
    run(c)?;
    let mut c = ctx.cmd(venv.join("bin").join("pip"));
    c.args(["install", "--quiet", "--disable-pip-version-check"])
        .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}"));
    run(c)
}

/// Debian's nginx with its brotli static module, and Caddy: deploy/nginx.conf and
/// deploy/Caddyfile are tested with them (tests/e2e/deploy.test.mjs).
fn web_servers(ctx: &Ctx) -> Result<(), String> {
    let needed = [
        Path::new(NGINX),
        Path::new(NGINX_BROTLI_STATIC),
        Path::new(CADDY),
    ];
    if needed.iter().all(|p| p.exists()) {
        let mut c = ctx.cmd("dpkg-query");
        c.args(["-W", "-f=${Version} ", "nginx", "caddy"]);
        let versions = output_of(c).unwrap_or_else(|| "versions unknown".into());
        step(
            "web servers",
            format!("nginx, its brotli static module and caddy present ({versions}), skipping"),
        );
        return Ok(());
    }
    apt_install(
        ctx,
        "web servers",
        &["nginx", "libnginx-mod-http-brotli-static", "caddy"],
        &needed,
        "the deployment tests serve dist/ with deploy/nginx.conf and deploy/Caddyfile",
    )
}

/// Debian's nginx, its brotli static module and Caddy.
pub const NGINX: &str = "/usr/sbin/nginx";
pub const NGINX_BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
pub const CADDY: &str = "/usr/bin/caddy";

/// Firefox ESR's binary: FIREFOX_PATH, else Debian's.
pub fn firefox_path() -> std::path::PathBuf {
    std::env::var_os("FIREFOX_PATH")
        .map(Into::into)
        .unwrap_or_else(|| "/usr/bin/firefox-esr".into())
}

/// WebKitGTK's WebDriver (Debian package webkit2gtk-driver).
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The browser WebKitWebDriver starts (from libwebkit2gtk-4.1).
pub const WEBKIT_MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Installs Debian packages with apt-get when running as root on Debian; elsewhere
/// stops and says what to install. `wanted` must exist afterwards.
fn apt_install(
    ctx: &Ctx,
    name: &str,
    packages: &[&str],
    wanted: &[&Path],
    hint: &str,
) -> Result<(), String> {
    let missing: Vec<String> = wanted
        .iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    let mut id = ctx.cmd("id");
    id.arg("-u");
    let is_root = output_of(id).map(|s| s == "0").unwrap_or(false);
    let debian =
        Path::new("/etc/debian_version").exists() && ctx.which("apt-get".as_ref()).is_some();
    if !(is_root && debian) {
        return Err(format!(
            "{name} is missing ({} not found) and this is not Debian as root, so xtask cannot \
             install it. Install it yourself (Debian/Ubuntu: `sudo apt-get install {}`); {hint}.",
            missing.join(", "),
            packages.join(" "),
        ));
    }
    step(
        name,
        format!("missing: installing {} with apt-get", packages.join(" ")),
    );
    // One `apt-get update` per run, however many packages are missing.
    static UPDATED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !UPDATED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        let mut c = ctx.cmd("apt-get");
        c.arg("update").env("DEBIAN_FRONTEND", "noninteractive");
        run(c)?;
    }
    let mut c = ctx.cmd("apt-get");
    c.args(["install", "-y"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive");
    run(c)?;
    match wanted.iter().find(|p| !p.exists()) {
        Some(p) => Err(format!(
            "apt-get finished but {} is still missing",
            p.display()
        )),
        None => Ok(()),
    }
}
