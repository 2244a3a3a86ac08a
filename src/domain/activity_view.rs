//! The activity log's view state (kind filter, user filter, page), its URL form, the
//! wire query, and the words an entry is shown with.
//!
//! Like the user list, the state lives in the page URL (`?kind=&user=&page=`), so a
//! reload and the back button keep it; anything unparsable falls back to the default.

use bintu_wire::{ActivityEntry, ActivityKind, ActivityQuery, Role, User};

use super::query::with_query;
use super::roles::display_name;

/// Entries per page of the Activity tab.
pub const ACTIVITY_PAGE_SIZE: u32 = 25;
/// Entries on a user's page.
pub const RECENT_ON_USER_PAGE: u32 = 5;

/// What the Activity tab shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityView {
    /// Only entries of this kind; `None` for all.
    pub kind: Option<ActivityKind>,
    /// Only entries where this user acted or was acted on.
    pub user: Option<i64>,
    /// 1-based.
    pub page: u32,
}

impl Default for ActivityView {
    fn default() -> Self {
        Self {
            kind: None,
            user: None,
            page: 1,
        }
    }
}

impl ActivityView {
    /// The view a URL's query describes; `get` reads one query parameter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let read = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Self {
            kind: read("kind").and_then(|k| ActivityKind::parse(&k)),
            user: read("user")
                .and_then(|u| u.parse::<i64>().ok())
                .filter(|u| *u > 0),
            page: read("page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string for the page URL (`""` for the default view, else `?…`).
    pub fn to_query(&self) -> String {
        let user = self.user.map(|u| u.to_string()).unwrap_or_default();
        let page = if self.page > 1 {
            self.page.to_string()
        } else {
            String::new()
        };
        with_query(
            "",
            &[
                ("kind", self.kind.map(ActivityKind::as_str).unwrap_or("")),
                ("user", &user),
                ("page", &page),
            ],
        )
    }

    /// The wire query of `GET /activity` for this view.
    pub fn api_query(&self) -> ActivityQuery {
        ActivityQuery {
            kind: self.kind,
            user: self.user,
            page: Some(self.page),
            page_size: Some(ACTIVITY_PAGE_SIZE),
        }
    }

    /// Only entries of `kind` (or all), from the first page.
    pub fn with_kind(&self, kind: Option<ActivityKind>) -> Self {
        Self {
            kind,
            page: 1,
            ..self.clone()
        }
    }

    /// Only entries of `user` (or everyone's), from the first page.
    pub fn with_user(&self, user: Option<i64>) -> Self {
        Self {
            user,
            page: 1,
            ..self.clone()
        }
    }

    /// Another page of the same log.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Whether a filter narrows the log.
    pub fn is_filtered(&self) -> bool {
        self.kind.is_some() || self.user.is_some()
    }
}

/// The query of the recent entries on user `id`'s page.
pub fn recent_for_user(id: i64) -> ActivityQuery {
    ActivityQuery {
        kind: None,
        user: Some(id),
        page: Some(1),
        page_size: Some(RECENT_ON_USER_PAGE),
    }
}

/// The filter's name for a kind.
pub fn kind_label(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::InviteCreated => crate::tr!(activity_view.invite_created),
        ActivityKind::InviteRevoked => crate::tr!(activity_view.invite_revoked),
        ActivityKind::InviteAccepted => crate::tr!(activity_view.invite_accepted),
        ActivityKind::RoleChanged => crate::tr!(activity_view.role_changed),
        ActivityKind::TokenKeyReset => crate::tr!(activity_view.token_reset),
        ActivityKind::UserDeleted => crate::tr!(activity_view.user_deleted),
        ActivityKind::WebhookChanged => crate::tr!(activity_view.webhook_changed),
        ActivityKind::VodChanged => crate::tr!(activity_view.vod_access_changed),
    }
}

/// What happened, after the actor's name: "changed the role of x from User to Admin".
/// Role names are shown by their display names where `roles` knows them.
/// The API's own words (an invite as `invite #7`, the VOD flag as `public` or
/// `private`, no webhook as nothing) are shown in the console's language.
pub fn describe(e: &ActivityEntry, roles: &[Role]) -> String {
    let role = |r: &Option<String>| display_name(roles, r.as_deref().unwrap_or(""));
    let url = |u: &Option<String>| match u.as_deref() {
        None | Some("") => crate::tr!(activity_view.no_webhook).to_string(),
        Some(u) => u.to_string(),
    };
    let vod = |v: &Option<String>| match v.as_deref() {
        Some("public") => crate::tr!(activity_view.vod_public).to_string(),
        Some("private") => crate::tr!(activity_view.vod_private).to_string(),
        other => other.unwrap_or_default().to_string(),
    };
    let target = match bintu_wire::invite_number(&e.target) {
        Some(id) => crate::tr!(activity_view.invite_number, id = id),
        None => e.target.clone(),
    };
    let t = &target;
    match e.kind {
        ActivityKind::InviteCreated => {
            crate::tr!(activity_view.created_for_the_role, t = t, to = role(&e.to))
        }
        ActivityKind::InviteRevoked => {
            crate::tr!(activity_view.revoked_role, t = t, from = role(&e.from))
        }
        ActivityKind::InviteAccepted => {
            crate::tr!(activity_view.joined_with_the_role, to = role(&e.to))
        }
        ActivityKind::RoleChanged => crate::tr!(
            activity_view.changed_the_role_of_from,
            t = t,
            from = role(&e.from),
            to = role(&e.to)
        ),
        ActivityKind::TokenKeyReset => crate::tr!(activity_view.reset_the_token_of, t = t),
        ActivityKind::UserDeleted => {
            crate::tr!(activity_view.deleted_role, t = t, from = role(&e.from))
        }
        ActivityKind::WebhookChanged => {
            crate::tr!(
                activity_view.changed_the_webhook_from_to,
                from = url(&e.from),
                to = url(&e.to)
            )
        }
        ActivityKind::VodChanged => crate::tr!(
            activity_view.changed_vod_access_from_to,
            from = vod(&e.from),
            to = vod(&e.to)
        ),
    }
}

/// Who made a change or created an invite, in the console's words: the API names its
/// key [`bintu_wire::API_KEY_ACTOR`], anyone else by their email.
pub fn actor_name(actor: &str) -> String {
    if actor == bintu_wire::API_KEY_ACTOR {
        crate::tr!(activity_view.the_api_key).to_string()
    } else {
        actor.to_string()
    }
}

/// The id of the user whose email is `email` (case and surrounding spaces aside),
/// among the users a search for it found.
pub fn user_with_email(users: &[User], email: &str) -> Option<i64> {
    let wanted = email.trim();
    users
        .iter()
        .find(|u| u.email.eq_ignore_ascii_case(wanted))
        .map(|u| u.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&str, &str)]) -> ActivityView {
        ActivityView::from_params(|k| {
            query
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_default_view_has_no_query() {
        assert_eq!(parse(&[]), ActivityView::default());
        assert_eq!(ActivityView::default().to_query(), "");
    }

    #[test]
    fn filters_and_page_round_trip_through_the_url() {
        let v = ActivityView::default()
            .with_kind(Some(ActivityKind::RoleChanged))
            .with_user(Some(42))
            .with_page(3);
        assert_eq!(v.to_query(), "?kind=role_changed&user=42&page=3");
        assert_eq!(
            parse(&[("kind", "role_changed"), ("user", "42"), ("page", "3")]),
            v
        );
    }

    #[test]
    fn garbage_falls_back_to_the_defaults() {
        let v = parse(&[("kind", "password_read"), ("user", "-3"), ("page", "0")]);
        assert_eq!(v, ActivityView::default());
        assert_eq!(parse(&[("user", "abc")]).user, None);
    }

    #[test]
    fn a_new_filter_goes_back_to_the_first_page() {
        let v = ActivityView::default().with_page(5);
        assert_eq!(v.with_kind(Some(ActivityKind::VodChanged)).page, 1);
        assert_eq!(v.with_user(Some(1)).page, 1);
        assert!(v.with_user(Some(1)).is_filtered());
        assert!(!v.is_filtered());
    }

    #[test]
    fn the_api_query_names_page_and_size() {
        let q = ActivityView::default().with_user(Some(9)).api_query();
        assert_eq!(
            (q.user, q.page, q.page_size),
            (Some(9), Some(1), Some(ACTIVITY_PAGE_SIZE))
        );
        assert_eq!(recent_for_user(9).page_size, Some(RECENT_ON_USER_PAGE));
    }

    fn entry(kind: ActivityKind, from: Option<&str>, to: Option<&str>) -> ActivityEntry {
        ActivityEntry {
            id: 1,
            at: "2025-01-01T00:00:00Z".into(),
            kind,
            actor: "admin@x.test".into(),
            actor_id: Some(1),
            target: "anna@x.test".into(),
            target_user_id: Some(2),
            from: from.map(Into::into),
            to: to.map(Into::into),
        }
    }

    #[test]
    fn entries_read_as_sentences_with_role_display_names() {
        let roles = vec![Role {
            name: "nanoAdmin".into(),
            display_name: "Admin".into(),
            description: String::new(),
            audiences: vec![],
            permissions: vec![],
            is_default: true,
            user_count: 1,
        }];
        assert_eq!(
            describe(
                &entry(
                    ActivityKind::RoleChanged,
                    Some("nanoUser"),
                    Some("nanoAdmin")
                ),
                &roles
            ),
            "changed the role of anna@x.test from nanoUser to Admin"
        );
        assert_eq!(
            describe(
                &entry(
                    ActivityKind::WebhookChanged,
                    Some(""),
                    Some("https://h.example/x")
                ),
                &[]
            ),
            "changed the webhook from none to https://h.example/x"
        );
        assert_eq!(
            describe(
                &entry(ActivityKind::VodChanged, Some("private"), Some("public")),
                &[]
            ),
            "changed VOD access from private to public"
        );
        for k in bintu_wire::ACTIVITY_KINDS {
            assert!(!describe(&entry(*k, Some("a"), Some("b")), &[]).is_empty());
            assert!(!kind_label(*k).is_empty());
        }
    }

    #[test]
    fn an_invite_is_named_in_the_consoles_words() {
        let mut created = entry(ActivityKind::InviteCreated, None, Some("nanoUser"));
        created.target = "invite #7".to_string();
        assert_eq!(
            describe(&created, &[]),
            "created invite #7 for the role nanoUser"
        );
        let mut unknown = created.clone();
        unknown.target = "an invitation".to_string();
        assert_eq!(
            describe(&unknown, &[]),
            "created an invitation for the role nanoUser"
        );
    }

    #[test]
    fn the_api_key_is_named_in_the_consoles_words() {
        assert_eq!(
            actor_name(bintu_wire::API_KEY_ACTOR),
            "Organisation API key"
        );
        assert_eq!(actor_name("anna@example.com"), "anna@example.com");
    }

    #[test]
    fn the_user_filter_takes_the_exact_email_only() {
        let user = |id: i64, email: &str| User {
            id,
            email: email.to_string(),
            role: "nanoUser".to_string(),
            token_key: String::new(),
            created_at: "2026-12-01T00:00:00Z".to_string(),
        };
        let found = [user(3, "anna.b@example.com"), user(4, "Anna@example.com")];
        assert_eq!(user_with_email(&found, " anna@EXAMPLE.com "), Some(4));
        assert_eq!(user_with_email(&found, "anna"), None);
        assert_eq!(user_with_email(&[], "anna@example.com"), None);
    }
}
