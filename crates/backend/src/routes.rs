//! Every API route in one list: the router is built from it and the OpenAPI check
//! tests against it, so the two cannot drift apart.

use axum::routing::{delete, get, post, put, MethodRouter};

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
        r("GET", "/activity", get(activity::list)),
        r(
            "POST",
            "/organisation/webhook/test",
            post(organisation::test_webhook),
        ),
        r(
            "GET",
            "/openapi.json",
            meta::openapi(meta::openapi_document(test_hooks)),
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
    use crate::handlers::meta::OPENAPI_JSON;
    use serde_json::Value;
    use std::collections::BTreeSet;

    fn doc() -> Value {
        serde_json::from_str(OPENAPI_JSON).expect("openapi.json is valid JSON")
    }

    #[test]
    fn document_is_openapi_3_1() {
        let version = doc()["openapi"].as_str().unwrap_or_default().to_owned();
        assert!(version.starts_with("3.1."), "openapi version {version}");
    }

    #[test]
    fn every_route_is_documented_and_every_documented_operation_is_routed() {
        let routed: BTreeSet<(String, String)> = api_routes(true)
            .iter()
            .map(|r| (r.method.to_lowercase(), r.path.to_owned()))
            .collect();
        let mut documented = BTreeSet::new();
        for (path, item) in doc()["paths"].as_object().expect("paths") {
            for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
                if item.get(method).is_some() {
                    documented.insert((method.to_owned(), path.clone()));
                }
            }
        }
        let undocumented: Vec<_> = routed.difference(&documented).collect();
        let unrouted: Vec<_> = documented.difference(&routed).collect();
        assert!(
            undocumented.is_empty(),
            "routes missing in openapi.json: {undocumented:?}"
        );
        assert!(
            unrouted.is_empty(),
            "documented but not routed: {unrouted:?}"
        );
    }

    #[test]
    fn every_reference_in_the_document_resolves() {
        fn walk(v: &Value, root: &Value, bad: &mut Vec<String>) {
            match v {
                Value::Object(map) => {
                    if let Some(Value::String(r)) = map.get("$ref") {
                        let target = r
                            .strip_prefix("#")
                            .and_then(|p| root.pointer(p))
                            .filter(|t| !t.is_null());
                        if target.is_none() {
                            bad.push(r.clone());
                        }
                    }
                    map.values().for_each(|x| walk(x, root, bad));
                }
                Value::Array(xs) => xs.iter().for_each(|x| walk(x, root, bad)),
                _ => {}
            }
        }
        let root = doc();
        let mut bad = Vec::new();
        walk(&root, &root, &mut bad);
        assert!(bad.is_empty(), "dangling $ref: {bad:?}");
    }

    #[test]
    fn the_documented_error_codes_are_the_wire_codes() {
        let documented: Vec<u64> = doc()["components"]["schemas"]["ErrorBody"]["properties"]
            ["code"]["enum"]
            .as_array()
            .expect("ErrorBody.code lists its values")
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        let wire: Vec<u64> = bintu_wire::code::ALL
            .iter()
            .map(|&c| u64::from(c))
            .collect();
        assert_eq!(documented, wire);
    }

    /// Until the document is derived from the wire types, each limit it states is
    /// held to the constant the server enforces.
    #[test]
    fn the_documented_limits_are_the_wire_limits() {
        use bintu_wire::invite::{DEFAULT_INVITE_HOURS, MAX_INVITE_HOURS};
        use bintu_wire::page::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
        use bintu_wire::validate::{
            MAX_EMAIL_LEN, MAX_PASSWORD_LEN, MAX_WEBHOOK_LEN, MIN_PASSWORD_LEN,
        };
        let d = doc();
        let schema =
            |name: &str, field: &str| d["components"]["schemas"][name]["properties"][field].clone();
        let limit =
            |v: &Value, key: &str| v[key].as_u64().unwrap_or_else(|| panic!("no {key} in {v}"));
        let email = schema("AcceptInviteRequest", "email");
        assert_eq!(limit(&email, "maxLength"), MAX_EMAIL_LEN as u64);
        let password = schema("AcceptInviteRequest", "password");
        assert_eq!(limit(&password, "minLength"), MIN_PASSWORD_LEN as u64);
        assert_eq!(limit(&password, "maxLength"), MAX_PASSWORD_LEN as u64);
        let webhook = schema("WebhookBody", "webhook");
        assert_eq!(limit(&webhook, "maxLength"), MAX_WEBHOOK_LEN as u64);
        let hours = schema("CreateInviteRequest", "expiresInHours");
        assert_eq!(limit(&hours, "maximum"), u64::from(MAX_INVITE_HOURS));
        assert_eq!(limit(&hours, "default"), u64::from(DEFAULT_INVITE_HOURS));
        let page_size = &d["components"]["parameters"]["pageSize"]["schema"];
        assert_eq!(limit(page_size, "maximum"), u64::from(MAX_PAGE_SIZE));
        assert_eq!(limit(page_size, "default"), u64::from(DEFAULT_PAGE_SIZE));
        let page = &d["components"]["parameters"]["page"]["schema"];
        assert_eq!(limit(page, "maximum"), u64::from(u32::MAX));
    }

    #[test]
    fn the_test_hooks_are_documented_only_when_on() {
        for hooks in [false, true] {
            let doc: Value = serde_json::from_str(&meta::openapi_document(hooks)).unwrap();
            let has_hook = doc["paths"]
                .as_object()
                .unwrap()
                .keys()
                .any(|p| p.starts_with(meta::TEST_HOOK_PREFIX));
            assert_eq!(has_hook, hooks);
            let routed = api_routes(hooks)
                .iter()
                .any(|r| r.path.starts_with(meta::TEST_HOOK_PREFIX));
            assert_eq!(routed, hooks);
        }
    }

    #[test]
    fn no_route_is_listed_twice() {
        let routes = api_routes(true);
        let set: BTreeSet<_> = routes.iter().map(|r| (r.method, r.path)).collect();
        assert_eq!(set.len(), routes.len());
        assert!(api_routes(false)
            .iter()
            .all(|r| !r.path.starts_with("/_test")));
    }
}
