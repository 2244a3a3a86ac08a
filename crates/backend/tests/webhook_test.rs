//! `POST /organisation/webhook/test`: a sample publish call to a receiver the test
//! starts on loopback (the server runs with `--allow-internal-webhooks`), and the
//! refusal to reach internal addresses without that flag.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use common::*;
use serde_json::json;

/// What the receiver saw: the form fields of each call.
type Seen = Arc<Mutex<Vec<Vec<(String, String)>>>>;

/// Starts a receiver on 127.0.0.1 that answers `status` with `body` after `delay`;
/// returns its URL and what it receives.
async fn receiver(status: u16, body: &'static str, delay: Duration) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let app = Router::new()
        .route(
            "/hook",
            post(move |State(seen): State<Seen>, form: String| async move {
                let fields: Vec<(String, String)> = form
                    .split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                seen.lock().unwrap().push(fields);
                tokio::time::sleep(delay).await;
                (StatusCode::from_u16(status).unwrap(), body)
            }),
        )
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), seen)
}

async fn set_and_test(s: &TestServer, url: &str) -> Answer {
    let admin = s.login(ADMIN).await;
    s.put("/organisation/webhook", &admin, json!({ "webhook": url }))
        .await
        .assert_ok();
    s.post("/organisation/webhook/test", &admin, json!({}))
        .await
}

#[tokio::test]
async fn a_200_would_allow_and_the_call_is_a_publish_form() {
    let s = start_with(|c| c.allow_internal_webhooks = true).await;
    let (url, seen) = receiver(200, "ok, allowed", Duration::ZERO).await;
    let a = set_and_test(&s, &url).await;
    let r = a.assert_ok();
    assert_eq!(r["verdict"], "allow");
    assert_eq!(r["status"], 200);
    assert_eq!(r["bodyPreview"], "ok, allowed");
    assert_eq!(r["url"], url.as_str());
    assert!(r["elapsedMs"].as_u64().is_some());
    let calls = seen.lock().unwrap().clone();
    assert_eq!(calls.len(), 1);
    let names: Vec<&str> = calls[0].iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["call", "name", "app", "addr", "clientid"]);
    assert_eq!(calls[0][0], ("call".into(), "publish".into()));
}

#[tokio::test]
async fn a_403_would_deny_and_other_answers_would_fail() {
    let s = start_with(|c| c.allow_internal_webhooks = true).await;
    let (url, _) = receiver(403, "no", Duration::ZERO).await;
    let r = set_and_test(&s, &url).await;
    assert_eq!(r.assert_ok()["verdict"], "deny");
    let (url, _) = receiver(500, "boom", Duration::ZERO).await;
    let r = set_and_test(&s, &url).await;
    assert_eq!(r.assert_ok()["verdict"], "fail");
    assert_eq!(r.body["status"], 500);
}

#[tokio::test]
async fn only_the_first_bytes_of_a_long_answer_are_returned() {
    let s = start_with(|c| c.allow_internal_webhooks = true).await;
    let long: &'static str = Box::leak("x".repeat(100_000).into_boxed_str());
    let (url, _) = receiver(200, long, Duration::ZERO).await;
    let r = set_and_test(&s, &url).await;
    assert_eq!(
        r.assert_ok()["bodyPreview"].as_str().unwrap().len(),
        bintu_wire::PREVIEW_BYTES
    );
}

#[tokio::test]
async fn no_answer_in_time_is_a_timeout_and_nobody_listening_is_refused() {
    let s = start_with(|c| c.allow_internal_webhooks = true).await;
    let (url, _) = receiver(200, "late", Duration::from_secs(8)).await;
    let r = set_and_test(&s, &url).await;
    let body = r.assert_ok();
    assert_eq!(body["verdict"], "fail");
    assert_eq!(body["error"]["kind"], "timeout", "{body}");
    assert!(body.get("status").is_none());
    assert!(body["elapsedMs"].as_u64().unwrap() < 7_000);

    // A port nobody listens on (bound, then closed).
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let r = set_and_test(&s, &format!("http://127.0.0.1:{port}/hook")).await;
    assert_eq!(r.assert_ok()["error"]["kind"], "refused", "{}", r.body);
}

#[tokio::test]
async fn https_to_a_server_that_speaks_no_tls_is_a_tls_error() {
    let s = start_with(|c| c.allow_internal_webhooks = true).await;
    let (url, _) = receiver(200, "plain http", Duration::ZERO).await;
    let r = set_and_test(&s, &url.replace("http://", "https://")).await;
    let body = r.assert_ok();
    assert_eq!(body["verdict"], "fail");
    assert_eq!(body["error"]["kind"], "tls", "{body}");
}

#[tokio::test]
async fn without_the_flag_an_internal_target_is_refused_naming_the_flag() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let (url, seen) = receiver(200, "ok", Duration::ZERO).await;
    // Setting it is refused as before…
    s.put("/organisation/webhook", &admin, json!({ "webhook": url }))
        .await
        .assert_error(400, 1005);
    // …and one stored earlier (e.g. while the flag was on) is not called.
    s.db_exec(&format!("UPDATE organisation SET webhook = '{url}'"))
        .await;
    let a = s
        .post("/organisation/webhook/test", &admin, json!({}))
        .await;
    a.assert_error(400, 1005);
    assert!(
        a.message().contains("--allow-internal-webhooks"),
        "{}",
        a.message()
    );
    assert_eq!(a.body["error"]["userinfo"]["field"], "webhook");
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn no_webhook_is_a_clear_error_and_only_webhook_setters_may_test() {
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let a = s
        .post("/organisation/webhook/test", &admin, json!({}))
        .await;
    a.assert_error(400, 1005);
    assert!(a.message().contains("No webhook"), "{}", a.message());
    for who in [USER, READONLY] {
        let auth = s.login(who).await;
        s.post("/organisation/webhook/test", &auth, json!({}))
            .await
            .assert_error(403, 2001);
    }
}
