//! The derived document: it lists exactly the routed operations, its references
//! resolve, and the limits and codes it states are the wire's constants.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{document, document_json};
use crate::handlers::meta::TEST_HOOK_PREFIX;
use crate::routes::api_routes;

fn doc(test_hooks: bool) -> Value {
    serde_json::from_str(&document_json("/api", test_hooks)).expect("the document is JSON")
}

fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
            if item.get(method).is_some() {
                found.insert((method.to_owned(), path.clone()));
            }
        }
    }
    found
}

/// The schema of query parameter `name` of `GET path`.
fn query_param(doc: &Value, path: &str, name: &str) -> Value {
    doc["paths"][path]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == name && p["in"] == "query")
        .unwrap_or_else(|| panic!("no ?{name} on {path}"))["schema"]
        .clone()
}

fn limit(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("no {key} in {v}"))
}

#[test]
fn document_is_openapi_3_1() {
    let version = doc(false)["openapi"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(version.starts_with("3.1."), "openapi version {version}");
}

#[test]
fn every_route_is_documented_and_every_documented_operation_is_routed() {
    for hooks in [false, true] {
        let routed: BTreeSet<(String, String)> = api_routes("/api", hooks)
            .iter()
            .map(|r| (r.method.to_lowercase(), r.path.to_owned()))
            .collect();
        let documented = operations(&doc(hooks));
        let undocumented: Vec<_> = routed.difference(&documented).collect();
        let unrouted: Vec<_> = documented.difference(&routed).collect();
        assert!(
            undocumented.is_empty(),
            "not in the document: {undocumented:?}"
        );
        assert!(
            unrouted.is_empty(),
            "documented but not routed: {unrouted:?}"
        );
    }
}

#[test]
fn the_test_hooks_are_documented_only_when_on() {
    for hooks in [false, true] {
        let documented = operations(&doc(hooks))
            .iter()
            .any(|(_, path)| path.starts_with(TEST_HOOK_PREFIX));
        assert_eq!(documented, hooks);
    }
}

#[test]
fn every_reference_in_the_document_resolves() {
    fn walk(v: &Value, root: &Value, bad: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    let target = r
                        .strip_prefix('#')
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
    let root = doc(true);
    let mut bad = Vec::new();
    walk(&root, &root, &mut bad);
    assert!(bad.is_empty(), "dangling $ref: {bad:?}");
}

#[test]
fn the_documented_error_codes_are_the_wire_codes_and_the_introduction_explains_each() {
    let d = doc(false);
    let documented: Vec<u64> = d["components"]["schemas"]["ErrorBody"]["properties"]["code"]
        ["enum"]
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
    let intro = d["info"]["description"].as_str().expect("an introduction");
    for code in bintu_wire::code::ALL {
        assert!(
            intro.contains(&format!("/{code} ")),
            "the introduction lacks {code}"
        );
    }
}

/// The derives take each limit from the constant the server enforces; this holds
/// them to it, so a field that loses its `schema_with` is noticed.
#[test]
fn the_documented_limits_are_the_wire_limits() {
    use bintu_wire::invite::{DEFAULT_INVITE_HOURS, MAX_INVITE_HOURS};
    use bintu_wire::page::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
    use bintu_wire::validate::{
        MAX_EMAIL_LEN, MAX_PASSWORD_LEN, MAX_WEBHOOK_LEN, MIN_PASSWORD_LEN,
    };
    let d = doc(false);
    let schema =
        |name: &str, field: &str| d["components"]["schemas"][name]["properties"][field].clone();
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
    for path in ["/user", "/tag", "/activity"] {
        let page_size = query_param(&d, path, "pageSize");
        assert_eq!(
            limit(&page_size, "maximum"),
            u64::from(MAX_PAGE_SIZE),
            "{path}"
        );
        assert_eq!(
            limit(&page_size, "default"),
            u64::from(DEFAULT_PAGE_SIZE),
            "{path}"
        );
        let page = query_param(&d, path, "page");
        assert_eq!(limit(&page, "minimum"), 1, "{path}");
        assert_eq!(limit(&page, "maximum"), u64::from(u32::MAX), "{path}");
    }
}

#[test]
fn the_server_entry_is_the_api_prefix() {
    let d = document("/bintu/v2", false);
    let servers = d.servers.expect("servers");
    assert_eq!(servers.len(), 1);
    assert_eq!(servers[0].url, "/bintu/v2");
}

/// Optional answer fields are absent, never null; a request's optional fields may
/// be null (serde reads it as absent).
#[test]
fn optional_answer_fields_are_not_nullable() {
    let d = doc(false);
    let schemas = d["components"]["schemas"].as_object().expect("schemas");
    for name in [
        "LoginResponse",
        "Organisation",
        "ActivityEntry",
        "WebhookTestResult",
    ] {
        let properties = schemas[name]["properties"].as_object().expect("properties");
        for (field, schema) in properties {
            assert!(
                !schema.to_string().contains("\"null\""),
                "{name}.{field} is documented nullable: {schema}"
            );
        }
    }
}

/// Whatever an operation's own list says, every operation documents a server
/// failure and a bad request, every one with a body a body too large or too slow,
/// and every one that needs credentials their absence.
#[test]
fn every_operation_documents_the_answers_its_shape_can_give() {
    let d = doc(true);
    for (path, item) in d["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            let answers = operation["responses"].as_object().expect("responses");
            let mut wanted = vec!["400", "500"];
            if operation.get("requestBody").is_some() {
                wanted.extend(["408", "413"]);
            }
            if operation.get("security").is_none() {
                wanted.push("401");
            }
            for status in wanted {
                assert!(
                    answers.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
}
