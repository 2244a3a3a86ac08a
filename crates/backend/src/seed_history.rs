//! The demo organisation's past: a few invitations, role changes and a token reset
//! over the past weeks, so a newcomer finds the Activity tab telling a story on the
//! first start. Written as the handlers would have written them: real invites (used,
//! revoked or expired, none still open) and one activity entry per change, by Lena
//! Fischer, the demo's other admin.

use bintu_wire::permission::{ROLE_READONLY, ROLE_USER};
use bintu_wire::ActivityKind;
use rusqlite::Connection;

use crate::crypto::{new_token, new_token_key, sha256_hex};
use crate::db::activity::{self, NewEntry};
use crate::db::invites::{self, Creator};
use crate::db::users::{self, UserRow};
use crate::seed::{ROLE_ANALYST, ROLE_STREAM_MANAGER};

const DAY: i64 = 86_400;
/// How long the seeded invites were valid.
const INVITE_HOURS: i64 = 72;
/// Who made the changes.
const ACTOR: &str = "lena.fischer@demo-streaming.de";

fn user(conn: &Connection, email: &str) -> rusqlite::Result<UserRow> {
    users::by_email(conn, email)?.ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// Changes made by one admin, recorded as the handlers record them.
struct Chronicle<'a> {
    conn: &'a Connection,
    admin: UserRow,
}

impl Chronicle<'_> {
    /// One activity entry by the admin (`change`: target, its user, from, to).
    fn entry(
        &self,
        at: i64,
        kind: ActivityKind,
        change: (&str, Option<i64>, Option<&str>, Option<&str>),
    ) -> rusqlite::Result<()> {
        let (target, target_user_id, from, to) = change;
        activity::record(
            self.conn,
            &NewEntry {
                at,
                kind,
                actor: &self.admin.email,
                actor_id: Some(self.admin.id),
                target,
                target_user_id,
                from,
                to,
            },
        )
    }

    /// An invite for `role` created at `at`, its id and label.
    fn invite(&self, role: &str, at: i64) -> rusqlite::Result<(i64, String)> {
        let creator = Creator {
            label: self.admin.email.clone(),
            id: Some(self.admin.id),
        };
        let expires = at + INVITE_HOURS * 3600;
        let invite = invites::insert(
            self.conn,
            &sha256_hex(&new_token()),
            role,
            &creator,
            at,
            expires,
        )?;
        let label = bintu_wire::invite_label(invite.id);
        self.entry(
            at,
            ActivityKind::InviteCreated,
            (&label, None, None, Some(role)),
        )?;
        Ok((invite.id, label))
    }

    /// A role change of `email` from `from` to `to`.
    fn role_change(&self, at: i64, email: &str, from: &str, to: &str) -> rusqlite::Result<()> {
        let u = user(self.conn, email)?;
        self.entry(
            at,
            ActivityKind::RoleChanged,
            (&u.email, Some(u.id), Some(from), Some(to)),
        )
    }
}

/// Writes the history into `conn` (the seed's transaction); `now` is Unix seconds.
pub fn seed_history(conn: &Connection, now: i64) -> rusqlite::Result<()> {
    let lena = Chronicle {
        conn,
        admin: user(conn, ACTOR)?,
    };

    // An analyst joined through an invitation.
    let (id, label) = lena.invite(ROLE_ANALYST, now - 41 * DAY)?;
    let joined_at = now - 40 * DAY;
    invites::mark_used(conn, id, joined_at)?;
    let sarah = user(conn, "sarah.okafor@insights.example")?;
    activity::record(
        conn,
        &NewEntry {
            at: joined_at,
            kind: ActivityKind::InviteAccepted,
            actor: &sarah.email,
            actor_id: Some(sarah.id),
            target: &sarah.email,
            target_user_id: Some(sarah.id),
            from: Some(&label),
            to: Some(ROLE_ANALYST),
        },
    )?;

    // An invitation sent to the wrong address, revoked.
    let (id, label) = lena.invite(ROLE_READONLY, now - 33 * DAY)?;
    invites::revoke(conn, id, now - 32 * DAY)?;
    lena.entry(
        now - 32 * DAY,
        ActivityKind::InviteRevoked,
        (&label, None, Some(ROLE_READONLY), None),
    )?;

    // Two role changes and a token reset.
    lena.role_change(
        now - 26 * DAY,
        "tom.zimmermann@demo-streaming.de",
        ROLE_USER,
        ROLE_STREAM_MANAGER,
    )?;
    lena.role_change(
        now - 19 * DAY,
        "lea.schwarz@partner-agency.com",
        ROLE_USER,
        ROLE_READONLY,
    )?;
    let clara = user(conn, "clara.braun@demo-streaming.de")?;
    users::set_token_key(conn, clara.id, &new_token_key())?;
    lena.entry(
        now - 12 * DAY,
        ActivityKind::TokenKeyReset,
        (&clara.email, Some(clara.id), None, None),
    )?;

    // An invitation nobody used; it expired.
    lena.invite(ROLE_USER, now - 5 * DAY)?;
    Ok(())
}
