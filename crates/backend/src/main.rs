//! Command line of the reference backend.

use std::path::PathBuf;
use std::process::ExitCode;

use bintu_backend::config::{Config, DEFAULT_BODY_LIMIT, DEFAULT_TOKEN_TTL_SECS};
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
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
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
    }
}
