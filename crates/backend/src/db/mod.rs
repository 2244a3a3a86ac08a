//! SQLite access: one connection behind a mutex, migrations, and one module of SQL
//! per table.
//!
//! One connection is plenty for an admin console (requests are short) and it makes
//! `:memory:` databases work without a shared cache.

pub mod activity;
mod filters;
pub mod invites;
pub mod migrations;
pub mod organisation;
pub mod roles;
pub mod sessions;
pub mod tags;
pub mod users;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::Connection;

use crate::error::{ApiError, ApiResult};

/// Shared handle to the database.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens `path` (or an in-memory database for `:memory:`) and applies the
    /// migrations.
    pub fn open(path: &str) -> Result<Self, rusqlite::Error> {
        let mut conn = if path == ":memory:" {
            Connection::open_in_memory()?
        } else {
            create_private(path).map_err(|e| {
                rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                    Some(format!("cannot create {path}: {e}")),
                )
            })?;
            Connection::open(path)?
        };
        // Foreign keys make deleting a user delete their sessions; WAL keeps readers
        // from blocking on the writer when the file is shared with an inspector.
        conn.pragma_update(None, "foreign_keys", true)?;
        if path != ":memory:" {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        migrations::apply(&mut conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on the blocking thread pool, so SQLite work never
    /// stalls the async workers.
    pub async fn run<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = lock(&conn);
            // A panic is caught while the guard is still held, so the mutex is not
            // poisoned and an open transaction rolls back as it unwinds: one failed
            // request, not a server that fails every request until restarted.
            catch_unwind(AssertUnwindSafe(|| f(&mut guard))).unwrap_or_else(|panic| {
                Err(ApiError::Internal(format!(
                    "database call panicked: {}",
                    panic_message(&*panic)
                )))
            })
        })
        .await
        .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Runs `f` on the calling thread (start-up only: migrations, seeding).
    pub fn run_sync<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        f(&mut lock(&self.conn))
    }
}

/// The connection, also after a panic elsewhere poisoned the mutex (SQLite keeps
/// the connection consistent; a transaction left open rolls back when dropped).
fn lock(conn: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    conn.lock().unwrap_or_else(PoisonError::into_inner)
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Creates the database file readable by its owner only, if it does not exist yet.
/// SQLite gives its -wal and -shm files the same mode.
fn create_private(path: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_new_database_and_its_wal_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        let db = Db::open(path.to_str().unwrap()).unwrap();
        db.run_sync(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
            .unwrap();
        for file in ["new.sqlite", "new.sqlite-wal"] {
            let mode = std::fs::metadata(dir.path().join(file))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{file}: {mode:o}");
        }
    }

    #[tokio::test]
    async fn a_panic_in_one_call_fails_that_call_only() {
        let db = Db::open(":memory:").unwrap();
        let failed = db
            .run(|conn| -> ApiResult<()> {
                let tx = conn.transaction()?;
                tx.execute("DELETE FROM tag", [])?;
                panic!("boom in the middle of a transaction");
            })
            .await
            .unwrap_err();
        assert!(failed.to_string().contains("boom"), "{failed}");
        // The next call works, and the half-done transaction was rolled back.
        let autocommit = db.run(|conn| Ok(conn.is_autocommit())).await.unwrap();
        assert!(autocommit);
    }
}
