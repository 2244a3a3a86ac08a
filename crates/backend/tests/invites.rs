//! Invite tokens: creation, listing, lookup, sign-up with the invite's role, expiry,
//! single use, revocation, and sign-up validation.

mod common;

use common::*;
use serde_json::json;

async fn lookup(s: &TestServer, token: &str) -> Answer {
    s.post("/invite/lookup", &Auth::None, json!({ "token": token }))
        .await
}

async fn accept(s: &TestServer, token: &str, email: &str, password: &str) -> Answer {
    s.post(
        "/invite/accept",
        &Auth::None,
        json!({ "token": token, "email": email, "password": password }),
    )
    .await
}

#[tokio::test]
async fn invite_carries_its_role_into_the_new_account() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let created = s
        .post(
            "/invite",
            &admin,
            json!({ "role": "analyst", "expiresInHours": 24 }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let token = created.body["token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 22, "≥128 bits of randomness");
    assert_eq!(created.body["invite"]["role"], "analyst");
    assert_eq!(created.body["invite"]["createdBy"], ADMIN);

    // Listed without the secret.
    let list = s.get("/invite", &admin).await;
    assert_eq!(list.assert_ok()["invites"].as_array().unwrap().len(), 1);
    assert!(!list.body.to_string().contains(&token));

    let offer = lookup(&s, &token).await;
    assert_eq!(offer.assert_ok()["organisationName"], "Demo Streaming GmbH");
    assert_eq!(offer.body["role"]["name"], "analyst");
    assert_eq!(offer.body["role"]["displayName"], "Analyst");

    let signed_up = accept(&s, &token, "Ada.Analyst@example.com", "a-long-password").await;
    assert_eq!(signed_up.status, 201, "{}", signed_up.body);
    assert_eq!(signed_up.body["user"]["role"], "analyst");
    assert!(signed_up.body.get("apiKey").is_none());
    let auth = Auth::Token(signed_up.body["token"].as_str().unwrap().to_owned());
    let me = s.get("/user/me", &auth).await;
    assert_eq!(me.assert_ok()["role"]["name"], "analyst");
    assert_eq!(me.body["user"]["email"], "Ada.Analyst@example.com");
    // The new password works for a normal login too.
    s.login_answer("ada.analyst@example.com", "a-long-password")
        .await
        .assert_ok();
    // Used invites leave the pending list.
    assert!(s.get("/invite", &admin).await.body["invites"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn an_invite_works_only_once() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", None).await;
    accept(&s, &token, "first@example.com", "first-password")
        .await
        .assert_ok();
    let again = accept(&s, &token, "second@example.com", "second-password").await;
    again.assert_error(410, 3002);
    assert!(again.message().contains("used"), "{}", again.message());
    let l = lookup(&s, &token).await;
    l.assert_error(410, 3002);
    assert!(l.message().contains("used"));
}

#[tokio::test]
async fn invites_expire() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", Some(1)).await;
    lookup(&s, &token).await.assert_ok();
    s.advance(3601).await;
    let l = lookup(&s, &token).await;
    l.assert_error(410, 3002);
    assert!(l.message().contains("expired"), "{}", l.message());
    accept(&s, &token, "late@example.com", "late-password")
        .await
        .assert_error(410, 3002);
    assert!(s.get("/invite", &s.key()).await.body["invites"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn default_validity_is_72_hours() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", None).await;
    s.advance(72 * 3600 - 10).await;
    lookup(&s, &token).await.assert_ok();
    s.advance(20).await;
    lookup(&s, &token).await.assert_error(410, 3002);
}

#[tokio::test]
async fn revoked_invites_cannot_be_used() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let (id, token) = s.invite("nanoReadOnly", None).await;
    assert_eq!(s.delete(&format!("/invite/{id}"), &admin).await.status, 204);
    let l = lookup(&s, &token).await;
    l.assert_error(410, 3002);
    assert!(l.message().contains("revoked"), "{}", l.message());
    accept(&s, &token, "x@example.com", "x-password-long")
        .await
        .assert_error(410, 3002);
    // Revoking twice, or an unknown id, is 404.
    s.delete(&format!("/invite/{id}"), &admin)
        .await
        .assert_error(404, 3001);
    s.delete("/invite/424242", &admin)
        .await
        .assert_error(404, 3001);
}

#[tokio::test]
async fn unknown_tokens_are_not_valid() {
    let s = start().await;
    let l = lookup(&s, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    l.assert_error(410, 3002);
    assert!(l.message().contains("not valid"), "{}", l.message());
}

#[tokio::test]
async fn sign_up_validates_email_password_and_uniqueness() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", None).await;
    let bad_email = accept(&s, &token, "not-an-email", "long-enough-pw").await;
    bad_email.assert_error(400, 1005);
    assert_eq!(bad_email.body["error"]["userinfo"]["field"], "email");
    let short = accept(&s, &token, "ok@example.com", "short").await;
    short.assert_error(400, 1005);
    assert_eq!(short.body["error"]["userinfo"]["field"], "password");
    let taken = accept(&s, &token, "ADMIN@demo.local", "long-enough-pw").await;
    taken.assert_error(409, 1003);
    accept(&s, &token, "", "long-enough-pw")
        .await
        .assert_error(400, 1005);
    s.post(
        "/invite/accept",
        &Auth::None,
        json!({ "token": token, "email": "a@b.co" }),
    )
    .await
    .assert_error(400, 1002);
    // None of the failures used the invite up.
    accept(&s, &token, "ok@example.com", "long-enough-pw")
        .await
        .assert_ok();
}

#[tokio::test]
async fn create_validates_role_and_validity() {
    let s = start().await;
    let k = s.key();
    s.post("/invite", &k, json!({ "role": "superuser" }))
        .await
        .assert_error(400, 1005);
    s.post(
        "/invite",
        &k,
        json!({ "role": "nanoUser", "expiresInHours": 0 }),
    )
    .await
    .assert_error(400, 1005);
    s.post(
        "/invite",
        &k,
        json!({ "role": "nanoUser", "expiresInHours": 721 }),
    )
    .await
    .assert_error(400, 1005);
    s.post(
        "/invite",
        &k,
        json!({ "role": "nanoUser", "expiresInHours": 720 }),
    )
    .await
    .assert_ok();
    s.post("/invite", &k, json!({ "expiresInHours": 5 }))
        .await
        .assert_error(400, 1002);
    s.post(
        "/invite",
        &k,
        json!({ "role": "nanoUser", "expiresInHours": "soon" }),
    )
    .await
    .assert_error(400, 1004);
    // Created with the API key: the creator is the organisation.
    let list = s.get("/invite", &k).await;
    assert_eq!(list.body["invites"][0]["createdBy"], "organisation API key");
}

/// Input first: a malformed sign-up is refused for what it is, whatever its token,
/// before any invitation is looked up.
#[tokio::test]
async fn a_malformed_sign_up_is_refused_before_its_token_is_looked_up() {
    let s = start().await;
    let long_email = format!("{}@example.com", "a".repeat(300));
    for (email, password, field) in [
        (long_email.as_str(), "long-enough-pw", "email"),
        ("not-an-email", "long-enough-pw", "email"),
        ("new@example.com", "short", "password"),
    ] {
        let answer = s
            .post(
                "/invite/accept",
                &Auth::None,
                json!({ "token": "no-such-invitation", "email": email, "password": password }),
            )
            .await;
        answer.assert_error(400, 1005);
        assert_eq!(answer.body["error"]["userinfo"]["field"], field);
    }
    // Well-formed, with a token no invitation has: the link is gone.
    s.post(
        "/invite/accept",
        &Auth::None,
        json!({ "token": "no-such-invitation", "email": "new@example.com", "password": "long-enough-pw" }),
    )
    .await
    .assert_error(410, 3002);
}
