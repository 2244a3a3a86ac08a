//! SQLite access: one connection behind a mutex, migrations, and one module of SQL
//! per table.
//!
//! One connection is plenty for an admin console (requests are short) and it makes
//! `:memory:` databases work without a shared cache.

pub mod invites;
pub mod migrations;
pub mod organisation;
pub mod roles;
pub mod sessions;
pub mod tags;
pub mod users;

use std::sync::{Arc, Mutex};

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
            let mut guard = conn
                .lock()
                .map_err(|_| ApiError::Internal("database mutex poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Runs `f` on the calling thread (start-up only: migrations, seeding).
    pub fn run_sync<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}
