//! Every API route in one list: the router is built from it and the OpenAPI check
//! tests against it, so the two cannot drift apart.

use axum::routing::{delete, get, post, put, MethodRouter};

use crate::handlers::{auth, invites, meta, organisation, roles, tags, users};
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

/// The API routes; the test hook only when `test_hooks` is on.
pub fn api_routes(test_hooks: bool) -> Vec<Route> {
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
        r("GET", "/openapi.json", get(meta::openapi)),
    ];
    if test_hooks {
        routes.push(r("POST", "/_test/advance-clock", post(meta::advance_clock)));
    }
    routes
}
