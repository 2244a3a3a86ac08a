//! The activity log: each change through the API leaves exactly one entry with actor,
//! target, time and the change; failed changes leave none; reading it needs
//! `Activity:List`; paging and the kind and user filters.

mod common;

use common::*;
use serde_json::{json, Value};

/// The newest entries (up to 200), newest first.
async fn entries(s: &TestServer, query: &str) -> Vec<Value> {
    let a = s
        .get(&format!("/activity?pageSize=200{query}"), &s.key())
        .await;
    a.assert_ok()["items"].as_array().unwrap().clone()
}

async fn count(s: &TestServer) -> usize {
    entries(s, "").await.len()
}

#[tokio::test]
async fn each_kind_of_change_is_recorded_with_actor_target_and_values() {
    let s = start_with(|c| c.allow_internal_webhooks = false).await;
    let admin = s.login(ADMIN).await;
    let admin_id = s.user_id(ADMIN).await;
    // The demo's own past (seed_history.rs) is all there is before the test.
    let seeded = entries(&s, "").await;
    assert!(seeded.iter().all(|e| e["actor"] != ADMIN), "{seeded:?}");

    let victim = s.user_id("jonas.becker@demo-streaming.de").await;
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": victim, "role": "nanoReadOnly" }),
    )
    .await
    .assert_ok();
    let e = &entries(&s, "").await[0];
    assert_eq!(e["kind"], "role_changed");
    assert_eq!(e["actor"], ADMIN);
    assert_eq!(e["actorId"], admin_id);
    assert_eq!(e["target"], "jonas.becker@demo-streaming.de");
    assert_eq!(e["targetUserId"], victim);
    assert_eq!(
        (e["from"].as_str(), e["to"].as_str()),
        (Some("nanoUser"), Some("nanoReadOnly"))
    );
    let at = e["at"].as_str().unwrap();
    assert!(at.ends_with('Z') && at.len() == 20, "UTC RFC 3339: {at}");

    s.put("/user/tokenkey", &admin, json!({ "userId": victim }))
        .await
        .assert_ok();
    s.put(
        "/organisation/webhook",
        &admin,
        json!({ "webhook": "https://hooks.example.com/a" }),
    )
    .await
    .assert_ok();
    s.put(
        "/organisation/webhook",
        &admin,
        json!({ "webhook": "https://hooks.example.com/b" }),
    )
    .await
    .assert_ok();
    s.put("/organisation/vod", &admin, json!({ "public": true }))
        .await
        .assert_ok();
    let invite = s
        .post("/invite", &admin, json!({ "role": "nanoUser" }))
        .await;
    let invite_id = invite.assert_ok()["invite"]["id"].as_i64().unwrap();
    let token = invite.body["token"].as_str().unwrap().to_owned();
    let (other_invite, _) = s.invite("nanoReadOnly", None).await;
    s.delete(&format!("/invite/{other_invite}"), &admin)
        .await
        .assert_ok();
    let joined = s
        .post(
            "/invite/accept",
            &Auth::None,
            json!({ "token": token, "email": "new.member@example.com", "password": "long-enough-pw" }),
        )
        .await;
    joined.assert_ok();
    let doomed = s.user_id("paul.klein@demo-streaming.de").await;
    let doomed_role = s.get(&format!("/user/{doomed}"), &admin).await.body["role"].clone();
    s.delete(&format!("/user/{doomed}"), &admin)
        .await
        .assert_ok();

    let log = entries(&s, "").await;
    let log = &log[..log.len() - seeded.len()];
    let kinds: Vec<&str> = log.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "user_deleted",
            "invite_accepted",
            "invite_revoked",
            "invite_created",
            "invite_created",
            "vod_changed",
            "webhook_changed",
            "webhook_changed",
            "token_key_reset",
            "role_changed",
        ],
        "newest first"
    );
    let ids: Vec<i64> = log.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]));
    // The API key acts as the organisation.
    assert_eq!(log[3]["actor"], "organisation API key");
    assert!(log[3].get("actorId").is_none());
    assert_eq!(log[4]["target"], format!("invite #{invite_id}"));
    assert_eq!(log[4]["to"], "nanoUser");
    assert_eq!(log[2]["from"], "nanoReadOnly");
    assert_eq!(log[1]["actor"], "new.member@example.com");
    assert_eq!(log[1]["to"], "nanoUser");
    assert_eq!(log[0]["target"], "paul.klein@demo-streaming.de");
    assert_eq!(log[0]["from"], doomed_role);
    assert_eq!(log[5]["from"], "private");
    assert_eq!(log[5]["to"], "public");
    assert_eq!(log[6]["from"], "https://hooks.example.com/a");
    assert_eq!(log[6]["to"], "https://hooks.example.com/b");
    assert_eq!(log[7]["from"], "");
    // No invite token anywhere in the log.
    assert!(!serde_json::to_string(&log).unwrap().contains(&token));
}

#[tokio::test]
async fn a_failed_or_empty_change_leaves_no_entry() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let admin_id = s.user_id(ADMIN).await;
    let victim = s.user_id("jonas.becker@demo-streaming.de").await;
    let seeded = count(&s).await;
    // Guarded: demoting yourself, deleting yourself.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": admin_id, "role": "nanoUser" }),
    )
    .await
    .assert_error(403, 2002);
    s.delete(&format!("/user/{admin_id}"), &admin)
        .await
        .assert_error(403, 2002);
    // Invalid: an unknown role, a bad webhook, an unknown user, a used-up invite id.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": victim, "role": "noSuchRole" }),
    )
    .await
    .assert_error(400, 1005);
    s.put(
        "/organisation/webhook",
        &admin,
        json!({ "webhook": "https://10.0.0.1/x" }),
    )
    .await
    .assert_error(400, 1005);
    s.put("/user/tokenkey", &admin, json!({ "userId": 999_999 }))
        .await
        .assert_error(404, 3001);
    s.delete("/invite/999999", &admin)
        .await
        .assert_error(404, 3001);
    // Not allowed: a user without the permission.
    let user = s.login(USER).await;
    s.put("/organisation/vod", &user, json!({ "public": true }))
        .await
        .assert_error(403, 2001);
    // No change: the same role, the same VOD flag.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": victim, "role": "nanoUser" }),
    )
    .await
    .assert_ok();
    s.put("/organisation/vod", &admin, json!({ "public": false }))
        .await
        .assert_ok();
    assert_eq!(count(&s).await, seeded, "{:?}", entries(&s, "").await);
}

#[tokio::test]
async fn invites_that_die_with_their_creators_rights_are_logged_as_revoked() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let creator = s.sign_up("nanoAdmin", "creator@example.com").await;
    let creator_id = s.user_id("creator@example.com").await;
    let invite = s
        .post("/invite", &creator, json!({ "role": "nanoUser" }))
        .await;
    let invite_id = invite.assert_ok()["invite"]["id"].as_i64().unwrap();
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": creator_id, "role": "nanoReadOnly" }),
    )
    .await
    .assert_ok();
    let log = entries(&s, "").await;
    let kinds: Vec<&str> = log.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(
        &kinds[..3],
        ["role_changed", "invite_revoked", "invite_created"]
    );
    assert_eq!(log[1]["target"], format!("invite #{invite_id}"));
    assert_eq!(log[1]["actor"], ADMIN);
    assert_eq!(log[2]["actor"], "creator@example.com");
}

#[tokio::test]
async fn only_roles_with_activity_list_may_read_it() {
    let s = start().await;
    for who in [USER, READONLY] {
        let auth = s.login(who).await;
        let a = s.get("/activity", &auth).await;
        a.assert_error(403, 2001);
        assert_eq!(a.body["error"]["userinfo"]["permission"], "Activity:List");
    }
    let admin = s.login(ADMIN).await;
    s.get("/activity", &admin).await.assert_ok();
}

#[tokio::test]
async fn pages_and_filters_by_kind_and_user() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let admin_id = s.user_id(ADMIN).await;
    let a = s.user_id("jonas.becker@demo-streaming.de").await;
    let b = s.user_id("paul.klein@demo-streaming.de").await;
    // The demo's own past (seed_history.rs) comes before the test's changes.
    let seeded = count(&s).await as u64;
    let seeded_roles = entries(&s, "&kind=role_changed").await.len();
    for role in ["nanoReadOnly", "nanoUser", "nanoReadOnly"] {
        s.put(
            "/user/permission",
            &admin,
            json!({ "userId": a, "role": role }),
        )
        .await
        .assert_ok();
    }
    s.put("/user/tokenkey", &admin, json!({ "userId": b }))
        .await
        .assert_ok();
    s.put("/user/tokenkey", &admin, json!({ "userId": a }))
        .await
        .assert_ok();

    let page = s.get("/activity?page=2&pageSize=2", &s.key()).await;
    let body = page.assert_ok();
    assert_eq!(
        (body["total"].as_u64(), body["page"].as_u64()),
        (Some(seeded + 5), Some(2))
    );
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["kind"], "role_changed");
    assert_eq!(items[0]["to"], "nanoReadOnly");

    let roles = entries(&s, "&kind=role_changed").await;
    assert_eq!(roles.len(), seeded_roles + 3);
    let of_a = entries(&s, &format!("&user={a}")).await;
    assert_eq!(of_a.len(), 4);
    assert!(of_a.iter().all(|e| e["targetUserId"] == a));
    let a_resets = entries(&s, &format!("&user={a}&kind=token_key_reset")).await;
    assert_eq!(a_resets.len(), 1);
    // The actor's entries count as theirs too.
    assert_eq!(entries(&s, &format!("&user={admin_id}")).await.len(), 5);
    s.get("/activity?kind=password_read", &s.key())
        .await
        .assert_error(400, 1004);
    s.get("/activity?pageSize=201", &s.key())
        .await
        .assert_error(400, 1004);
}
