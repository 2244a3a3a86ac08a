//! Brute force and overload: failed logins lock the account and the client address
//! (429 with Retry-After, alike for known and unknown emails), password hashing is
//! bounded (503 with Retry-After), and the endpoints without authentication demand
//! a JSON content type (415).

mod common;

use bintu_backend::throttle::{ACCOUNT_POLICY, ADDRESS_POLICY};
use common::*;
use reqwest::StatusCode;
use serde_json::json;

const UNKNOWN: &str = "nobody@demo.local";

fn retry_after(a: &Answer) -> u64 {
    let header: u64 = a.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert_eq!(
        a.body["error"]["userinfo"]["retryAfter"], header,
        "{}",
        a.body
    );
    header
}

/// Fails `ACCOUNT_POLICY.free_failures + 1` times, which sets the first lock.
async fn fail_until_locked(s: &TestServer, email: &str) -> Vec<String> {
    let mut messages = Vec::new();
    for _ in 0..=ACCOUNT_POLICY.free_failures {
        let a = s.login_answer(email, "not-the-password").await;
        a.assert_error(401, 4002);
        messages.push(a.message().to_owned());
    }
    messages
}

#[tokio::test]
async fn wrong_passwords_lock_known_and_unknown_accounts_alike_until_the_clock_moves() {
    let s = start().await;
    let known = fail_until_locked(&s, ADMIN).await;
    let unknown = fail_until_locked(&s, UNKNOWN).await;
    assert_eq!(
        known, unknown,
        "the same sentences for known and unknown accounts"
    );

    let first_lock = ACCOUNT_POLICY
        .lock_secs(ACCOUNT_POLICY.free_failures + 1)
        .unwrap();
    for email in [ADMIN, UNKNOWN, "  Admin@Demo.Local "] {
        // Even the right password waits: the lock is checked before any password work.
        let a = s.login_answer(email, DEMO_PASSWORD).await;
        a.assert_error(429, 4004);
        assert!((1..=first_lock).contains(&retry_after(&a)), "{}", a.body);
        assert!(a.message().contains("Try again in"), "{}", a.message());
    }
    // Other accounts are not affected.
    s.login(USER).await;

    s.advance(first_lock).await;
    s.login(ADMIN).await;
    // A success clears the account's count: one new failure does not lock it.
    s.login_answer(ADMIN, "not-the-password")
        .await
        .assert_error(401, 4002);
    s.login(ADMIN).await;
}

#[tokio::test]
async fn the_lock_doubles_with_each_failure_after_it_expires() {
    let s = start().await;
    fail_until_locked(&s, UNKNOWN).await;
    let first = ACCOUNT_POLICY
        .lock_secs(ACCOUNT_POLICY.free_failures + 1)
        .unwrap();
    s.advance(first).await;
    s.login_answer(UNKNOWN, "still-wrong")
        .await
        .assert_error(401, 4002);
    let a = s.login_answer(UNKNOWN, "still-wrong").await;
    a.assert_error(429, 4004);
    assert!(retry_after(&a) > first, "{}", a.body);
}

#[tokio::test]
async fn one_client_address_guessing_many_accounts_is_locked() {
    let s = start().await;
    for i in 0..=ADDRESS_POLICY.free_failures {
        s.login_answer(&format!("guess{i}@demo.local"), "x")
            .await
            .assert_error(401, 4002);
    }
    let a = s.login_answer("fresh@demo.local", "x").await;
    a.assert_error(429, 4004);
    assert!(retry_after(&a) >= 1);
}

#[tokio::test]
async fn a_login_storm_beyond_the_hashing_queue_is_answered_503_and_the_server_stays_usable() {
    let s = start_with(|c| {
        c.hash_workers = 1;
        c.hash_waiting = 1;
        // Only the queue is under test here.
        c.address_throttle.free_failures = u32::MAX;
    })
    .await;
    let admin = s.login(ADMIN).await;
    let storm: Vec<_> = (0..40)
        .map(|i| {
            let (client, url) = (s.client.clone(), format!("{}/user/validate", s.api));
            tokio::spawn(async move {
                let resp = client
                    .post(url)
                    .json(&json!({ "email": format!("storm{i}@demo.local"), "password": "x" }))
                    .send()
                    .await
                    .unwrap();
                let retry = resp.headers().get("retry-after").is_some();
                (resp.status(), retry)
            })
        })
        .collect();
    let mut busy = 0;
    for task in storm {
        let (status, retry) = task.await.unwrap();
        match status {
            StatusCode::UNAUTHORIZED => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(retry, "503 without Retry-After");
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(busy > 0, "a queue of 2 let 40 concurrent hashes through");
    s.get("/user/me", &admin).await.assert_ok();
}

#[tokio::test]
async fn unauthenticated_posts_demand_a_json_content_type() {
    let s = start().await;
    let body = json!({ "email": ADMIN, "password": DEMO_PASSWORD }).to_string();
    for content_type in ["text/plain", "application/x-www-form-urlencoded", ""] {
        for path in ["/user/validate", "/invite/lookup", "/invite/accept"] {
            let mut req = s.client.post(format!("{}{path}", s.api)).body(body.clone());
            if !content_type.is_empty() {
                req = req.header("content-type", content_type);
            }
            let resp = req.send().await.unwrap();
            assert_eq!(resp.status(), 415, "{path} as {content_type:?}");
            let envelope: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(envelope["error"]["code"], 1007);
        }
    }
    let charset = s
        .client
        .post(format!("{}/user/validate", s.api))
        .header("content-type", "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(charset.status(), 200);
    // With a token the content type stays free (a custom header already forces a
    // CORS preflight).
    let admin = s.login(ADMIN).await;
    let Auth::Token(token) = admin else {
        unreachable!()
    };
    let vod = s
        .client
        .put(format!("{}/organisation/vod", s.api))
        .header("X-BINTU-TOKEN", token)
        .header("content-type", "text/plain")
        .body(r#"{"public":true}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(vod.status(), 200);
}
