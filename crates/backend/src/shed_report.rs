//! Requests shed by design (the hashing queue full: 503 with Retry-After) are counted
//! and reported as one WARN line per interval, with the count: a storm of logins
//! cannot flood the log, and an operator still sees that it happened and how hard.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How often a storm is summed up by default.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(10);

/// The counter; cheap to clone.
#[derive(Debug, Clone)]
pub struct ShedReport {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    what: &'static str,
    interval: Duration,
    count: AtomicU64,
    reporting: AtomicBool,
}

impl ShedReport {
    /// Counts requests shed because `what` (e.g. "the password-hashing queue is full").
    pub fn new(what: &'static str, interval: Duration) -> Self {
        Self {
            inner: Arc::new(Inner {
                what,
                interval,
                count: AtomicU64::new(0),
                reporting: AtomicBool::new(false),
            }),
        }
    }

    /// One request shed. The first of a quiet period starts a reporter on the current
    /// tokio runtime; it writes a line per interval while requests keep being shed.
    pub fn shed(&self) {
        self.inner.count.fetch_add(1, Ordering::Relaxed);
        if self.inner.reporting.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            self.inner.reporting.store(false, Ordering::Release);
            return;
        };
        let inner = self.inner.clone();
        runtime.spawn(async move {
            loop {
                tokio::time::sleep(inner.interval).await;
                let shed = inner.count.swap(0, Ordering::AcqRel);
                if shed == 0 {
                    inner.reporting.store(false, Ordering::Release);
                    // A request shed between the swap and the store started no reporter.
                    if inner.count.load(Ordering::Acquire) == 0
                        || inner.reporting.swap(true, Ordering::AcqRel)
                    {
                        return;
                    }
                    continue;
                }
                tracing::warn!(
                    shed,
                    seconds = inner.interval.as_secs_f64(),
                    "requests answered 503 because {}",
                    inner.what
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sheds_are_counted_and_the_reporter_stops_when_quiet() {
        let report = ShedReport::new("test", Duration::from_millis(20));
        for _ in 0..5 {
            report.shed();
        }
        assert!(report.inner.reporting.load(Ordering::Acquire));
        assert_eq!(report.inner.count.load(Ordering::Acquire), 5);
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(report.inner.count.load(Ordering::Acquire), 0);
        assert!(!report.inner.reporting.load(Ordering::Acquire));
        report.shed();
        assert!(report.inner.reporting.load(Ordering::Acquire));
    }
}
