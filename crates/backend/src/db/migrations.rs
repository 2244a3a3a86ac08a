//! Ordered schema migrations, recorded in `schema_version`.
//!
//! Append new migrations to [`MIGRATIONS`]; never edit one that has shipped, because
//! existing databases have already applied it.

use rusqlite::{params, Connection};

/// `(version, SQL)` in the order they apply.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, V1_INITIAL),
    (2, V2_INVITE_CREATOR),
    (3, V3_ACTIVITY),
    (4, V4_PERMISSION_GET),
];

const V1_INITIAL: &str = r#"
CREATE TABLE organisation (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    support_level   TEXT NOT NULL,
    analytics_level TEXT NOT NULL,
    webhook         TEXT NOT NULL DEFAULT '',
    vod_public      INTEGER NOT NULL DEFAULT 0,
    api_key         TEXT NOT NULL,
    player_key      TEXT NOT NULL
);

-- Packages and their sub-features (parent_id set), in display order.
CREATE TABLE package (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES package(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    enabled   INTEGER NOT NULL
);

-- Roles (permission profiles). Audiences and permissions are JSON arrays: they are
-- always read and written whole.
CREATE TABLE role (
    name         TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    description  TEXT NOT NULL,
    audiences    TEXT NOT NULL,
    permissions  TEXT NOT NULL,
    is_default   INTEGER NOT NULL,
    position     INTEGER NOT NULL
);

-- password_hash is NULL for accounts that cannot log in (synthetic users).
CREATE TABLE user (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT,
    role          TEXT NOT NULL REFERENCES role(name),
    token_key     TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX user_role ON user(role);
CREATE INDEX user_created_at ON user(created_at);

-- Session tokens, stored as SHA-256 digests. A session is valid while it exists,
-- has not expired, and its token_key equals the user's current one.
CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    token_key  TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX session_user ON session(user_id);

CREATE TABLE invite (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL REFERENCES role(name),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    revoked_at INTEGER
);

CREATE TABLE tag (
    name         TEXT PRIMARY KEY COLLATE NOCASE,
    stream_count INTEGER NOT NULL DEFAULT 0
);
"#;

/// Invites remember their creator by id (NULL for the organisation API key), so an
/// invite dies with its creator's right to issue it, and count sign-up attempts
/// that met an existing email, so an invite cannot probe many addresses.
const V2_INVITE_CREATOR: &str = r#"
ALTER TABLE invite ADD COLUMN created_by_id INTEGER;
ALTER TABLE invite ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;
UPDATE invite SET created_by_id = (SELECT u.id FROM user u WHERE u.email = invite.created_by);
-- Open invites of users deleted before this migration: their creator is gone.
UPDATE invite SET revoked_at = CAST(strftime('%s','now') AS INTEGER)
 WHERE created_by_id IS NULL AND created_by <> 'organisation API key'
   AND used_at IS NULL AND revoked_at IS NULL;
"#;

/// The activity log. No foreign keys: an entry outlives the user it names, and
/// names them by the email they had (`actor`, `target`) besides their id. The admin
/// role of an existing database gains `Activity:List`, which new databases seed.
const V3_ACTIVITY: &str = r#"
CREATE TABLE activity (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    actor          TEXT NOT NULL,
    actor_id       INTEGER,
    target         TEXT NOT NULL,
    target_user_id INTEGER,
    from_value     TEXT,
    to_value       TEXT
);
CREATE INDEX activity_kind ON activity(kind, id);
CREATE INDEX activity_actor ON activity(actor_id, id);
CREATE INDEX activity_target ON activity(target_user_id, id);
UPDATE role SET permissions = json_insert(permissions, '$[#]', 'Activity:List')
 WHERE name = 'nanoAdmin'
   AND NOT EXISTS (SELECT 1 FROM json_each(role.permissions) WHERE value = 'Activity:List');
"#;

/// `GET /permission` (one role by name) became nanoAdmin's alone, as in bintu.
const V4_PERMISSION_GET: &str = r#"
UPDATE role SET permissions = json_insert(permissions, '$[#]', 'Permission:Get')
 WHERE name = 'nanoAdmin'
   AND NOT EXISTS (SELECT 1 FROM json_each(role.permissions) WHERE value = 'Permission:Get');
"#;

/// Applies every migration newer than the database's version, each in its own
/// transaction together with its version row.
pub fn apply(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
         )",
    )?;
    let current: i64 = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            params![version],
        )?;
        tx.commit()?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_strictly_increasing() {
        assert!(MIGRATIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn an_existing_admin_role_gains_activity_list_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '');",
        )
        .unwrap();
        for (version, sql) in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
            conn.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [version],
            )
            .unwrap();
        }
        conn.execute_batch(
            r#"INSERT INTO role VALUES ('nanoAdmin', 'Admin', '', '[]', '["User:List"]', 1, 0);
               INSERT INTO role VALUES ('nanoUser', 'User', '', '[]', '["User:List"]', 1, 1);"#,
        )
        .unwrap();
        apply(&mut conn).unwrap();
        apply(&mut conn).unwrap();
        let perms = |name: &str| -> String {
            conn.query_row(
                "SELECT permissions FROM role WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(
            perms("nanoAdmin"),
            r#"["User:List","Activity:List","Permission:Get"]"#
        );
        assert_eq!(perms("nanoUser"), r#"["User:List"]"#);
    }

    #[test]
    fn applying_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn).unwrap();
        apply(&mut conn).unwrap();
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, MIGRATIONS.len() as i64);
    }
}
