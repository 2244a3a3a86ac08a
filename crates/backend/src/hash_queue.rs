//! Password hashing behind a bounded queue. Each argon2 run holds about 19 MiB and
//! a core for tens of milliseconds; hundreds at once exhausted memory and starved
//! every other request. At most `workers` hashes run at a time (one per core) and
//! at most `waiting` more wait; beyond that the request is answered 503 with
//! `Retry-After` at once, without hashing.

use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::error::{ApiError, ApiResult};

/// What a client refused by a full queue is told to wait, in seconds.
pub const BUSY_RETRY_SECS: u64 = 1;

/// The queue; cheap to clone.
#[derive(Debug, Clone)]
pub struct HashQueue {
    /// Running plus waiting jobs.
    admitted: Arc<Semaphore>,
    /// Running jobs.
    running: Arc<Semaphore>,
}

impl HashQueue {
    /// A queue running `workers` jobs at once with `waiting` more in line.
    pub fn new(workers: usize, waiting: usize) -> Self {
        let workers = workers.max(1);
        Self {
            admitted: Arc::new(Semaphore::new(workers + waiting)),
            running: Arc::new(Semaphore::new(workers)),
        }
    }

    /// Runs `job` on the blocking pool when a worker is free; 503 if the line is full.
    pub async fn run<T, F>(&self, job: F) -> ApiResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = self
            .admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| ApiError::Busy(BUSY_RETRY_SECS))?;
        let running = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(format!("hash queue closed: {e}")))?;
        // The permits travel with the job: a client that hangs up does not free a
        // worker slot while its hash still runs.
        tokio::task::spawn_blocking(move || {
            let _permits = (admitted, running);
            job()
        })
        .await
        .map_err(|e| ApiError::Internal(format!("hashing task: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[tokio::test]
    async fn a_full_line_is_refused_with_503_and_frees_up_again() {
        let queue = HashQueue::new(1, 1);
        let (release, wait) = mpsc::channel::<()>();
        let wait = Arc::new(std::sync::Mutex::new(wait));
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
}
