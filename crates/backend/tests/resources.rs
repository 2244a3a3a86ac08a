//! Organisation, users, roles and tags: validation codes, paging, filtering, sorting.

mod common;

use bintu_wire::validate::WebhookError;
use common::*;
use reqwest::Method;
use serde_json::{json, Value};

fn emails(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn organisation_profile_has_levels_and_packages_in_order() {
    let s = start().await;
    let org = s.get("/organisation", &s.key()).await;
    let body = org.assert_ok();
    assert_eq!(body["supportLevel"], "Basic Support");
    assert_eq!(body["analyticsLevel"], "Premium Analytics");
    let names: Vec<&str> = body["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Live Processing",
            "H5Live",
            "Webcaster",
            "Transcoding",
            "Secure Playback",
            "Video on Demand",
            "Metadata",
            "Live Captions"
        ]
    );
    let features = body["packages"][0]["features"].as_array().unwrap();
    assert_eq!(features.len(), 4);
    assert!(
        features.iter().any(|f| f["enabled"] == true)
            && features.iter().any(|f| f["enabled"] == false)
    );
}

#[tokio::test]
async fn webhook_rules_and_messages() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let set = |url: &str| s.put("/organisation/webhook", &admin, json!({ "webhook": url }));
    let http = set("http://example.com/hook").await;
    http.assert_error(400, 1005);
    assert_eq!(http.message(), WebhookError::NotHttps.message());
    assert_eq!(http.body["error"]["userinfo"]["field"], "webhook");
    let relative = set("example.com/hook").await;
    relative.assert_error(400, 1005);
    assert_eq!(relative.message(), WebhookError::NotAbsolute.message());
    set("https://user:pw@example.com/")
        .await
        .assert_error(400, 1005);

    assert_eq!(
        set("https://hooks.example.com/bintu").await.assert_ok()["webhook"],
        "https://hooks.example.com/bintu"
    );
    assert_eq!(
        s.get("/organisation", &admin).await.body["webhook"],
        "https://hooks.example.com/bintu"
    );
    // The server calls the webhook: its own network is off limits, whatever the scheme.
    for internal in [
        "http://localhost:9000/hook",
        "https://127.0.0.1/hook",
        "https://10.0.0.7/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://0.0.0.0/hook",
    ] {
        let a = set(internal).await;
        a.assert_error(400, 1005);
        assert_eq!(
            a.message(),
            WebhookError::InternalHost.message(),
            "{internal}"
        );
    }
    // A name that merely starts with "127." is an ordinary name.
    set("https://127.attacker.example/hook").await.assert_ok();
    set("").await.assert_ok();
    assert_eq!(s.get("/organisation", &admin).await.body["webhook"], "");
}

#[tokio::test]
async fn vod_flag_round_trips() {
    let s = start().await;
    let k = s.key();
    assert_eq!(s.get("/organisation/vod", &k).await.body["public"], false);
    s.put("/organisation/vod", &k, json!({ "public": true }))
        .await
        .assert_ok();
    assert_eq!(s.get("/organisation/vod", &k).await.body["public"], true);
    assert_eq!(s.get("/organisation", &k).await.body["vodPublic"], true);
}

#[tokio::test]
async fn malformed_bodies_get_envelope_codes() {
    let s = start().await;
    let k = s.key();
    s.call_raw(
        Method::PUT,
        "/organisation/vod",
        &k,
        b"{\"public\": tru".to_vec(),
    )
    .await
    .assert_error(400, 1004);
    s.put("/organisation/vod", &k, json!({ "public": "yes" }))
        .await
        .assert_error(400, 1004);
    let missing = s.put("/organisation/vod", &k, json!({})).await;
    missing.assert_error(400, 1002);
    assert_eq!(missing.body["error"]["userinfo"]["field"], "public");
    s.call_raw(Method::POST, "/user/validate", &Auth::None, Vec::new())
        .await
        .assert_error(400, 1002);
    let big = format!(
        "{{\"webhook\":\"https://example.com/{}\"}}",
        "a".repeat(70 * 1024)
    );
    let too_large = s
        .call_raw(Method::PUT, "/organisation/webhook", &k, big.into_bytes())
        .await;
    too_large.assert_error(413, 1006);
    s.get("/user/abc", &k).await.assert_error(400, 1004);
    s.get("/user?sort=shoe_size", &k)
        .await
        .assert_error(400, 1004);
}

#[tokio::test]
async fn roles_are_validated_on_change_and_an_unknown_filter_matches_nobody() {
    let s = start().await;
    let k = s.key();
    let id = s.user_id(USER).await;
    s.put(
        "/user/permission",
        &k,
        json!({ "userId": id, "role": "superuser" }),
    )
    .await
    .assert_error(400, 1005);
    s.put("/user/permission", &k, json!({ "userId": id, "role": "" }))
        .await
        .assert_error(400, 1002);
    s.put("/user/permission", &k, json!({ "role": "nanoUser" }))
        .await
        .assert_error(400, 1002);
    // A filter by a role no one has matches nobody.
    let none = s.get("/user?role=superuser", &k).await;
    assert_eq!(none.assert_ok()["total"], 0);
    let changed = s
        .put(
            "/user/permission",
            &k,
            json!({ "userId": id, "role": "streamManager" }),
        )
        .await;
    assert_eq!(changed.assert_ok()["role"], "streamManager");
}

#[tokio::test]
async fn role_list_has_defaults_first_with_user_counts() {
    let s = start().await;
    let list = s.get("/permission/list", &s.key()).await;
    let roles = list.assert_ok()["roles"].as_array().unwrap().clone();
    let names: Vec<&str> = roles.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(&names[..3], ["nanoAdmin", "nanoUser", "nanoReadOnly"]);
    assert!(names.contains(&"streamManager") && names.contains(&"analyst"));
    assert!(roles[..3].iter().all(|r| r["isDefault"] == true));
    assert!(roles[3..].iter().all(|r| r["isDefault"] == false));
    let total: u64 = roles.iter().map(|r| r["userCount"].as_u64().unwrap()).sum();
    assert_eq!(
        total,
        s.get("/user", &s.key()).await.body["total"]
            .as_u64()
            .unwrap()
    );
    assert_eq!(roles[0]["userCount"], 2);

    let one = s.get("/permission?name=nanoReadOnly", &s.key()).await;
    assert_eq!(one.assert_ok()["displayName"], "Read Only");
    s.get("/permission?name=nope", &s.key())
        .await
        .assert_error(404, 3001);
    s.get("/permission", &s.key()).await.assert_error(400, 1002);
    // Blank as the document's `\S` pattern says: U+0085 is a name there (no role has
    // it), U+FEFF and U+3000 are not.
    s.get("/permission?name=%C2%85", &s.key())
        .await
        .assert_error(404, 3001);
    s.get("/permission?name=%EF%BB%BF%E3%80%80", &s.key())
        .await
        .assert_error(400, 1002);
    let padded = s
        .get("/permission?name=%E3%80%80nanoReadOnly%C2%A0", &s.key())
        .await;
    assert_eq!(padded.assert_ok()["name"], "nanoReadOnly");
}

#[tokio::test]
async fn users_page_filter_and_sort() {
    let s = start().await;
    let k = s.key();
    let all = s.get("/user?pageSize=200", &k).await;
    let total = all.assert_ok()["total"].as_u64().unwrap();
    assert!(
        (20..=30).contains(&total),
        "about 25 seeded users, got {total}"
    );
    assert_eq!(all.body["pageSize"], 200);

    // Default page size and paging.
    let first = s.get("/user", &k).await;
    assert_eq!(
        (first.body["page"].as_u64(), first.body["pageSize"].as_u64()),
        (Some(1), Some(25))
    );
    let p1 = s.get("/user?pageSize=10&page=1", &k).await;
    let p3 = s.get("/user?pageSize=10&page=3", &k).await;
    assert_eq!(emails(&p1.body).len(), 10);
    assert_eq!(emails(&p3.body).len() as u64, total - 20);
    let beyond = s.get("/user?pageSize=10&page=99", &k).await;
    assert!(emails(beyond.assert_ok()).is_empty());
    assert_eq!(beyond.body["total"].as_u64(), Some(total));
    s.get("/user?page=0", &k).await.assert_error(400, 1004);
    s.get("/user?pageSize=201", &k)
        .await
        .assert_error(400, 1004);
    s.get("/user?pageSize=0", &k).await.assert_error(400, 1004);

    // Default sort: email ascending; desc is the reverse.
    let asc = emails(&all.body);
    let mut sorted = asc.clone();
    sorted.sort_by_key(|e| e.to_lowercase());
    assert_eq!(asc, sorted);
    let mut desc = emails(
        &s.get("/user?pageSize=200&sort=email&order=desc", &k)
            .await
            .body,
    );
    desc.reverse();
    assert_eq!(asc, desc);

    // Pages concatenate to the whole list, without duplicates.
    let mut paged = Vec::new();
    for page in 1..=3 {
        paged.extend(emails(
            &s.get(&format!("/user?pageSize=10&page={page}&sort=role"), &k)
                .await
                .body,
        ));
    }
    assert_eq!(
        paged,
        emails(&s.get("/user?pageSize=200&sort=role", &k).await.body)
    );

    // created_at descending: newest first.
    let by_date = s
        .get("/user?pageSize=200&sort=created_at&order=desc", &k)
        .await;
    let dates: Vec<&str> = by_date.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["created_at"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    // Role filter and case-insensitive q.
    let admins = s.get("/user?role=nanoAdmin", &k).await;
    assert_eq!(admins.body["total"], 2);
    assert!(admins.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["role"] == "nanoAdmin"));
    let demo = s.get("/user?q=DEMO.LOCAL", &k).await;
    assert_eq!(emails(&demo.body), [ADMIN, READONLY, USER]);
    let combined = s.get("/user?q=demo.local&role=nanoUser", &k).await;
    assert_eq!(emails(&combined.body), [USER]);
    // Wildcards in q are literal.
    assert_eq!(s.get("/user?q=%25", &k).await.body["total"], 0);
}

#[tokio::test]
async fn synthetic_users_make_a_large_organisation() {
    let started = std::time::Instant::now();
    let s = start_with(|c| c.seed_users = 10_000).await;
    let took = started.elapsed();
    assert!(took.as_secs() < 10, "seeding 10 000 users took {took:?}");
    let k = s.key();
    let all = s.get("/user?pageSize=200&page=50", &k).await;
    assert!(all.assert_ok()["total"].as_u64().unwrap() >= 10_000);
    assert_eq!(emails(&all.body).len(), 200);
    let found = s.get("/user?q=load-user-000042@", &k).await;
    assert_eq!(found.body["total"], 1);
    // They cannot log in.
    s.login_answer("load-user-000042@synthetic.demo.local", "")
        .await
        .assert_error(401, 4002);
    // No synthetic admins: the last-admin guard stays meaningful.
    assert_eq!(s.get("/user?role=nanoAdmin", &k).await.body["total"], 2);
}

#[tokio::test]
async fn tags_are_paged_sorted_and_filtered() {
    let s = start().await;
    let auth = s.login(READONLY).await;
    let all = s.get("/tag?pageSize=200", &auth).await;
    let items = all.assert_ok()["items"].as_array().unwrap().clone();
    assert!(items.len() >= 35, "about 40 tags");
    let names: Vec<String> = items
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    assert!(items.iter().all(|t| t["streamCount"].is_u64()));
    let page2 = s.get("/tag?pageSize=10&page=2", &auth).await;
    assert_eq!(page2.body["items"][0]["name"], names[10].as_str());
    let sport = s.get("/tag?q=SPORT", &auth).await;
    let sport_names: Vec<&str> = sport.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(sport_names, ["esports", "sports"]);
    s.get("/tag?pageSize=500", &auth)
        .await
        .assert_error(400, 1004);
}

/// Input first: a malformed query or path is refused for what it is before the token
/// is looked up (a made-up token gets the 400, not the 401).
#[tokio::test]
async fn a_malformed_query_or_path_is_refused_before_the_token_is_looked_up() {
    let s = start().await;
    let nobody = Auth::Token("made-up-token".into());
    for path in [
        "/user?page=0",
        "/tag?pageSize=100000",
        "/activity?page=x",
        "/user/not-a-number",
    ] {
        s.get(path, &nobody).await.assert_error(400, 1004);
    }
    // Well-formed, the same token is refused.
    s.get("/user?page=1", &nobody).await.assert_error(401, 4003);
}

/// Input first for bodies too: a body that breaks the document's rules is refused
/// before the token is looked up (a made-up token gets the 400, not the 401).
#[tokio::test]
async fn a_malformed_body_is_refused_before_the_token_is_looked_up() {
    let s = start().await;
    let nobody = Auth::Token("made-up-token".into());
    let cases = [
        (
            Method::PUT,
            "/user/permission",
            json!({ "userId": 2, "role": "  " }),
            1002,
        ),
        (
            Method::PUT,
            "/user/permission",
            json!({ "userId": "two", "role": "x" }),
            1004,
        ),
        (
            Method::POST,
            "/invite",
            json!({ "role": "nanoUser", "expiresInHours": 0 }),
            1005,
        ),
        (
            Method::PUT,
            "/organisation/webhook",
            json!({ "webhook": "not a url" }),
            1005,
        ),
        (
            Method::PUT,
            "/organisation/vod",
            json!({ "public": "yes" }),
            1004,
        ),
        (Method::PUT, "/user/tokenkey", json!([2]), 1004),
    ];
    for (method, path, body, code) in cases {
        s.call(method, path, &nobody, Some(body))
            .await
            .assert_error(400, code);
    }
    // Well-formed, the same token is refused.
    s.call(
        Method::PUT,
        "/organisation/vod",
        &nobody,
        Some(json!({ "public": true })),
    )
    .await
    .assert_error(401, 4003);
}
