//! An invite lives only as long as its creator may issue it; the caller's role is
//! the one of the moment the data changes; sign-up refuses deceptive input and an
//! invite cannot be used to probe many emails.

mod common;

use axum::extract::State;
use axum::Json;
use bintu_backend::caller::{Caller, Session};
use bintu_backend::db::{roles, users};
use bintu_backend::extract::IdPath;
use bintu_backend::handlers;
use bintu_backend::Config;
use bintu_wire::SetPermissionRequest;
use common::*;
use serde_json::json;

async fn accept(s: &TestServer, token: &str, email: &str, password: &str) -> Answer {
    s.post(
        "/invite/accept",
        &Auth::None,
        json!({ "token": token, "email": email, "password": password }),
    )
    .await
}

/// A new admin with a password, and an admin invite they created.
async fn admin_with_invite(s: &TestServer, email: &str) -> (Auth, String) {
    let creator = s.sign_up("nanoAdmin", email).await;
    let created = s
        .post("/invite", &creator, json!({ "role": "nanoAdmin" }))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    (creator, created.body["token"].as_str().unwrap().to_owned())
}

async fn pending_count(s: &TestServer) -> usize {
    s.get("/invite", &s.key()).await.body["invites"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_deleted_admins_invites_no_longer_sign_anyone_up() {
    let s = start().await;
    let (_, token) = admin_with_invite(&s, "creator@example.com").await;
    assert_eq!(pending_count(&s).await, 1);
    let id = s.user_id("creator@example.com").await;
    s.delete(&format!("/user/{id}"), &s.key()).await.assert_ok();

    assert_eq!(pending_count(&s).await, 0, "revoked with the user");
    accept(&s, &token, "late@example.com", "long-enough-pw")
        .await
        .assert_error(410, 3002);
}

#[tokio::test]
async fn a_demoted_admins_invites_are_revoked_with_the_demotion() {
    let s = start().await;
    let (_, token) = admin_with_invite(&s, "creator@example.com").await;
    let id = s.user_id("creator@example.com").await;
    s.put(
        "/user/permission",
        &s.key(),
        json!({ "userId": id, "role": "nanoUser" }),
    )
    .await
    .assert_ok();
    assert_eq!(pending_count(&s).await, 0);
    let a = accept(&s, &token, "late@example.com", "long-enough-pw").await;
    a.assert_error(410, 3002);
    // Invites of the API key and of other admins are untouched.
    let (_, other) = s.invite("nanoUser", None).await;
    accept(&s, &other, "fine@example.com", "long-enough-pw")
        .await
        .assert_ok();
}

/// A caller as the extractor built it a moment ago, when `email` was still an admin.
async fn stale_admin(state: &bintu_backend::state::AppState, email: &str) -> Caller {
    let email = email.to_owned();
    state
        .db
        .run(move |conn| {
            let user = users::by_email(conn, &email)?.unwrap();
            let role = roles::get(conn, "nanoAdmin")?.unwrap();
            Ok(Caller {
                user: Some(user),
                role,
                session: Some(Session {
                    token_hash: "irrelevant".into(),
                    expires_at: i64::MAX,
                }),
            })
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_demoted_after_authentication_is_refused_inside_the_transaction() {
    let (_, app) = bintu_backend::spawn(Config {
        port: 0,
        db: ":memory:".into(),
        ..Config::default()
    })
    .await
    .unwrap();
    let state = app.state.clone();
    let caller = stale_admin(&state, ADMIN).await;
    let target = state
        .db
        .run(|conn| {
            let admin = users::by_email(conn, ADMIN)?.unwrap();
            users::set_role(conn, admin.id, "nanoReadOnly")?;
            Ok(users::by_email(conn, USER)?.unwrap().id)
        })
        .await
        .unwrap();

    let deleted =
        handlers::users::delete(State(state.clone()), IdPath(target), caller.clone()).await;
    let err = deleted.expect_err("a read-only user deleted someone");
    assert_eq!(
        err.status_and_code(),
        (reqwest::StatusCode::FORBIDDEN, 2001)
    );

    let promoted = handlers::users::set_permission(
        State(state.clone()),
        bintu_backend::extract::AuthedJson(
            caller,
            SetPermissionRequest {
                user_id: target,
                role: "nanoAdmin".into(),
            },
        ),
    )
    .await;
    assert!(promoted.is_err(), "a read-only user promoted someone");
    let Json(_) = handlers::users::get(
        State(state.clone()),
        IdPath(target),
        stale_admin(&state, ADMIN).await,
    )
    .await
    .expect("reads are not part of this rule");
}

#[tokio::test]
async fn sign_up_refuses_invisible_characters_in_emails_and_control_characters_in_passwords() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", None).await;
    for email in ["ad\u{200B}min@demo.local", "admin@\u{202E}lacol.omed"] {
        let a = accept(&s, &token, email, "long-enough-pw").await;
        a.assert_error(400, 1005);
        assert_eq!(a.body["error"]["userinfo"]["field"], "email");
    }
    let a = accept(&s, &token, "new@example.com", &"\0".repeat(12)).await;
    a.assert_error(400, 1005);
    assert_eq!(a.body["error"]["userinfo"]["field"], "password");
    // None of that used the invite.
    accept(&s, &token, "new@example.com", "long-enough-pw")
        .await
        .assert_ok();
}

#[tokio::test]
async fn an_invite_that_meets_existing_emails_three_times_is_spent() {
    let s = start().await;
    let (_, token) = s.invite("nanoUser", None).await;
    for (i, taken) in [ADMIN, USER, READONLY].iter().enumerate() {
        let a = accept(&s, &token, taken, "long-enough-pw").await;
        a.assert_error(409, 1003);
        assert_eq!(
            a.message().contains("no longer be used"),
            i == 2,
            "{}",
            a.message()
        );
    }
    accept(&s, &token, "fresh@example.com", "long-enough-pw")
        .await
        .assert_error(410, 3002);
}

#[tokio::test]
async fn a_taken_email_is_refused_before_any_hashing() {
    // One hashing slot: if a taken email were hashed first, most of these
    // concurrent attempts would meet a full queue (503) instead of 409.
    let s = start_with(|c| {
        c.hash_workers = 1;
        c.hash_waiting = 0;
    })
    .await;
    let tokens: Vec<String> = twenty_invites(&s).await;
    let attempts: Vec<_> = tokens
        .into_iter()
        .map(|token| {
            let (client, url) = (s.client.clone(), format!("{}/invite/accept", s.api));
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&json!({ "token": token, "email": ADMIN, "password": "long-enough-pw" }))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    for attempt in attempts {
        assert_eq!(attempt.await.unwrap(), 409);
    }
}

/// Twenty fresh invites.
async fn twenty_invites(s: &TestServer) -> Vec<String> {
    let mut tokens = Vec::new();
    for _ in 0..20 {
        tokens.push(s.invite("nanoUser", None).await.1);
    }
    tokens
}
