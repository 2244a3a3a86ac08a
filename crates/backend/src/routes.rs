//! Every API route in one list: the router is built from it, and a test holds the
//! OpenAPI document's operations (`crate::api_doc`) to it.

use axum::routing::{delete, get, post, put, MethodRouter};

use crate::api_doc;
use crate::handlers::{activity, auth, invites, meta, organisation, roles, tags, users};
use crate::state::AppState;

/// One API route: method, path below the prefix, handler.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub handler: MethodRouter<AppState>,
}

fn r(method: &'static str, path: &'static str, handler: MethodRouter<AppState>) -> Route {
    Route {
        method,
        path,
        handler,
    }
}

/// The API routes of a server with the API `prefix`; the test hook only when
/// `test_hooks` is on.
pub fn api_routes(prefix: &str, test_hooks: bool) -> Vec<Route> {
    let mut routes = vec![
        r("POST", "/user/validate", post(auth::login)),
        r("POST", "/user/logout", post(auth::logout)),
        r("GET", "/user/me", get(auth::me)),
        r("GET", "/organisation", get(organisation::get)),
        r(
            "PUT",
            "/organisation/webhook",
            put(organisation::set_webhook),
        ),
        r("GET", "/organisation/vod", get(organisation::get_vod)),
        r("PUT", "/organisation/vod", put(organisation::set_vod)),
        r("GET", "/tag", get(tags::list)),
        r("GET", "/user", get(users::list)),
        r("GET", "/user/{id}", get(users::get)),
        r("DELETE", "/user/{id}", delete(users::delete)),
        r("PUT", "/user/permission", put(users::set_permission)),
        r("PUT", "/user/tokenkey", put(users::reset_token_key)),
        r("GET", "/permission/list", get(roles::list)),
        r("GET", "/permission", get(roles::get)),
        r("POST", "/invite", post(invites::create)),
        r("GET", "/invite", get(invites::list)),
        r("DELETE", "/invite/{id}", delete(invites::revoke)),
        r("POST", "/invite/lookup", post(invites::lookup)),
        r("POST", "/invite/accept", post(invites::accept)),
        r("GET", "/activity", get(activity::list)),
        r(
            "POST",
            "/organisation/webhook/test",
            post(organisation::test_webhook),
        ),
        r(
            "GET",
            "/openapi.json",
            meta::openapi(api_doc::document_json(prefix, test_hooks)),
        ),
    ];
    if test_hooks {
        routes.push(r("POST", "/_test/advance-clock", post(meta::advance_clock)));
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn no_route_is_listed_twice() {
        let routes = api_routes("/api", true);
        let set: BTreeSet<_> = routes.iter().map(|r| (r.method, r.path)).collect();
        assert_eq!(set.len(), routes.len());
        assert!(api_routes("/api", false)
            .iter()
            .all(|r| !r.path.starts_with("/_test")));
    }
}
