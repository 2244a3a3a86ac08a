//! What every handler can reach: the database, the clock, and a few settings.

use std::sync::Arc;

use crate::clock::Clock;
use crate::db::Db;
use crate::hash_queue::HashQueue;
use crate::throttle::LoginThrottle;

/// Shared application state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<Clock>,
    /// Session lifetime in seconds.
    pub token_ttl_secs: i64,
    /// An argon2 hash of a random password, verified against when the email is
    /// unknown so a failed login takes as long whether or not the account exists.
    pub dummy_hash: Arc<str>,
    /// Failed-login counts per account and client address.
    pub login_throttle: Arc<LoginThrottle>,
    /// Where every password hash and verification runs.
    pub hash_queue: HashQueue,
    /// `--allow-internal-webhooks`: webhooks may reach internal addresses.
    pub allow_internal_webhooks: bool,
}
