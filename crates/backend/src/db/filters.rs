//! The shared part of a filtered, paged listing: conditions joined with AND, their
//! numbered parameters, the count of what matches and the requested window of rows.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};

/// The conditions of one listing and their parameters.
#[derive(Default)]
pub struct Filters {
    clauses: Vec<String>,
    args: Vec<Value>,
}

impl Filters {
    /// Adds a condition on `value`; `clause` gets the parameter's number (`?n`).
    pub fn add(&mut self, value: impl Into<Value>, clause: impl FnOnce(usize) -> String) {
        self.args.push(value.into());
        self.clauses.push(clause(self.args.len()));
    }

    /// `WHERE a AND b`, or nothing without conditions.
    pub fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// How many rows of `table` match.
    pub fn count(&self, conn: &Connection, table: &str) -> rusqlite::Result<u64> {
        let sql = format!("SELECT COUNT(*) FROM {table} {}", self.where_clause());
        let total: i64 = conn.query_row(&sql, params_from_iter(self.args.iter()), |r| r.get(0))?;
        Ok(total as u64)
    }

    /// The rows `sql` (which contains [`Self::where_clause`]) selects, read by `from_row`.
    pub fn rows<T>(
        &self,
        conn: &Connection,
        sql: &str,
        from_row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(self.args.iter()), from_row)?;
        rows.collect()
    }
}
