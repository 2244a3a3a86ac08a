//! SQL for the `organisation` and `package` tables.
//!
//! The reference backend holds one organisation (the first row).

use bintu_wire::Package;
use rusqlite::{params, Connection, OptionalExtension};

/// The organisation row, secrets included; handlers decide what to reveal.
#[derive(Debug, Clone)]
pub struct OrgRow {
    pub id: i64,
    pub name: String,
    pub support_level: String,
    pub analytics_level: String,
    pub webhook: String,
    pub vod_public: bool,
    pub api_key: String,
    pub player_key: String,
}

/// The organisation, if one has been seeded.
pub fn get(conn: &Connection) -> rusqlite::Result<Option<OrgRow>> {
    conn.query_row(
        "SELECT id, name, support_level, analytics_level, webhook, vod_public, api_key, player_key
         FROM organisation ORDER BY id LIMIT 1",
        [],
        |r| {
            Ok(OrgRow {
                id: r.get(0)?,
                name: r.get(1)?,
                support_level: r.get(2)?,
                analytics_level: r.get(3)?,
                webhook: r.get(4)?,
                vod_public: r.get(5)?,
                api_key: r.get(6)?,
                player_key: r.get(7)?,
            })
        },
    )
    .optional()
}

/// Inserts the organisation and returns its id.
pub fn insert(conn: &Connection, org: &OrgRow) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO organisation (name, support_level, analytics_level, webhook, vod_public, api_key, player_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            org.name,
            org.support_level,
            org.analytics_level,
            org.webhook,
            org.vod_public,
            org.api_key,
            org.player_key
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Sets the webhook URL (already validated).
pub fn set_webhook(conn: &Connection, webhook: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE organisation SET webhook = ?1", params![webhook])?;
    Ok(())
}

/// Sets whether VOD content is public.
pub fn set_vod_public(conn: &Connection, public: bool) -> rusqlite::Result<()> {
    conn.execute("UPDATE organisation SET vod_public = ?1", params![public])?;
    Ok(())
}

/// Inserts a package (or a sub-feature when `parent` is set) and returns its id.
pub fn insert_package(
    conn: &Connection,
    parent: Option<i64>,
    position: i64,
    key: &str,
    name: &str,
    enabled: bool,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO package (parent_id, position, key, name, enabled) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![parent, position, key, name, enabled],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every package in display order, each with its sub-features.
pub fn packages(conn: &Connection) -> rusqlite::Result<Vec<Package>> {
    let mut stmt = conn
        .prepare("SELECT id, parent_id, key, name, enabled FROM package ORDER BY position, id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                Package {
                    key: r.get(2)?,
                    name: r.get(3)?,
                    enabled: r.get(4)?,
                    features: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut top: Vec<(i64, Package)> = rows
        .iter()
        .filter(|(_, parent, _)| parent.is_none())
        .map(|(id, _, p)| (*id, p.clone()))
        .collect();
    for (_, parent, feature) in rows.iter().filter(|(_, parent, _)| parent.is_some()) {
        if let Some((_, pkg)) = top.iter_mut().find(|(id, _)| Some(*id) == *parent) {
            pkg.features.push(feature.clone());
        }
    }
    Ok(top.into_iter().map(|(_, p)| p).collect())
}
