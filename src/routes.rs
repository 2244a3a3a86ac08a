//! Every address of the console, typed.
//!
//! [`Route`] is the one place that knows the console's paths: it renders each `href`
//! (with the router base, see [`RouteBase`]), each path for `navigate` (without it:
//! the router adds the base itself), and parses a path back; [`Page`] is which page a
//! path shows. No other file spells a route.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::activity_view::ActivityView;
use crate::domain::users_view::UsersView;

/// The path segments of the console's addresses.
pub mod segment {
    /// `/login`.
    pub const LOGIN: &str = "login";
    /// `/invite/:token`.
    pub const INVITE: &str = "invite";
    /// The logged-in frame, `/organisation/...`.
    pub const ORGANISATION: &str = "organisation";
    /// `/organisation/overview`.
    pub const OVERVIEW: &str = "overview";
    /// `/organisation/users` and `/organisation/users/:id`.
    pub const USERS: &str = "users";
    /// `/organisation/activity`.
    pub const ACTIVITY: &str = "activity";
}

/// Query flag of the users list that opens "Invite New User".
const INVITE_FLAG: &str = "invite";
/// Query of the login page after an expired session.
const EXPIRED_QUERY: &str = "reason=expired";

/// A page of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/organisation/overview` (also where `/` and `/organisation` lead).
    Overview,
    /// `/organisation/users?role=&q=&sort=&order=&page=[&invite=1]`.
    Users {
        /// Filter, search, sort and page of the list.
        view: UsersView,
        /// Open "Invite New User" on arrival.
        invite: bool,
    },
    /// `/organisation/users/:id`.
    User(i64),
    /// `/organisation/activity?kind=&user=&page=`: the activity log, its filters and
    /// page.
    Activity(ActivityView),
    /// `/invite/:token`, the invitation link.
    Invitation(String),
    /// `/login`, or `/login?reason=expired` after the server refused the token.
    /// Where to go afterwards travels in `sessionStorage`, not in the URL (see
    /// `session::storage`), as a path [`Route::parse`] accepts again.
    Login {
        /// The session expired (the page says so).
        expired: bool,
    },
    /// Any path the router does not know.
    NotFound,
}

impl Route {
    /// The users list with `view`.
    pub fn users(view: UsersView) -> Self {
        Self::Users {
            view,
            invite: false,
        }
    }

    /// The users list as its query parameters describe it (`get` reads one).
    fn users_from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        Self::Users {
            invite: get(INVITE_FLAG).is_some(),
            view: UsersView::from_params(get),
        }
    }

    /// The activity log as its query parameters describe it (`get` reads one).
    fn activity_from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        Self::Activity(ActivityView::from_params(get))
    }

    /// A short title of the page, e.g. for a host page's breadcrumbs.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Overview => crate::tr!(routes.overview),
            Self::Users { .. } => crate::tr!(routes.user_management),
            Self::User(_) => crate::tr!(routes.user),
            Self::Activity(_) => crate::tr!(routes.activity),
            Self::Invitation(_) => crate::tr!(routes.invitation),
            Self::Login { .. } => crate::tr!(routes.log_in),
            Self::NotFound => crate::tr!(routes.page_not_found),
        }
    }

    /// The in-app path with its query, without the router base (for `navigate`).
    pub fn path(&self) -> String {
        use segment::*;
        match self {
            Self::Overview => format!("/{ORGANISATION}/{OVERVIEW}"),
            Self::Users { view, invite } => {
                let query = view.to_query();
                let flag = match (invite, query.is_empty()) {
                    (false, _) => String::new(),
                    (true, true) => format!("?{INVITE_FLAG}=1"),
                    (true, false) => format!("&{INVITE_FLAG}=1"),
                };
                format!("/{ORGANISATION}/{USERS}{query}{flag}")
            }
            Self::User(id) => format!("/{ORGANISATION}/{USERS}/{id}"),
            Self::Activity(view) => format!("/{ORGANISATION}/{ACTIVITY}{}", view.to_query()),
            Self::Invitation(token) => format!("/{INVITE}/{token}"),
            Self::Login { expired: false } => format!("/{LOGIN}"),
            Self::Login { expired: true } => format!("/{LOGIN}?{EXPIRED_QUERY}"),
            Self::NotFound => "/404".to_string(),
        }
    }

    /// The `href` for `<a>` and `<A>` under the app's router base.
    pub fn href(&self) -> String {
        use_base().href(self)
    }

    /// The route of an in-app path (without the router base), query included.
    pub fn parse(path: &str) -> Self {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match Page::of(path) {
            Page::Home | Page::Overview => Self::Overview,
            Page::Users => Self::users_from_params(get),
            Page::User(Some(id)) => Self::User(id),
            Page::User(None) | Page::NotFound => Self::NotFound,
            Page::Activity => Self::activity_from_params(get),
            Page::Invitation(token) => Self::Invitation(token),
            Page::Login => Self::Login {
                expired: get("reason").as_deref() == Some("expired"),
            },
        }
    }
}

/// Which page an in-app path shows. Its query (a filter, a page number) changes what
/// the page shows, not which page it is; a user's id does make another page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `/` and `/organisation`, which lead to the Overview.
    Home,
    /// `/organisation/overview`.
    Overview,
    /// `/organisation/users`.
    Users,
    /// `/organisation/users/:id`; `None` when the id is not a user's (`/users/abc`).
    User(Option<i64>),
    /// `/organisation/activity`.
    Activity,
    /// `/invite/:token`.
    Invitation(String),
    /// `/login`.
    Login,
    /// Any other path.
    NotFound,
}

impl Page {
    /// The page of an in-app path (without the router base and the query).
    pub fn of(path: &str) -> Self {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        use segment::*;
        match parts.as_slice() {
            [""] | [ORGANISATION] => Self::Home,
            [ORGANISATION, OVERVIEW] => Self::Overview,
            [ORGANISATION, USERS] => Self::Users,
            [ORGANISATION, USERS, id] => Self::User(id.parse().ok().filter(|id| *id > 0)),
            [ORGANISATION, ACTIVITY] => Self::Activity,
            [INVITE, token] if !token.is_empty() => Self::Invitation((*token).to_string()),
            [LOGIN] => Self::Login,
            _ => Self::NotFound,
        }
    }

    /// Whether the page stands in the organisation's frame (`/organisation/...`).
    pub fn is_framed(&self) -> bool {
        matches!(
            self,
            Self::Overview | Self::Users | Self::User(_) | Self::Activity
        )
    }
}

/// The router base the app runs under (`""` standalone, e.g. `/embed` embedded),
/// provided once by the app.
#[derive(Debug, Clone, Default)]
pub struct RouteBase(Arc<str>);

impl RouteBase {
    /// A base such as `/embed` (a trailing `/` is dropped).
    pub fn new(base: &str) -> Self {
        Self(Arc::from(base.trim_end_matches('/')))
    }

    /// The base as the router takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `route` as an `href`, under the base.
    pub fn href(&self, route: &Route) -> String {
        self.address_of(&route.path())
    }

    /// The browser's path of an in-app `path` (`/organisation` under `/embed` is
    /// `/embed/organisation`).
    pub fn address_of(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The absolute URL of `route` on this page's origin (e.g. an invitation link).
    pub fn absolute_url(&self, route: &Route) -> String {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!("{origin}{}", self.href(route))
    }

    /// Whether `path` (the browser's pathname) is the console's: under the base.
    pub fn contains(&self, path: &str) -> bool {
        let base = &*self.0;
        base.is_empty()
            || path
                .strip_prefix(base)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    /// The in-app part of a browser path: `/embed/organisation` with base `/embed` is
    /// `/organisation`. A path outside the base is returned unchanged.
    pub fn strip<'a>(&self, path: &'a str) -> &'a str {
        strip_base(path, &self.0)
    }
}

/// The app's [`RouteBase`] (empty outside the app, e.g. in a test).
pub fn use_base() -> RouteBase {
    use_context::<RouteBase>().unwrap_or_default()
}

/// `path` if it is safe to return to after a login: an in-app absolute path (not
/// `//host`, not a URL, not the login page itself). Anything else gives `None`, so a
/// crafted link cannot send the user to another site.
pub fn sanitize(path: &str) -> Option<String> {
    let path = path.trim();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control() || c == '\\')
        && !is_login(path);
    ok.then(|| path.to_string())
}

fn is_login(path: &str) -> bool {
    let p = path.split(['?', '#']).next().unwrap_or("");
    matches!(Route::parse(p), Route::Login { .. })
}

/// Removes the router base from a browser path: `/embed/organisation` with base
/// `/embed` is `/organisation`. A path outside the base is returned unchanged.
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return path;
    }
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') || rest.starts_with('?') => rest,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::{SortOrder, UserSort};

    #[test]
    fn every_route_parses_back_from_its_path() {
        let users = UsersView::default()
            .with_role(Some("streamManager".into()))
            .with_search("anna b")
            .with_sort(UserSort::CreatedAt, SortOrder::Asc)
            .with_page(3);
        for r in [
            Route::Overview,
            Route::users(UsersView::default()),
            Route::users(users.clone()),
            Route::Users {
                view: UsersView::default(),
                invite: true,
            },
            Route::Users {
                view: users,
                invite: true,
            },
            Route::User(42),
            Route::Activity(ActivityView::default()),
            Route::Activity(
                ActivityView::default()
                    .with_kind(Some(bintu_wire::ActivityKind::RoleChanged))
                    .with_user(Some(7))
                    .with_page(2),
            ),
            Route::Invitation("abc-DEF_1".into()),
            Route::Login { expired: false },
            Route::Login { expired: true },
        ] {
            assert_eq!(Route::parse(&r.path()), r, "{}", r.path());
        }
    }

    #[test]
    fn paths_are_the_ones_the_browser_shows() {
        assert_eq!(Route::Overview.path(), "/organisation/overview");
        assert_eq!(
            Route::Users {
                view: UsersView::default(),
                invite: true
            }
            .path(),
            "/organisation/users?invite=1"
        );
        assert_eq!(Route::User(7).path(), "/organisation/users/7");
        assert_eq!(
            Route::Activity(ActivityView::default().with_user(Some(7))).path(),
            "/organisation/activity?user=7"
        );
        assert_eq!(
            Route::Login { expired: true }.path(),
            "/login?reason=expired"
        );
        assert_eq!(
            RouteBase::new("/embed/").href(&Route::Overview),
            "/embed/organisation/overview"
        );
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for p in [
            "/organisation/users/x",
            "/organisation/nope",
            "/invite/",
            "/x",
        ] {
            assert_eq!(Route::parse(p), Route::NotFound, "{p}");
        }
        assert_eq!(Route::parse("/"), Route::Overview);
    }

    #[test]
    fn pages_ignore_the_query_and_keep_a_bad_user_id_on_the_user_page() {
        assert_eq!(Page::of("/"), Page::Home);
        assert_eq!(Page::of("/organisation/"), Page::Home);
        assert_eq!(Page::of("/organisation/overview/"), Page::Overview);
        assert_eq!(Page::of("/organisation/users"), Page::Users);
        assert_eq!(Page::of("/organisation/users/7"), Page::User(Some(7)));
        for bad in [
            "/organisation/users/x",
            "/organisation/users/0",
            "/organisation/users/-3",
        ] {
            assert_eq!(Page::of(bad), Page::User(None), "{bad}");
        }
        assert_eq!(Page::of("/invite/abc"), Page::Invitation("abc".into()));
        assert_eq!(Page::of("/invite/"), Page::NotFound);
        assert!(Page::of("/organisation/activity").is_framed());
        assert!(!Page::of("/login").is_framed());
        assert_eq!(
            RouteBase::new("/embed").address_of("/organisation"),
            "/embed/organisation"
        );
    }

    #[test]
    fn a_base_contains_only_its_own_paths() {
        let base = RouteBase::new("/embed/org/");
        for inside in ["/embed/org", "/embed/org/", "/embed/org/organisation/users"] {
            assert!(base.contains(inside), "{inside}");
        }
        for outside in ["/embed/organisation", "/embed/streams", "/", "/embed/or"] {
            assert!(!base.contains(outside), "{outside}");
        }
        assert!(RouteBase::new("").contains("/anything"));
    }

    #[test]
    fn titles_name_the_pages() {
        assert_eq!(
            Route::parse("/organisation/users?role=admin").title(),
            "User Management"
        );
        assert_eq!(Route::parse("/organisation/users/3").title(), "User");
        assert_eq!(Route::parse("/organisation/overview").title(), "Overview");
    }

    #[test]
    fn keeps_in_app_paths() {
        assert_eq!(
            sanitize("/organisation/users?page=2").as_deref(),
            Some("/organisation/users?page=2")
        );
    }

    #[test]
    fn refuses_other_sites_and_the_login_page() {
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "organisation",
            "/login",
            "/login?reason=expired",
            "",
        ] {
            assert_eq!(sanitize(bad), None, "{bad}");
        }
    }

    #[test]
    fn strips_the_base() {
        assert_eq!(strip_base("/embed/organisation", "/embed"), "/organisation");
        assert_eq!(strip_base("/embed", "/embed/"), "/");
        assert_eq!(strip_base("/embedded/x", "/embed"), "/embedded/x");
        assert_eq!(strip_base("/organisation", ""), "/organisation");
    }
}
