//! Login throttling: failed logins are counted per account (the email as typed,
//! whether or not it exists, so known and unknown accounts behave alike) and per
//! client address. Past a few free failures every further one locks that key for a
//! doubling delay; a locked key is answered 429 with `Retry-After` before any
//! password work. Time comes from the server [`Clock`], so tests advance it instead
//! of sleeping.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

use crate::clock::Clock;
use crate::error::{ApiError, ApiResult};

/// How one kind of key (account or address) is throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed before the first lock.
    pub free_failures: u32,
    /// Lock after the first failure past the free ones; it doubles with each further one.
    pub first_lock_secs: u64,
    /// The longest lock.
    pub max_lock_secs: u64,
    /// Failures are forgotten this long after the last one.
    pub forget_after_secs: u64,
}

/// Per account: 5 free failures, then 2 s, 4 s, 8 s … up to 15 minutes.
pub const ACCOUNT_POLICY: ThrottlePolicy = ThrottlePolicy {
    free_failures: 5,
    first_lock_secs: 2,
    max_lock_secs: 15 * 60,
    forget_after_secs: 60 * 60,
};

/// Per client address: 20 free failures (offices share an address), then the same
/// doubling, up to 15 minutes.
pub const ADDRESS_POLICY: ThrottlePolicy = ThrottlePolicy {
    free_failures: 20,
    first_lock_secs: 2,
    max_lock_secs: 15 * 60,
    forget_after_secs: 60 * 60,
};

/// Keys remembered per kind at most, so a flood of made-up emails cannot exhaust
/// memory. When full, forgotten and unlocked keys make room; new keys are not
/// tracked until some do (the address throttle still applies to them).
const MAX_KEYS: usize = 100_000;

impl ThrottlePolicy {
    /// The lock after the `failures`-th failure in a row, if any.
    pub fn lock_secs(&self, failures: u32) -> Option<u64> {
        let past_free = failures
            .checked_sub(self.free_failures)
            .filter(|n| *n > 0)?;
        let doubled = self
            .first_lock_secs
            .saturating_mul(1u64.checked_shl(past_free - 1).unwrap_or(u64::MAX));
        Some(doubled.min(self.max_lock_secs))
    }
}

#[derive(Debug, Clone, Copy)]
struct Record {
    failures: u32,
    last_failure: i64,
    locked_until: i64,
}

/// Failure records for one kind of key.
#[derive(Debug)]
struct Counter<K> {
    policy: ThrottlePolicy,
    records: Mutex<HashMap<K, Record>>,
}

impl<K: Eq + Hash + Clone> Counter<K> {
    fn new(policy: ThrottlePolicy) -> Self {
        Self {
            policy,
            records: Mutex::new(HashMap::new()),
        }
    }

    fn records(&self) -> std::sync::MutexGuard<'_, HashMap<K, Record>> {
        // A record map is always consistent between statements: a panic elsewhere
        // must not disable throttling.
        self.records.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Seconds until `key` may try again, if it is locked now.
    fn locked_for(&self, key: &K, now: i64) -> Option<u64> {
        let records = self.records();
        let until = records.get(key)?.locked_until;
        (until > now).then(|| (until - now) as u64)
    }

    fn fail(&self, key: &K, now: i64) {
        let forget = self.policy.forget_after_secs as i64;
        let mut records = self.records();
        if records.len() >= MAX_KEYS && !records.contains_key(key) {
            records.retain(|_, r| r.locked_until > now || r.last_failure + forget > now);
            if records.len() >= MAX_KEYS {
                return;
            }
        }
        let record = records.entry(key.clone()).or_insert(Record {
            failures: 0,
            last_failure: now,
            locked_until: 0,
        });
        if record.last_failure + forget <= now {
            record.failures = 0;
        }
        record.failures = record.failures.saturating_add(1);
        record.last_failure = now;
        if let Some(secs) = self.policy.lock_secs(record.failures) {
            record.locked_until = now + secs as i64;
        }
    }

    fn clear(&self, key: &K) {
        self.records().remove(key);
    }
}

/// The login throttle of one server.
#[derive(Debug)]
pub struct LoginThrottle {
    clock: Arc<Clock>,
    accounts: Counter<String>,
    addresses: Counter<IpAddr>,
}

/// The account key of an email: trimmed and lower-cased, as the lookup matches it.
fn account_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl LoginThrottle {
    /// A throttle with the given policies.
    pub fn new(clock: Arc<Clock>, account: ThrottlePolicy, address: ThrottlePolicy) -> Self {
        Self {
            clock,
            accounts: Counter::new(account),
            addresses: Counter::new(address),
        }
    }

    /// 429 if the account or the address is locked now (the longer wait wins).
    pub fn check(&self, email: &str, address: Option<IpAddr>) -> ApiResult<()> {
        let now = self.clock.now();
        let account = self.accounts.locked_for(&account_key(email), now);
        let address = address.and_then(|a| self.addresses.locked_for(&a, now));
        match account.max(address) {
            Some(secs) => Err(ApiError::TooManyAttempts(secs.max(1))),
            None => Ok(()),
        }
    }

    /// Records a failed login.
    pub fn failed(&self, email: &str, address: Option<IpAddr>) {
        let now = self.clock.now();
        self.accounts.fail(&account_key(email), now);
        if let Some(a) = address {
            self.addresses.fail(&a, now);
        }
    }

    /// Forgets the account's failures after a successful login. The address keeps
    /// its count: one valid account must not reset guessing at all the others.
    pub fn succeeded(&self, email: &str) {
        self.accounts.clear(&account_key(email));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_double_after_the_free_failures_up_to_the_maximum() {
        let p = ACCOUNT_POLICY;
        assert_eq!(p.lock_secs(5), None);
        assert_eq!(p.lock_secs(6), Some(2));
        assert_eq!(p.lock_secs(7), Some(4));
        assert_eq!(p.lock_secs(10), Some(32));
        assert_eq!(p.lock_secs(20), Some(15 * 60));
        assert_eq!(p.lock_secs(u32::MAX), Some(15 * 60));
    }

    fn throttle() -> (Arc<Clock>, LoginThrottle) {
        let clock = Arc::new(Clock::new());
        let t = LoginThrottle::new(clock.clone(), ACCOUNT_POLICY, ADDRESS_POLICY);
        (clock, t)
    }

    #[test]
    fn an_account_is_locked_and_unlocked_by_time_whatever_its_case() {
        let (clock, t) = throttle();
        for _ in 0..6 {
            t.check("Someone@Example.com", None).unwrap();
            t.failed(" someone@example.com", None);
        }
        let err = t.check("SOMEONE@example.com", None).unwrap_err();
        assert!(matches!(err, ApiError::TooManyAttempts(1..=2)), "{err:?}");
        clock.advance(2);
        t.check("someone@example.com", None).unwrap();
    }

    #[test]
    fn failures_are_forgotten_and_success_clears_the_account() {
        let (clock, t) = throttle();
        for _ in 0..5 {
            t.failed("a@b.co", None);
        }
        clock.advance(ACCOUNT_POLICY.forget_after_secs as i64);
        t.failed("a@b.co", None);
        t.check("a@b.co", None).unwrap();
        for _ in 0..4 {
            t.failed("a@b.co", None);
        }
        t.succeeded("a@b.co");
        t.failed("a@b.co", None);
        t.check("a@b.co", None).unwrap();
    }

    #[test]
    fn an_address_is_locked_across_accounts() {
        let (_, t) = throttle();
        let ip: IpAddr = "203.0.113.9".parse().unwrap();
        for i in 0..=ADDRESS_POLICY.free_failures {
            t.failed(&format!("user{i}@example.com"), Some(ip));
        }
        assert!(t.check("fresh@example.com", Some(ip)).is_err());
        t.check("fresh@example.com", None).unwrap();
    }
}
