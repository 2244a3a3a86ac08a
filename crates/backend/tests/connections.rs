//! Slow and greedy clients: headers, bodies and idle connections time out, open
//! connections are capped, and a loopback server answers only loopback Host names
//! (plus --public-host).

mod common;

use std::time::{Duration, Instant};

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SHORT: Duration = Duration::from_millis(400);

async fn server_with_short_timeouts() -> TestServer {
    start_with(|c| {
        c.header_read_timeout = SHORT;
        c.body_read_timeout = SHORT;
    })
    .await
}

async fn connect(s: &TestServer) -> TcpStream {
    TcpStream::connect(s.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Reads until the server closes the connection (or 5 s pass); returns what was
/// read and how long it took.
async fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while started.elapsed() < Duration::from_secs(5) {
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Err(_) => break,
        }
    }
    (
        String::from_utf8_lossy(&out).into_owned(),
        started.elapsed(),
    )
}

#[tokio::test]
async fn a_client_sending_headers_slowly_is_cut_off() {
    let s = server_with_short_timeouts().await;
    let mut stream = connect(&s).await;
    stream
        .write_all(b"GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    let (_, took) = read_until_closed(&mut stream).await;
    assert!(took < Duration::from_secs(3), "open for {took:?}");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let s = server_with_short_timeouts().await;
    let mut stream = connect(&s).await;
    stream
        .write_all(b"GET /config.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let (answer, took) = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(took < Duration::from_secs(3), "idle for {took:?}");
}

#[tokio::test]
async fn a_body_that_stalls_is_refused() {
    let s = server_with_short_timeouts().await;
    let mut stream = connect(&s).await;
    stream
        .write_all(
            b"POST /api/user/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":",
        )
        .await
        .unwrap();
    let (answer, took) = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":1008"), "{answer}");
    assert!(
        took < Duration::from_secs(3),
        "waited {took:?} for the body"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let s = start_with(|c| c.max_connections = 2).await;
    let _first = connect(&s).await;
    let _second = connect(&s).await;
    // Give the server time to accept both.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut third = connect(&s).await;
    third
        .write_all(b"GET /config.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .ok();
    let (answer, took) = read_until_closed(&mut third).await;
    assert_eq!(answer, "", "the third connection was served");
    assert!(took < Duration::from_secs(1));
    drop((_first, _second));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (status, _, _) = s.get_page("/config.json").await;
    assert_eq!(status, 200, "a slot is free again");
}

async fn status_for_host(s: &TestServer, host: &str) -> (u16, serde_json::Value) {
    let mut stream = connect(s).await;
    let request =
        format!("GET /api/openapi.json HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut stream).await;
    let status = answer[9..12].parse().unwrap();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    (status, serde_json::from_str(body).unwrap_or_default())
}

#[tokio::test]
async fn a_loopback_server_answers_loopback_host_names_only() {
    let s = start_with(|c| c.public_hosts = vec!["console.example.com".into()]).await;
    let port = s.base.rsplit(':').next().unwrap().to_owned();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "console.example.com".to_owned(),
    ] {
        assert_eq!(status_for_host(&s, &host).await.0, 200, "{host}");
    }
    for host in [
        format!("attacker.example:{port}"),
        "127.0.0.1.attacker.example".to_owned(),
    ] {
        let (status, body) = status_for_host(&s, &host).await;
        assert_eq!(status, 400, "{host}");
        assert_eq!(body["error"]["userinfo"]["field"], "Host", "{body}");
    }
}
