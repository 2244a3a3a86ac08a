//! SQL for the `role` table (permission profiles), with live user counts.

use bintu_wire::Role;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT r.name, r.display_name, r.description, r.audiences, r.permissions,
        r.is_default, (SELECT COUNT(*) FROM user u WHERE u.role = r.name)
     FROM role r";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Role> {
    Ok(Role {
        name: r.get(0)?,
        display_name: r.get(1)?,
        description: r.get(2)?,
        audiences: json_list(r, 3)?,
        permissions: json_list(r, 4)?,
        is_default: r.get(5)?,
        user_count: r.get::<_, i64>(6)? as u64,
    })
}

/// A JSON list column (audiences, permissions).
fn json_list<T: serde::de::DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<Vec<T>> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// All roles: the defaults first (in their fixed order), then custom ones by position.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Role>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} ORDER BY r.is_default DESC, r.position, r.name"
    ))?;
    let roles = stmt.query_map([], from_row)?.collect();
    roles
}

/// One role by internal name.
pub fn get(conn: &Connection, name: &str) -> rusqlite::Result<Option<Role>> {
    conn.query_row(&format!("{SELECT} WHERE r.name = ?1"), [name], from_row)
        .optional()
}

/// Inserts a role.
pub fn insert(conn: &Connection, role: &Role, position: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO role (name, display_name, description, audiences, permissions, is_default, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            role.name,
            role.display_name,
            role.description,
            serde_json::to_string(&role.audiences).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&role.permissions).unwrap_or_else(|_| "[]".into()),
            role.is_default,
            position
        ],
    )?;
    Ok(())
}
