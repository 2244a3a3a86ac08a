//! Command line of the reference backend.

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use bintu_backend::config::{Config, DEFAULT_TOKEN_TTL_SECS};
use bintu_backend::throttle::{ThrottlePolicy, ADDRESS_POLICY};
use clap::Parser;

/// Reference bintu-style backend: the organisation admin API over SQLite, serving
/// the built console.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Interface to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// SQLite database file, or `:memory:` for a throw-away one.
    #[arg(long, default_value = "bintu-demo.sqlite")]
    db: String,
    /// Folder of the built console.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Path prefix of the API.
    #[arg(long, default_value = "/api")]
    api_prefix: String,
    /// CSP frame-ancestors value: who may embed the console in a frame.
    #[arg(long, default_value = "'self'")]
    frame_ancestors: String,
    /// Lifetime of session tokens in seconds.
    #[arg(long, default_value_t = DEFAULT_TOKEN_TTL_SECS)]
    token_ttl_secs: u64,
    /// Extra synthetic users (no password, cannot log in) for large-organisation tests.
    #[arg(long, default_value_t = 0)]
    seed_users: u32,
    /// Enable POST <prefix>/_test/advance-clock (never in production).
    #[arg(long)]
    test_hooks: bool,
    /// Let the webhook be an http(s) URL on loopback, private or other internal
    /// addresses, and send test deliveries there (local testing only, never in
    /// production: it lets admins reach the server's own network).
    #[arg(
        long = "allow-internal-webhooks",
        env = "BINTU_ALLOW_INTERNAL_WEBHOOKS"
    )]
    allow_internal_webhooks: bool,
    /// A Host header to accept besides localhost, 127.0.0.1 and [::1] (with the
    /// port or without), e.g. console.example.com; repeat for more.
    #[arg(long = "public-host", value_name = "HOST")]
    public_hosts: Vec<String>,
    /// Failed logins from one client address before its logins are locked for a
    /// while (growing spans); raise it when many users share an address (a large
    /// office's NAT).
    #[arg(long, value_name = "N", default_value_t = ADDRESS_POLICY.free_failures)]
    free_login_failures_per_address: u32,
    /// An origin whose pages may call the API and load the console's files (CORS),
    /// e.g. https://console.example.com when the console is served from there or a
    /// host dashboard embeds it; exact origins only; repeat for more.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
}

impl From<Cli> for Config {
    fn from(c: Cli) -> Self {
        Config {
            host: c.host,
            port: c.port,
            db: c.db,
            dist: c.dist,
            api_prefix: c.api_prefix,
            frame_ancestors: c.frame_ancestors,
            token_ttl_secs: c.token_ttl_secs,
            seed_users: c.seed_users,
            test_hooks: c.test_hooks,
            allow_internal_webhooks: c.allow_internal_webhooks,
            public_hosts: c.public_hosts,
            cors_origins: c.cors_origins,
            address_throttle: ThrottlePolicy {
                free_failures: c.free_login_failures_per_address,
                ..ADDRESS_POLICY
            },
            ..Config::default()
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let colour = colour_logs(
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    tracing_subscriber::fmt()
        .with_ansi(colour)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(bintu_backend::serve(cli.into())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Colour codes only for a terminal, and not when `NO_COLOR` is set to anything
/// (no-color.org): in a file or a log collector they are noise.
fn colour_logs(stdout_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent_and_defaults_match_config() {
        Cli::command().debug_assert();
        let cfg: Config = Cli::parse_from(["bintu-backend"]).into();
        let def = Config::default();
        assert_eq!(
            (
                cfg.host,
                cfg.port,
                cfg.db,
                cfg.dist,
                cfg.api_prefix,
                cfg.frame_ancestors
            ),
            (
                def.host,
                def.port,
                def.db,
                def.dist,
                def.api_prefix,
                def.frame_ancestors
            )
        );
        assert_eq!(cfg.token_ttl_secs, 8 * 3600);
        assert!(!cfg.test_hooks);
        assert!(!cfg.allow_internal_webhooks);
        assert!(cfg.public_hosts.is_empty());
        assert!(cfg.cors_origins.is_empty());
        assert_eq!(cfg.address_throttle, def.address_throttle);
    }

    #[test]
    fn public_hosts_repeat() {
        let cfg: Config = Cli::parse_from([
            "bintu-backend",
            "--public-host",
            "a.example",
            "--public-host",
            "b.example:8443",
        ])
        .into();
        assert_eq!(cfg.public_hosts, ["a.example", "b.example:8443"]);
    }

    #[test]
    fn cors_origins_repeat() {
        let cfg: Config = Cli::parse_from([
            "bintu-backend",
            "--cors-origin",
            "https://console.example",
            "--cors-origin",
            "http://127.0.0.1:8081",
        ])
        .into();
        assert_eq!(
            cfg.cors_origins,
            ["https://console.example", "http://127.0.0.1:8081"]
        );
    }

    #[test]
    fn logs_are_coloured_only_on_a_terminal_without_no_color() {
        assert!(colour_logs(true, None));
        assert!(colour_logs(true, Some(OsStr::new(""))));
        assert!(!colour_logs(true, Some(OsStr::new("1"))));
        assert!(!colour_logs(false, None));
    }
}
