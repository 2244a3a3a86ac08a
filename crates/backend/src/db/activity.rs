//! SQL for the `activity` table: the log of changes made through the API.
//!
//! Every handler that changes data calls [`record`] with the transaction of the
//! change, so the entry commits with the change or not at all.

use bintu_wire::{ActivityEntry, ActivityKind};
use rusqlite::{params, Connection, Row};

use super::filters::Filters;
use crate::clock::rfc3339;

/// One change to record.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub at: i64,
    pub kind: ActivityKind,
    /// Who: an email or the API key's label.
    pub actor: &'a str,
    pub actor_id: Option<i64>,
    /// What, for people: an email, `invite #7`, `organisation`.
    pub target: &'a str,
    pub target_user_id: Option<i64>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// Appends an entry (inside the caller's transaction).
pub fn record(conn: &Connection, e: &NewEntry<'_>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO activity (at, kind, actor, actor_id, target, target_user_id, from_value, to_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            e.at,
            e.kind.as_str(),
            e.actor,
            e.actor_id,
            e.target,
            e.target_user_id,
            e.from,
            e.to
        ],
    )?;
    Ok(())
}

/// Filter and window of a listing.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub kind: Option<ActivityKind>,
    /// Entries where this user acted or was acted on.
    pub user: Option<i64>,
    pub offset: u64,
    pub limit: u32,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ActivityEntry> {
    let kind: String = r.get(2)?;
    Ok(ActivityEntry {
        id: r.get(0)?,
        at: rfc3339(r.get(1)?),
        kind: ActivityKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                format!("unknown activity kind {kind}").into(),
            )
        })?,
        actor: r.get(3)?,
        actor_id: r.get(4)?,
        target: r.get(5)?,
        target_user_id: r.get(6)?,
        from: r.get(7)?,
        to: r.get(8)?,
    })
}

/// The matching entries' total and the requested window, newest first (by id, which
/// grows with time and breaks ties of the same second).
pub fn list(conn: &Connection, q: &ListQuery) -> rusqlite::Result<(u64, Vec<ActivityEntry>)> {
    let mut filters = Filters::default();
    if let Some(kind) = q.kind {
        filters.add(kind.as_str().to_owned(), |n| format!("kind = ?{n}"));
    }
    if let Some(user) = q.user {
        filters.add(user, |n| {
            format!("(actor_id = ?{n} OR target_user_id = ?{n})")
        });
    }
    let total = filters.count(conn, "activity")?;
    let sql = format!(
        "SELECT id, at, kind, actor, actor_id, target, target_user_id, from_value, to_value
         FROM activity {} ORDER BY id DESC LIMIT {} OFFSET {}",
        filters.where_clause(),
        q.limit,
        q.offset
    );
    Ok((total, filters.rows(conn, &sql, from_row)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::migrations;

    fn entry(kind: ActivityKind, actor_id: Option<i64>, target: Option<i64>) -> NewEntry<'static> {
        NewEntry {
            at: 1_700_000_000,
            kind,
            actor: "a@x.test",
            actor_id,
            target: "t@x.test",
            target_user_id: target,
            from: Some("nanoUser"),
            to: Some("nanoAdmin"),
        }
    }

    #[test]
    fn lists_newest_first_and_filters_by_kind_and_user() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations::apply(&mut conn).unwrap();
        record(&conn, &entry(ActivityKind::RoleChanged, Some(1), Some(2))).unwrap();
        record(&conn, &entry(ActivityKind::TokenKeyReset, Some(1), Some(3))).unwrap();
        record(&conn, &entry(ActivityKind::RoleChanged, Some(3), Some(4))).unwrap();
        let all = |q: ListQuery| list(&conn, &ListQuery { limit: 50, ..q }).unwrap();
        let (total, rows) = all(ListQuery::default());
        assert_eq!(total, 3);
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [3, 2, 1]);
        assert_eq!(rows[2].at, "2023-11-14T22:13:20Z");
        let (n, _) = all(ListQuery {
            kind: Some(ActivityKind::RoleChanged),
            ..Default::default()
        });
        assert_eq!(n, 2);
        // User 3 as target of one entry and actor of another.
        let (n, rows) = all(ListQuery {
            user: Some(3),
            ..Default::default()
        });
        assert_eq!((n, rows[0].id, rows[1].id), (2, 3, 2));
        let (n, _) = all(ListQuery {
            user: Some(3),
            kind: Some(ActivityKind::TokenKeyReset),
            ..Default::default()
        });
        assert_eq!(n, 1);
    }

    #[test]
    fn an_entry_in_a_rolled_back_transaction_is_gone() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations::apply(&mut conn).unwrap();
        {
            let tx = conn.transaction().unwrap();
            record(&tx, &entry(ActivityKind::UserDeleted, None, Some(9))).unwrap();
            // Dropped without commit: the change failed.
        }
        let (n, _) = list(
            &conn,
            &ListQuery {
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(n, 0);
    }
}
