//! What reaches the log: no invite token, session token or key, and no path longer
//! than a line should be. The log is captured by a subscriber installed for this
//! test binary.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;
use serde_json::json;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything logged so far by any test of this binary.
fn log() -> String {
    static LOG: OnceLock<Captured> = OnceLock::new();
    let captured = LOG.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || writer.clone())
            .init();
        captured
    });
    String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned()
}

#[tokio::test]
async fn no_token_or_key_is_logged() {
    log();
    let s = start().await;
    let admin = s.login(ADMIN).await;
    let Auth::Token(session) = &admin else {
        unreachable!()
    };
    let (_, invite) = s.invite("nanoUser", None).await;
    let (status, _, _) = s.get_page(&format!("/invite/{invite}")).await;
    assert_eq!(status, 200);
    let (_, _, _) = s.get_page(&format!("/embed/invite/{invite}")).await;
    s.post("/invite/lookup", &Auth::None, json!({ "token": invite }))
        .await
        .assert_ok();
    s.post(
        "/invite/accept",
        &Auth::None,
        json!({ "token": invite, "email": "new@example.com", "password": "long-enough-pw" }),
    )
    .await
    .assert_ok();
    s.get("/organisation", &s.key()).await.assert_ok();
    s.get("/user/me", &admin).await.assert_ok();

    let log = log();
    assert!(
        log.contains("/invite/***"),
        "the page request is logged, masked:\n{log}"
    );
    for secret in [invite.as_str(), session.as_str(), s.api_key.as_str()] {
        assert!(!log.contains(secret), "a secret reached the log:\n{log}");
    }
}

#[tokio::test]
async fn long_paths_are_cut_in_the_log() {
    log();
    let s = start().await;
    let long_segment = "a".repeat(300);
    let long_path = format!("/{}", "b/".repeat(2500));
    s.get_page(&format!("/{long_segment}")).await;
    s.get_page(&long_path).await;
    s.get(&format!("/{long_segment}"), &Auth::None).await;

    let log = log();
    assert!(
        log.contains("…(5001 bytes)"),
        "the long path is logged, cut:\n{log}"
    );
    assert!(
        !log.contains(&long_segment),
        "a 300-byte segment reached the log"
    );
    let longest = log.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 600, "a log line of {longest} bytes");
}

/// A storm of 150 concurrent logins beyond the hashing queue: every shed login is
/// answered 503, and the log sums them up in WARN lines (one per interval) instead of
/// writing an ERROR line for each.
#[tokio::test]
async fn a_login_storm_is_summed_up_never_an_error_line_each() {
    log();
    let interval = std::time::Duration::from_millis(300);
    let s = start_with(|c| {
        c.hash_workers = 1;
        c.hash_waiting = 1;
        c.shed_report_interval = interval;
        // Only the queue is under test here.
        c.address_throttle.free_failures = u32::MAX;
    })
    .await;
    let started = std::time::Instant::now();
    let storm: Vec<_> = (0..150)
        .map(|i| {
            let (client, url) = (s.client.clone(), format!("{}/user/validate", s.api));
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&json!({ "email": format!("flood{i}@demo.local"), "password": "x" }))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    let mut shed = 0u64;
    for task in storm {
        if task.await.unwrap() == reqwest::StatusCode::SERVICE_UNAVAILABLE {
            shed += 1;
        }
    }
    let took = started.elapsed();
    assert!(shed > 0, "a queue of 2 let 150 concurrent hashes through");
    // The last interval's line, then a quiet one.
    tokio::time::sleep(interval * 3).await;

    let log = log();
    let errors: Vec<&str> = log.lines().filter(|l| l.contains(" ERROR ")).collect();
    assert!(
        errors.is_empty(),
        "ERROR lines during the storm:\n{}",
        errors.join("\n")
    );
    let summaries: Vec<&str> = log
        .lines()
        .filter(|l| l.contains(" WARN ") && l.contains("password-hashing queue is full"))
        .collect();
    let counted: u64 = summaries
        .iter()
        .filter_map(|l| {
            l.split("shed=")
                .nth(1)?
                .split_whitespace()
                .next()?
                .parse::<u64>()
                .ok()
        })
        .sum();
    assert_eq!(
        counted,
        shed,
        "the WARN lines count every 503:\n{}",
        summaries.join("\n")
    );
    let most = (took.as_millis() / interval.as_millis()) as usize + 2;
    assert!(
        summaries.len() <= most,
        "{} WARN lines for a storm of {took:?} (one per {interval:?} expected)",
        summaries.len()
    );
}
