//! SQL for the `user` table.

use bintu_wire::{SortOrder, User, UserSort};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::filters::Filters;
use crate::clock::rfc3339;

/// A user row, password hash included (never sent to clients).
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub token_key: String,
    pub created_at: i64,
}

impl UserRow {
    /// The public shape of the user.
    pub fn to_wire(&self) -> User {
        User {
            id: self.id,
            email: self.email.clone(),
            role: self.role.clone(),
            token_key: self.token_key.clone(),
            created_at: rfc3339(self.created_at),
        }
    }
}

const COLUMNS: &str = "id, email, password_hash, role, token_key, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        email: r.get(1)?,
        password_hash: r.get(2)?,
        role: r.get(3)?,
        token_key: r.get(4)?,
        created_at: r.get(5)?,
    })
}

/// One user by id.
pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<UserRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM user WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// One user by email (case-insensitive).
pub fn by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<UserRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM user WHERE email = ?1 COLLATE NOCASE"),
        [email],
        from_row,
    )
    .optional()
}

/// A new user row; returns its id.
pub fn insert(
    conn: &Connection,
    email: &str,
    password_hash: Option<&str>,
    role: &str,
    token_key: &str,
    created_at: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO user (email, password_hash, role, token_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![email, password_hash, role, token_key, created_at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Changes a user's role.
pub fn set_role(conn: &Connection, id: i64, role: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE user SET role = ?1 WHERE id = ?2", params![role, id])?;
    Ok(())
}

/// Replaces a user's token key (which invalidates their sessions).
pub fn set_token_key(conn: &Connection, id: i64, token_key: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE user SET token_key = ?1 WHERE id = ?2",
        params![token_key, id],
    )?;
    Ok(())
}

/// Deletes a user (their sessions go with them by foreign key).
pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    Ok(conn.execute("DELETE FROM user WHERE id = ?1", [id])? > 0)
}

/// How many users hold `role`.
pub fn count_with_role(conn: &Connection, role: &str) -> rusqlite::Result<u64> {
    conn.query_row("SELECT COUNT(*) FROM user WHERE role = ?1", [role], |r| {
        r.get::<_, i64>(0).map(|n| n as u64)
    })
}

/// Filter, sort and window of a user listing.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub role: Option<String>,
    pub q: Option<String>,
    pub sort: UserSort,
    pub order: SortOrder,
    pub offset: u64,
    pub limit: u32,
}

/// Escapes `%`, `_` and `\` so user input is a literal inside `LIKE ... ESCAPE '\'`.
pub fn like_pattern(needle: &str) -> String {
    let mut out = String::with_capacity(needle.len() + 2);
    out.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The matching users' total and the requested window of them. Ties are broken by
/// id so paging is stable.
pub fn list(conn: &Connection, query: &ListQuery) -> rusqlite::Result<(u64, Vec<UserRow>)> {
    let mut filters = Filters::default();
    if let Some(role) = &query.role {
        filters.add(role.clone(), |n| format!("role = ?{n}"));
    }
    if let Some(q) = query.q.as_deref().filter(|q| !q.is_empty()) {
        // LIKE is case-insensitive for ASCII in SQLite.
        filters.add(like_pattern(q), |n| format!("email LIKE ?{n} ESCAPE '\\'"));
    }
    let total = filters.count(conn, "user")?;
    // Column and direction come from enums, never from raw input.
    let column = match query.sort {
        UserSort::Email => "email COLLATE NOCASE",
        UserSort::Role => "role",
        UserSort::CreatedAt => "created_at",
    };
    let dir = match query.order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM user {} ORDER BY {column} {dir}, id {dir} LIMIT {} OFFSET {}",
        filters.where_clause(),
        query.limit,
        query.offset
    );
    Ok((total, filters.rows(conn, &sql, from_row)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern("a%b_c\\"), "%a\\%b\\_c\\\\%");
        assert_eq!(like_pattern("demo"), "%demo%");
    }
}
