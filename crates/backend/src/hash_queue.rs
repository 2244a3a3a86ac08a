//! Password hashing behind a bounded queue. Each argon2 run holds about 19 MiB and
//! a core for tens of milliseconds; hundreds at once exhausted memory and starved
//! every other request.
//!
//! Hashes run on a few dedicated threads (by default one fewer than the cores, so
//! one core stays free for everything else). Dedicated threads matter for memory
//! too: the allocator keeps freed memory in the arena of the thread that used it,
//! so argon2 spread over the many blocking-pool threads kept tens of MiB per thread
//! for good. At most `waiting` more jobs wait; beyond that a request is answered
//! 503 with `Retry-After` at once, before any database or hashing work.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

use crate::error::{ApiError, ApiResult};
use crate::shed_report::ShedReport;

/// What a client refused by a full queue is told to wait, in seconds.
pub const BUSY_RETRY_SECS: u64 = 1;

type Job = Box<dyn FnOnce() + Send>;

/// The queue; cheap to clone.
#[derive(Debug, Clone)]
pub struct HashQueue {
    /// Running plus waiting jobs.
    admitted: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
    /// Refusals, summed up in the log once per interval (never a line each).
    shed: ShedReport,
}

/// A place in the queue, taken before the work that leads to a hash.
#[derive(Debug)]
pub struct Admission {
    permit: OwnedSemaphorePermit,
    jobs: mpsc::Sender<Job>,
}

impl HashQueue {
    /// A queue with `workers` hashing threads and `waiting` more jobs in line.
    pub fn new(workers: usize, waiting: usize) -> Self {
        Self::with_report_interval(workers, waiting, crate::shed_report::DEFAULT_INTERVAL)
    }

    /// [`new`](Self::new), summing refusals up in the log every `interval`.
    pub fn with_report_interval(
        workers: usize,
        waiting: usize,
        interval: std::time::Duration,
    ) -> Self {
        let workers = workers.max(1);
        let (jobs, inbox) = mpsc::channel::<Job>();
        let inbox = Arc::new(Mutex::new(inbox));
        for i in 0..workers {
            let inbox = inbox.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || loop {
                    let next = inbox.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    match next {
                        Ok(job) => job(),
                        // Every sender is gone: the server has shut down.
                        Err(_) => break,
                    }
                })
                .expect("cannot start a password-hashing thread");
        }
        Self {
            admitted: Arc::new(Semaphore::new(workers + waiting)),
            jobs,
            shed: ShedReport::new("the password-hashing queue is full", interval),
        }
    }

    /// A place in the queue, or 503 at once when it is full.
    pub fn admit(&self) -> ApiResult<Admission> {
        let permit = self.admitted.clone().try_acquire_owned().map_err(|_| {
            self.shed.shed();
            ApiError::Busy(BUSY_RETRY_SECS)
        })?;
        Ok(Admission {
            permit,
            jobs: self.jobs.clone(),
        })
    }

    /// [`admit`](Self::admit), then [`Admission::run`].
    pub async fn run<T, F>(&self, job: F) -> ApiResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.admit()?.run(job).await
    }
}

impl Admission {
    /// Runs `job` on a hashing thread when one is free.
    pub async fn run<T, F>(self, job: F) -> ApiResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let (answer, result) = oneshot::channel();
        let permit = self.permit;
        // The place is held until the job has run, even if the client hangs up, and
        // freed before the answer goes out: whoever is answered may queue again at once.
        let job: Job = Box::new(move || {
            let outcome = catch_unwind(AssertUnwindSafe(job));
            drop(permit);
            let _ = answer.send(outcome);
        });
        self.jobs
            .send(job)
            .map_err(|_| ApiError::Internal("the hashing threads are gone".into()))?;
        match result.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(_panic)) => Err(ApiError::Internal("a hashing job panicked".into())),
            Err(_) => Err(ApiError::Internal("a hashing job was dropped".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_line_is_refused_with_503_and_frees_up_again() {
        let queue = HashQueue::new(1, 1);
        let (release, wait) = mpsc::channel::<()>();
        let wait = Arc::new(Mutex::new(wait));
        let blocker = {
            let (q, w) = (queue.clone(), wait.clone());
            tokio::spawn(async move { q.run(move || w.lock().unwrap().recv().ok()).await })
        };
        let waiter = {
            let (q, w) = (queue.clone(), wait.clone());
            tokio::spawn(async move { q.run(move || w.lock().unwrap().recv().ok()).await })
        };
        // Let both take their places in the queue.
        while queue.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let refused = queue.run(|| ()).await.unwrap_err();
        assert!(matches!(refused, ApiError::Busy(BUSY_RETRY_SECS)));
        release.send(()).unwrap();
        release.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        waiter.await.unwrap().unwrap();
        queue.run(|| ()).await.unwrap();
    }

    #[tokio::test]
    async fn a_panicking_job_fails_alone_and_the_thread_lives_on() {
        let queue = HashQueue::new(1, 0);
        let failed = queue.run(|| panic!("bad hash")).await;
        assert!(matches!(failed, Err(ApiError::Internal(_))));
        assert_eq!(queue.run(|| 42).await.unwrap(), 42);
    }
}
