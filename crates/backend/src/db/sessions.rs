//! SQL for the `session` table: session tokens stored as SHA-256 digests.

use rusqlite::{params, Connection, OptionalExtension};

use super::users::UserRow;

/// Records a new session.
pub fn insert(
    conn: &Connection,
    token_hash: &str,
    user_id: i64,
    token_key: &str,
    expires_at: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO session (token_hash, user_id, token_key, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, token_key, expires_at],
    )?;
    Ok(())
}

/// The user of a valid session and the session's expiry. Valid means: the row exists
/// (not logged out), `now` is before its expiry, and the token key it was issued
/// under is still the user's current one.
pub fn find_valid(
    conn: &Connection,
    token_hash: &str,
    now: i64,
) -> rusqlite::Result<Option<(UserRow, i64)>> {
    conn.query_row(
        "SELECT u.id, u.email, u.password_hash, u.role, u.token_key, u.created_at, s.expires_at
         FROM session s JOIN user u ON u.id = s.user_id
         WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND s.token_key = u.token_key",
        params![token_hash, now],
        |r| {
            Ok((
                UserRow {
                    id: r.get(0)?,
                    email: r.get(1)?,
                    password_hash: r.get(2)?,
                    role: r.get(3)?,
                    token_key: r.get(4)?,
                    created_at: r.get(5)?,
                },
                r.get(6)?,
            ))
        },
    )
    .optional()
}

/// Ends a session (logout).
pub fn delete(conn: &Connection, token_hash: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM session WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Drops sessions that can never be valid again, so the table does not grow forever.
pub fn purge_dead(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM session WHERE expires_at <= ?1
            OR token_key <> (SELECT token_key FROM user WHERE user.id = session.user_id)",
        [now],
    )
}
