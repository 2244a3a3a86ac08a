//! SQL for the `tag` table.

use bintu_wire::Tag;
use rusqlite::{params, Connection};

use super::users::like_pattern;

/// Inserts a tag.
pub fn insert(conn: &Connection, name: &str, stream_count: u64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO tag (name, stream_count) VALUES (?1, ?2)",
        params![name, stream_count as i64],
    )?;
    Ok(())
}

/// Tags whose name contains `q` (case-insensitive), sorted by name: the total and
/// one window.
pub fn list(
    conn: &Connection,
    q: Option<&str>,
    offset: u64,
    limit: u32,
) -> rusqlite::Result<(u64, Vec<Tag>)> {
    let pattern = like_pattern(q.unwrap_or(""));
    let total: i64 = conn.query_row(
        "SELECT COUNT(*) FROM tag WHERE name LIKE ?1 ESCAPE '\\'",
        [&pattern],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT name, stream_count FROM tag WHERE name LIKE ?1 ESCAPE '\\'
         ORDER BY name COLLATE NOCASE, name LIMIT ?2 OFFSET ?3",
    )?;
    let tags = stmt
        .query_map(params![pattern, limit, offset as i64], |r| {
            Ok(Tag {
                name: r.get(0)?,
                stream_count: r.get::<_, i64>(1)? as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total as u64, tags))
}
