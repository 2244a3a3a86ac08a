//! Run-time settings of the server (the CLI fills them in; tests build them directly).

use std::path::PathBuf;
use std::time::Duration;

use crate::throttle::{ThrottlePolicy, ACCOUNT_POLICY, ADDRESS_POLICY};

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Interface to listen on.
    pub host: String,
    /// Port to listen on; 0 picks a free one.
    pub port: u16,
    /// SQLite file, or `:memory:` for a throw-away database.
    pub db: String,
    /// Folder of the built console (trunk's `dist`).
    pub dist: PathBuf,
    /// Path prefix of the API, e.g. `/api`.
    pub api_prefix: String,
    /// Value of the CSP `frame-ancestors` directive (who may embed the console).
    pub frame_ancestors: String,
    /// Lifetime of session tokens in seconds.
    pub token_ttl_secs: u64,
    /// Extra synthetic users (no password) for large-organisation tests.
    pub seed_users: u32,
    /// Enables `POST <prefix>/_test/advance-clock`.
    pub test_hooks: bool,
    /// Lets webhooks (stored and test deliveries) reach loopback, private and other
    /// internal addresses over http or https: for local testing only.
    pub allow_internal_webhooks: bool,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// Host names (with or without port) accepted besides the loopback ones.
    pub public_hosts: Vec<String>,
    /// Origins (`https://console.example.com`) whose pages may call the API and load
    /// the console's files (CORS); none: same origin only.
    pub cors_origins: Vec<String>,
    /// Failed-login throttle per account.
    pub account_throttle: ThrottlePolicy,
    /// Failed-login throttle per client address.
    pub address_throttle: ThrottlePolicy,
    /// Password hashes run at once.
    pub hash_workers: usize,
    /// Password hashes that may wait for a worker; more are answered 503.
    pub hash_waiting: usize,
    /// Time a client has to send a request's headers; also how long an idle
    /// keep-alive connection stays open.
    pub header_read_timeout: Duration,
    /// Longest pause between two pieces of a request body.
    pub body_read_timeout: Duration,
    /// Longest time for a whole request, body and handler included.
    pub request_timeout: Duration,
    /// Open connections at most; more are closed at once.
    pub max_connections: usize,
    /// How often requests shed by the hashing queue are summed up in one WARN line.
    pub shed_report_interval: Duration,
}

/// Default session lifetime: 8 hours.
pub const DEFAULT_TOKEN_TTL_SECS: u64 = 8 * 3600;
/// Default request body limit: 64 KiB.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;
/// Default time for a request's headers, and for an idle connection: 10 s.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Default longest pause inside a request body: 10 s.
pub const DEFAULT_BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Default longest request: 30 s.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Default cap on open connections.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
/// Password hashes that may wait per worker.
pub const HASH_WAITING_PER_WORKER: usize = 4;

/// Hashing threads: one per core but one, which stays free for every other request.
pub fn default_hash_workers() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.saturating_sub(1).max(1)
}

impl Default for Config {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            db: "bintu-demo.sqlite".into(),
            dist: PathBuf::from("dist"),
            api_prefix: "/api".into(),
            frame_ancestors: "'self'".into(),
            token_ttl_secs: DEFAULT_TOKEN_TTL_SECS,
            seed_users: 0,
            test_hooks: false,
            allow_internal_webhooks: false,
            body_limit: DEFAULT_BODY_LIMIT,
            public_hosts: Vec::new(),
            cors_origins: Vec::new(),
            account_throttle: ACCOUNT_POLICY,
            address_throttle: ADDRESS_POLICY,
            hash_workers: default_hash_workers(),
            hash_waiting: default_hash_workers() * HASH_WAITING_PER_WORKER,
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            body_read_timeout: DEFAULT_BODY_READ_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            shed_report_interval: crate::shed_report::DEFAULT_INTERVAL,
        }
    }
}

impl Config {
    /// The API prefix normalised to `/segment[/segment…]` without a trailing slash.
    /// An empty prefix or `/` is refused: the console's routes live at the root.
    pub fn normalised_prefix(&self) -> Result<String, String> {
        let trimmed = self.api_prefix.trim().trim_end_matches('/');
        if trimmed.is_empty() {
            return Err("the API prefix must not be empty or `/`".into());
        }
        if !trimmed.starts_with('/') {
            return Err(format!("the API prefix must start with `/`: {trimmed}"));
        }
        if trimmed.contains(['{', '}', '*', '?', '#', ' ']) {
            return Err(format!(
                "the API prefix has characters a path may not: {trimmed}"
            ));
        }
        Ok(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(p: &str) -> Result<String, String> {
        Config {
            api_prefix: p.into(),
            ..Config::default()
        }
        .normalised_prefix()
    }

    #[test]
    fn prefix_is_normalised_or_refused() {
        assert_eq!(prefix("/api/").unwrap(), "/api");
        assert_eq!(prefix("/v1/api").unwrap(), "/v1/api");
        assert!(prefix("/").is_err());
        assert!(prefix("api").is_err());
        assert!(prefix("/a{b}").is_err());
    }
}
