//! Small helpers: running commands with a visible echo, reading versions, timing.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Instant;

/// Everything the subcommands share: where the repository is, which cargo to call,
/// and the PATH the tools are found on (cargo's bin dir and the local wasm-opt first).
pub struct Ctx {
    pub root: PathBuf,
    pub cargo: OsString,
    pub tools_dir: PathBuf,
    pub path: OsString,
}

impl Ctx {
    pub fn new() -> Ctx {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the repository root")
            .to_path_buf();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_else(|| PathBuf::from(".cargo"));
        let cargo_bin = std::env::var_os("CARGO_INSTALL_ROOT")
            .map(|r| PathBuf::from(r).join("bin"))
            .unwrap_or_else(|| cargo_home.join("bin"));
        let tools_dir = root.join(".tools");
        let mut dirs = vec![cargo_bin, tools_dir.join("node_modules").join(".bin")];
        if let Some(old) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&old));
        }
        let path = std::env::join_paths(dirs).expect("PATH entries contain no separator");
        Ctx {
            root,
            cargo,
            tools_dir,
            path,
        }
    }

    /// A command that finds tools on our PATH and runs in the repository root.
    pub fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let program = program.as_ref();
        // Resolve the program on our PATH, so a tool just installed into cargo's bin
        // dir or .tools is found even when the caller's PATH lacks those dirs.
        let resolved = self
            .which(program)
            .unwrap_or_else(|| PathBuf::from(program));
        let mut c = Command::new(resolved);
        c.env("PATH", &self.path).current_dir(&self.root);
        c
    }

    pub fn cargo(&self) -> Command {
        let mut c = Command::new(&self.cargo);
        c.env("PATH", &self.path).current_dir(&self.root);
        c
    }

    pub fn which(&self, program: &std::ffi::OsStr) -> Option<PathBuf> {
        if Path::new(program).components().count() > 1 {
            return Some(PathBuf::from(program));
        }
        std::env::split_paths(&self.path)
            .map(|d| d.join(program))
            .find(|p| is_executable(p))
    }

    pub fn target_dir(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.root.join(p)
                }
            })
            .unwrap_or_else(|| self.root.join("target"))
    }

    pub fn backend_bin(&self) -> PathBuf {
        self.target_dir()
            .join("release")
            .join(format!("bintu-backend{}", std::env::consts::EXE_SUFFIX))
    }

    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn chromium_path(&self) -> PathBuf {
        std::env::var_os("CHROMIUM_PATH")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
    }
}

pub fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p)
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

pub fn say(msg: impl AsRef<str>) {
    println!("xtask: {}", msg.as_ref());
    let _ = std::io::stdout().flush();
}

fn describe(c: &Command) -> String {
    let mut s = Path::new(c.get_program())
        .file_name()
        .unwrap_or(c.get_program())
        .to_string_lossy()
        .into_owned();
    for a in c.get_args() {
        let a = a.to_string_lossy();
        if a.contains(' ') || a.is_empty() {
            s.push_str(&format!(" '{a}'"));
        } else {
            s.push(' ');
            s.push_str(&a);
        }
    }
    s
}

fn echo(c: &Command) {
    match c.get_current_dir() {
        Some(dir) => say(format!("$ {}   (in {})", describe(c), dir.display())),
        None => say(format!("$ {}", describe(c))),
    }
}

/// Runs a command with inherited stdio, echoing it first. Err says what failed.
pub fn run(mut c: Command) -> Result<(), String> {
    let what = describe(&c);
    echo(&c);
    let status = c
        .status()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    check(status, &what)
}

fn check(status: ExitStatus, what: &str) -> Result<(), String> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Runs a command, echoing its stdout line by line while handing each line to `seen`
/// (to pick up the runner's summary lines). stderr goes straight through.
pub fn run_tee(mut c: Command, mut seen: impl FnMut(&str)) -> Result<(), String> {
    let what = describe(&c);
    echo(&c);
    c.stdout(Stdio::piped());
    let mut child = c
        .spawn()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    let out = child.stdout.take().expect("stdout was piped");
    let mut stdout = std::io::stdout();
    for line in BufReader::new(out).split(b'\n') {
        let Ok(line) = line else { break };
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches('\r');
        let _ = writeln!(stdout, "{text}");
        let _ = stdout.flush();
        seen(text);
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{what}`: {e}"))?;
    check(status, &what)
}

/// The combined stdout+stderr of a command, or None when it cannot be started or fails.
pub fn output_of(mut c: Command) -> Option<String> {
    c.stdin(Stdio::null());
    let out = c.output().ok()?;
    if !out.status.success() {
        return None;
    }
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    Some(s.trim().to_string())
}

pub struct Timer(Instant);

impl Timer {
    pub fn start() -> Timer {
        Timer(Instant::now())
    }
    pub fn secs(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
}

pub fn fmt_secs(s: f64) -> String {
    if s >= 90.0 {
        format!("{}m{:02}s", (s / 60.0) as u64, (s % 60.0) as u64)
    } else {
        format!("{s:.1}s")
    }
}

/// The value of `--name VALUE` or `--name=VALUE` in `args`.
pub fn flag_value(args: &[String], name: &str) -> Result<Option<String>, String> {
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
