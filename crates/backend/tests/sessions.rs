//! Login, logout, token expiry, token-key reset, the API key, and the admin guards.

mod common;

use bintu_backend::config::DEFAULT_TOKEN_TTL_SECS;
use common::*;
use serde_json::json;

#[tokio::test]
async fn login_answers_token_user_and_expiry() {
    let s = start().await;
    let a = s.login_answer(ADMIN, DEMO_PASSWORD).await;
    let body = a.assert_ok();
    assert!(body["token"].as_str().unwrap().len() >= 22, "≥128 bits");
    assert_eq!(body["user"]["email"], ADMIN);
    assert_eq!(body["user"]["role"], "nanoAdmin");
    assert!(body["expiresAt"].as_str().unwrap().ends_with('Z'));
    assert!(body["user"].get("passwordHash").is_none() && !a.body.to_string().contains("argon2"));
    // Emails are matched case-insensitively.
    s.login_answer("ADMIN@Demo.Local", DEMO_PASSWORD)
        .await
        .assert_ok();
}

#[tokio::test]
async fn bad_credentials_are_4002_whether_or_not_the_email_exists() {
    let s = start().await;
    let wrong = s.login_answer(ADMIN, "wrong-password").await;
    wrong.assert_error(401, 4002);
    let unknown = s.login_answer("nobody@demo.local", DEMO_PASSWORD).await;
    unknown.assert_error(401, 4002);
    assert_eq!(wrong.message(), unknown.message(), "no user enumeration");
    // Seeded users without a password cannot log in, with any password.
    s.login_answer(OTHER_ADMIN, "")
        .await
        .assert_error(401, 4002);
    // A wrong API key is bad credentials too.
    s.get("/organisation", &Auth::ApiKey("bintu_wrong".into()))
        .await
        .assert_error(401, 4002);
}

#[tokio::test]
async fn me_shows_user_role_permissions_and_token_expiry() {
    let s = start().await;
    let auth = s.login(USER).await;
    let me = s.get("/user/me", &auth).await;
    let body = me.assert_ok();
    assert_eq!(body["user"]["email"], USER);
    assert_eq!(body["role"]["name"], "nanoUser");
    assert_eq!(body["role"]["displayName"], "User");
    let perms = body["role"]["permissions"].as_array().unwrap();
    assert!(perms.contains(&json!("User:List")));
    assert!(!perms.contains(&json!("User:Delete")));
    assert!(body["tokenExpiresAt"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn logout_ends_the_session_but_not_others() {
    let s = start().await;
    let first = s.login(USER).await;
    let second = s.login(USER).await;
    s.post("/user/logout", &first, json!({})).await.assert_ok();
    s.get("/user/me", &first).await.assert_error(401, 4003);
    s.get("/user/me", &second).await.assert_ok();
}

#[tokio::test]
async fn token_key_reset_invalidates_every_token_of_that_user() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let user_a = s.login(USER).await;
    let user_b = s.login(USER).await;
    let readonly = s.login(READONLY).await;
    let id = s.user_id(USER).await;
    let before = s.get(&format!("/user/{id}"), &admin).await.body["tokenKey"].clone();
    let after = s
        .put("/user/tokenkey", &admin, json!({ "userId": id }))
        .await;
    assert_ne!(after.assert_ok()["tokenKey"], before);
    s.get("/user/me", &user_a).await.assert_error(401, 4003);
    s.get("/organisation", &user_b)
        .await
        .assert_error(401, 4003);
    // Other users keep their sessions; a new login works.
    s.get("/user/me", &readonly).await.assert_ok();
    let fresh = s.login(USER).await;
    s.get("/user/me", &fresh).await.assert_ok();
}

#[tokio::test]
async fn deleting_a_user_ends_their_sessions() {
    let s = start().await;
    let newcomer = s.sign_up("nanoUser", "new.person@example.com").await;
    s.get("/user/me", &newcomer).await.assert_ok();
    let id = s.user_id("new.person@example.com").await;
    assert_eq!(s.delete(&format!("/user/{id}"), &s.key()).await.status, 204);
    s.get("/user/me", &newcomer).await.assert_error(401, 4003);
    s.get(&format!("/user/{id}"), &s.key())
        .await
        .assert_error(404, 3001);
}

#[tokio::test]
async fn tokens_expire_by_the_server_clock() {
    let s = start().await;
    let auth = s.login(READONLY).await;
    s.advance(DEFAULT_TOKEN_TTL_SECS - 60).await;
    s.get("/user/me", &auth).await.assert_ok();
    s.advance(61).await;
    s.get("/user/me", &auth).await.assert_error(401, 4003);
    s.login(READONLY).await;
}

#[tokio::test]
async fn token_lifetime_is_configurable() {
    let s = start_with(|c| c.token_ttl_secs = 120).await;
    let auth = s.login(USER).await;
    s.advance(121).await;
    s.get("/user/me", &auth).await.assert_error(401, 4003);
}

#[tokio::test]
async fn test_hook_is_absent_unless_enabled() {
    let s = start_with(|c| c.test_hooks = false).await;
    s.post(
        "/_test/advance-clock",
        &Auth::None,
        json!({ "seconds": 99999 }),
    )
    .await
    .assert_error(404, 3001);
}

#[tokio::test]
async fn nobody_deletes_or_demotes_themselves() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let me = s.user_id(ADMIN).await;
    let del = s.delete(&format!("/user/{me}"), &admin).await;
    del.assert_error(403, 2002);
    assert!(del.message().contains("own"), "{}", del.message());
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": me, "role": "nanoUser" }),
    )
    .await
    .assert_error(403, 2002);
    // Setting your own current role is a harmless no-op.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": me, "role": "nanoAdmin" }),
    )
    .await
    .assert_ok();
}

#[tokio::test]
async fn the_last_admin_cannot_be_deleted_or_demoted() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let admin_id = s.user_id(ADMIN).await;
    let other = s.user_id(OTHER_ADMIN).await;
    // Two admins: demoting and deleting the other one is fine.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": other, "role": "nanoUser" }),
    )
    .await
    .assert_ok();
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": other, "role": "nanoAdmin" }),
    )
    .await
    .assert_ok();
    assert_eq!(
        s.delete(&format!("/user/{other}"), &admin).await.status,
        204
    );
    // Now admin@demo.local is the last admin; the API key has no self, but the
    // last-admin guard holds.
    let del = s.delete(&format!("/user/{admin_id}"), &s.key()).await;
    del.assert_error(403, 2002);
    assert!(del.message().contains("last admin"), "{}", del.message());
    s.put(
        "/user/permission",
        &s.key(),
        json!({ "userId": admin_id, "role": "nanoReadOnly" }),
    )
    .await
    .assert_error(403, 2002);
    // After promoting someone else, the former last admin can be demoted.
    let user_id = s.user_id(USER).await;
    s.put(
        "/user/permission",
        &s.key(),
        json!({ "userId": user_id, "role": "nanoAdmin" }),
    )
    .await
    .assert_ok();
    let demoted = s
        .put(
            "/user/permission",
            &s.key(),
            json!({ "userId": admin_id, "role": "nanoReadOnly" }),
        )
        .await;
    assert_eq!(demoted.assert_ok()["role"], "nanoReadOnly");
    // The role change ended the demoted admin's session; a new one has read-only rights.
    s.get("/user", &admin).await.assert_error(401, 4003);
    let again = s.login(ADMIN).await;
    s.get("/user", &again).await.assert_error(403, 2001);
}

#[tokio::test]
async fn a_role_change_ends_the_users_tokens_and_the_same_role_does_not() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let user = s.login(USER).await;
    let user_id = s.user_id(USER).await;
    let key_before =
        s.get(&format!("/user/{user_id}"), &admin).await.assert_ok()["tokenKey"].clone();
    // The same role again changes nothing.
    s.put(
        "/user/permission",
        &admin,
        json!({ "userId": user_id, "role": "nanoUser" }),
    )
    .await
    .assert_ok();
    s.get("/user/me", &user).await.assert_ok();
    // Another role ends every session the user had, as a token reset does.
    let changed = s
        .put(
            "/user/permission",
            &admin,
            json!({ "userId": user_id, "role": "nanoReadOnly" }),
        )
        .await;
    let changed = changed.assert_ok();
    assert_ne!(changed["tokenKey"], key_before, "the token key is renewed");
    s.get("/user/me", &user).await.assert_error(401, 4003);
    s.get("/user/me", &admin).await.assert_ok();
}

#[tokio::test]
async fn unknown_users_are_404() {
    let s = start().await;
    s.get("/user/999999", &s.key())
        .await
        .assert_error(404, 3001);
    s.delete("/user/999999", &s.key())
        .await
        .assert_error(404, 3001);
    s.put(
        "/user/permission",
        &s.key(),
        json!({ "userId": 999999, "role": "nanoUser" }),
    )
    .await
    .assert_error(404, 3001);
    s.put("/user/tokenkey", &s.key(), json!({ "userId": 999999 }))
        .await
        .assert_error(404, 3001);
}
