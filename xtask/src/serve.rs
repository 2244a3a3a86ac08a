//! `cargo xtask serve`: build, then run the reference backend with the console.

use std::path::PathBuf;

use crate::build::build;
use crate::util::{flag_value, run, Ctx};

const DEMO_LOGINS: &str = concat!(
    "  demo logins (DEMO ONLY - never use these on a real deployment):\n",
    "    admin@demo.local     demo-password   (nanoAdmin)\n",
    "    user@demo.local      demo-password   (nanoUser)\n",
    "    readonly@demo.local  demo-password   (nanoReadOnly)",
);

pub fn serve(ctx: &Ctx, args: &[String]) -> Result<(), String> {
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
    println!("  example host dashboard embedding it:    http://127.0.0.1:{port}/embed/");
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
