//! SQL for the `invite` table: invite tokens stored as SHA-256 digests.

use bintu_wire::Invite;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::clock::rfc3339;

/// An invite row (without the digest).
#[derive(Debug, Clone)]
pub struct InviteRow {
    pub id: i64,
    pub role: String,
    pub created_by: String,
    /// The creating user, None for the organisation API key.
    pub created_by_id: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl InviteRow {
    /// The public shape of the invite.
    pub fn to_wire(&self) -> Invite {
        Invite {
            id: self.id,
            role: self.role.clone(),
            created_by: self.created_by.clone(),
            created_at: rfc3339(self.created_at),
            expires_at: rfc3339(self.expires_at),
        }
    }
}

const COLUMNS: &str =
    "id, role, created_by, created_by_id, created_at, expires_at, used_at, revoked_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<InviteRow> {
    Ok(InviteRow {
        id: r.get(0)?,
        role: r.get(1)?,
        created_by: r.get(2)?,
        created_by_id: r.get(3)?,
        created_at: r.get(4)?,
        expires_at: r.get(5)?,
        used_at: r.get(6)?,
        revoked_at: r.get(7)?,
    })
}

/// Who creates an invite: a label to show and the user id (None for the API key).
#[derive(Debug, Clone)]
pub struct Creator {
    pub label: String,
    pub id: Option<i64>,
}

/// Stores a new invite and returns it.
pub fn insert(
    conn: &Connection,
    token_hash: &str,
    role: &str,
    created_by: &Creator,
    created_at: i64,
    expires_at: i64,
) -> rusqlite::Result<InviteRow> {
    conn.execute(
        "INSERT INTO invite (token_hash, role, created_by, created_by_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![token_hash, role, created_by.label, created_by.id, created_at, expires_at],
    )?;
    Ok(InviteRow {
        id: conn.last_insert_rowid(),
        role: role.into(),
        created_by: created_by.label.clone(),
        created_by_id: created_by.id,
        created_at,
        expires_at,
        used_at: None,
        revoked_at: None,
    })
}

/// One invite by id.
pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<InviteRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM invite WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// The invite whose token hashes to `token_hash`.
pub fn by_token_hash(conn: &Connection, token_hash: &str) -> rusqlite::Result<Option<InviteRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM invite WHERE token_hash = ?1"),
        [token_hash],
        from_row,
    )
    .optional()
}

/// Invites not used, not revoked and not expired, newest first.
pub fn pending(conn: &Connection, now: i64) -> rusqlite::Result<Vec<InviteRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM invite
         WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > ?1
         ORDER BY created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([now], from_row)?.collect();
    rows
}

/// Revokes an unused, unrevoked invite; false if there is none with that id.
pub fn revoke(conn: &Connection, id: i64, now: i64) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "UPDATE invite SET revoked_at = ?2 WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
        params![id, now],
    )? > 0)
}

/// Open (unused, unrevoked) invites created by user `user_id`.
pub fn open_by_creator(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<InviteRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM invite
         WHERE created_by_id = ?1 AND used_at IS NULL AND revoked_at IS NULL"
    ))?;
    let rows = stmt.query_map([user_id], from_row)?.collect();
    rows
}

/// Counts a sign-up attempt that met an existing email; at `limit` such attempts
/// the invite is revoked. True if it was revoked now.
pub fn note_conflict(conn: &Connection, id: i64, now: i64, limit: u32) -> rusqlite::Result<bool> {
    conn.execute(
        "UPDATE invite SET conflicts = conflicts + 1 WHERE id = ?1",
        [id],
    )?;
    Ok(conn.execute(
        "UPDATE invite SET revoked_at = ?2
         WHERE id = ?1 AND conflicts >= ?3 AND used_at IS NULL AND revoked_at IS NULL",
        params![id, now, limit],
    )? > 0)
}

/// Marks an invite used; false if someone used or revoked it in the meantime.
pub fn mark_used(conn: &Connection, id: i64, now: i64) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "UPDATE invite SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
        params![id, now],
    )? > 0)
}
