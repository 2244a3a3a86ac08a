//! Test helpers: start the real server in-process on 127.0.0.1:0 with a `:memory:`
//! database and a temporary `dist` holding an index.html with an inline script, and
//! talk to it over HTTP.

#![allow(dead_code)] // each test binary uses a different subset

use bintu_backend::Config;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

/// The inline bootstrap script of the test index.html (what trunk would inject).
pub const INLINE_SCRIPT: &str =
    "import init, * as bindings from '/org-console.js';\nconst wasm = await init({ module_or_path: '/org-console_bg.wasm' });\nwindow.wasmBindings = bindings;";

pub const DEMO_PASSWORD: &str = "demo-password";
pub const ADMIN: &str = "admin@demo.local";
pub const USER: &str = "user@demo.local";
pub const READONLY: &str = "readonly@demo.local";
/// The second seeded admin (no password).
pub const OTHER_ADMIN: &str = "lena.fischer@demo-streaming.de";

/// A running server and a client for it.
pub struct TestServer {
    /// `http://127.0.0.1:port`
    pub base: String,
    /// `base` + API prefix.
    pub api: String,
    pub client: reqwest::Client,
    pub api_key: String,
    pub dist: Option<TempDir>,
    /// The server's database, for tests that set up what the API cannot.
    pub db: bintu_backend::db::Db,
}

/// How a request authenticates.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Token(String),
    ApiKey(String),
}

/// An answer: status, JSON body (Null if not JSON), headers.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub headers: HeaderMap,
}

impl Answer {
    /// The envelope's error code (panics if this is not an error envelope).
    pub fn code(&self) -> u64 {
        self.body["error"]["code"]
            .as_u64()
            .unwrap_or_else(|| panic!("not an error envelope: {} {}", self.status, self.body))
    }

    pub fn message(&self) -> &str {
        self.body["error"]["message"].as_str().unwrap_or("")
    }

    /// Asserts status and code of an error answer.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: u64) {
        assert_eq!(
            (self.status.as_u16(), self.code()),
            (status, code),
            "body: {}",
            self.body
        );
    }

    #[track_caller]
    pub fn assert_ok(&self) -> &Value {
        assert!(self.status.is_success(), "{}: {}", self.status, self.body);
        &self.body
    }
}

/// A temporary dist folder with index.html (one inline and one external script) and app.js.
/// The body of the fake embedding example's host page.
pub const EMBED_HOST_PAGE: &str = "<!DOCTYPE html><title>Host</title><div data-org-console></div>";

pub fn make_dist() -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Console</title>\n<link rel=\"modulepreload\" href=\"/org-console.js\">\n<script type=\"module\">{INLINE_SCRIPT}</script>\n<script src=\"/extra.js\" defer></script>\n</head><body></body></html>\n"
    );
    std::fs::write(dir.path().join("index.html"), html).unwrap();
    std::fs::write(dir.path().join("app.js"), "console.log('app');\n").unwrap();
    std::fs::create_dir(dir.path().join("embed")).unwrap();
    std::fs::write(dir.path().join("embed/index.html"), EMBED_HOST_PAGE).unwrap();
    std::fs::write(dir.path().join("embed/host.js"), "console.log('host');\n").unwrap();
    dir
}

/// Starts a server with test hooks on and the given tweaks.
pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> TestServer {
    let dist = make_dist();
    let mut config = Config {
        host: "127.0.0.1".into(),
        port: 0,
        db: ":memory:".into(),
        dist: dist.path().to_path_buf(),
        test_hooks: true,
        ..Config::default()
    };
    tweak(&mut config);
    let keep_dist = config.dist == dist.path();
    let prefix = config.normalised_prefix().unwrap();
    let (addr, app) = bintu_backend::spawn(config).await.expect("server starts");
    let api_key = app
        .state
        .db
        .run(|conn| {
            Ok(bintu_backend::db::organisation::get(conn)?
                .expect("seeded")
                .api_key)
        })
        .await
        .unwrap();
    let base = format!("http://{addr}");
    TestServer {
        api: format!("{base}{prefix}"),
        base,
        // Never go through a proxy from the environment for 127.0.0.1.
        client: reqwest::Client::builder().no_proxy().build().unwrap(),
        api_key,
        dist: keep_dist.then_some(dist),
        db: app.state.db.clone(),
    }
}

/// Starts a server with the defaults (test hooks on).
pub async fn start() -> TestServer {
    start_with(|_| {}).await
}

impl TestServer {
    /// Sends `method path` (path below the API prefix) with optional JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        auth: &Auth,
        body: Option<Value>,
    ) -> Answer {
        let mut req = self.client.request(method, format!("{}{path}", self.api));
        req = match auth {
            Auth::None => req,
            Auth::Token(t) => req.header("X-BINTU-TOKEN", t),
            Auth::ApiKey(k) => req.header("X-BINTU-APIKEY", k),
        };
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request sent");
        Self::answer(resp).await
    }

    /// Sends a raw body (for malformed JSON and size tests).
    pub async fn call_raw(&self, method: Method, path: &str, auth: &Auth, body: Vec<u8>) -> Answer {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.api))
            .header("content-type", "application/json")
            .body(body);
        if let Auth::Token(t) = auth {
            req = req.header("X-BINTU-TOKEN", t);
        }
        if let Auth::ApiKey(k) = auth {
            req = req.header("X-BINTU-APIKEY", k);
        }
        Self::answer(req.send().await.expect("request sent")).await
    }

    async fn answer(resp: reqwest::Response) -> Answer {
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await.unwrap_or_default();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            body,
            headers,
        }
    }

    /// GET of a non-API URL: status, headers, text.
    pub async fn get_page(&self, path: &str) -> (StatusCode, HeaderMap, String) {
        let resp = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request sent");
        let (status, headers) = (resp.status(), resp.headers().clone());
        (status, headers, resp.text().await.unwrap_or_default())
    }

    pub async fn get(&self, path: &str, auth: &Auth) -> Answer {
        self.call(Method::GET, path, auth, None).await
    }

    pub async fn post(&self, path: &str, auth: &Auth, body: Value) -> Answer {
        self.call(Method::POST, path, auth, Some(body)).await
    }

    pub async fn put(&self, path: &str, auth: &Auth, body: Value) -> Answer {
        self.call(Method::PUT, path, auth, Some(body)).await
    }

    pub async fn delete(&self, path: &str, auth: &Auth) -> Answer {
        self.call(Method::DELETE, path, auth, None).await
    }

    /// The organisation's API key as auth.
    pub fn key(&self) -> Auth {
        Auth::ApiKey(self.api_key.clone())
    }

    /// Logs in and returns the full answer.
    pub async fn login_answer(&self, email: &str, password: &str) -> Answer {
        self.post(
            "/user/validate",
            &Auth::None,
            json!({ "email": email, "password": password }),
        )
        .await
    }

    /// Logs in with the demo password and returns the token as auth.
    pub async fn login(&self, email: &str) -> Auth {
        let a = self.login_answer(email, DEMO_PASSWORD).await;
        let body = a.assert_ok();
        Auth::Token(body["token"].as_str().expect("token").to_owned())
    }

    /// The id of the user with `email` (looked up with the API key).
    pub async fn user_id(&self, email: &str) -> i64 {
        let a = self
            .get(&format!("/user?q={email}&pageSize=200"), &self.key())
            .await;
        a.body["items"]
            .as_array()
            .and_then(|items| items.iter().find(|u| u["email"] == email))
            .and_then(|u| u["id"].as_i64())
            .unwrap_or_else(|| panic!("no user {email}: {}", a.body))
    }

    /// Runs SQL on the server's database directly.
    pub async fn db_exec(&self, sql: &str) {
        let sql = sql.to_owned();
        self.db
            .run(move |conn| Ok(conn.execute_batch(&sql)?))
            .await
            .expect("SQL runs");
    }

    /// Moves the server clock forward.
    pub async fn advance(&self, seconds: u64) {
        self.post(
            "/_test/advance-clock",
            &Auth::None,
            json!({ "seconds": seconds }),
        )
        .await
        .assert_ok();
    }

    /// Creates an invite for `role` with the API key; returns (id, token).
    pub async fn invite(&self, role: &str, hours: Option<u32>) -> (i64, String) {
        let mut body = json!({ "role": role });
        if let Some(h) = hours {
            body["expiresInHours"] = json!(h);
        }
        let a = self.post("/invite", &self.key(), body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        (
            a.body["invite"]["id"].as_i64().unwrap(),
            a.body["token"].as_str().unwrap().to_owned(),
        )
    }

    /// Signs up through a fresh invite for `role`; returns the new user's token.
    pub async fn sign_up(&self, role: &str, email: &str) -> Auth {
        let (_, token) = self.invite(role, None).await;
        let a = self
            .post(
                "/invite/accept",
                &Auth::None,
                json!({ "token": token, "email": email, "password": "long-enough-pw" }),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        Auth::Token(a.body["token"].as_str().unwrap().to_owned())
    }
}
