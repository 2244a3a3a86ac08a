//! The one HTTP client of the console, over gloo-net. It knows nothing of the session.
//!
//! `ApiClient` is provided as context (see [`use_api`]). It prefixes the configured
//! base URL, asks its [`TokenSource`] for the token to send in `X-BINTU-TOKEN`, and
//! maps every answer: 2xx → `T`, error envelope → [`ApiError::Server`], anything else
//! → [`ApiError::Unexpected`], no answer → [`ApiError::Network`]. A 401 with
//! 4001/4003 for a request that carried a token goes to its [`OnUnauthorized`].
//!
//! For wasm size the generic part is thin: [`ApiClient::exchange`] is one non-generic
//! function that builds, sends and reads a request; `get`/`post`/… only (de)serialize
//! around it, so each answer type adds its serde code and nothing else.
//!
//! Resource modules (`organisation`, `tags`, `users`, `invites`, `roles`, `auth`) are
//! thin functions over [`ApiClient::get`] & co.

pub mod activity;
pub mod auth;
mod error;
pub mod error_text;
pub mod invites;
pub mod json;
pub mod organisation;
pub mod reach;
pub mod roles;
pub mod tags;
mod token;
pub mod users;

use std::sync::Arc;

use bintu_wire::HEADER_TOKEN;
pub use gloo_net::http::Method;
use gloo_net::http::RequestBuilder;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

pub use error::{decode_answer, decode_body, decode_error, ApiError};
pub use token::{OnUnauthorized, TokenFuture, TokenSource};

/// The API client; cheap to clone, provided once as context.
#[derive(Clone)]
pub struct ApiClient {
    base: Arc<str>,
    token: TokenSource,
    on_unauthorized: OnUnauthorized,
}

/// The client provided by the app; panics outside it (a programming error).
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

/// A 2xx answer: its status and body text.
struct Answer {
    status: u16,
    text: String,
}

impl ApiClient {
    /// A client for the API at `base_url` (e.g. `/api` or `https://host/api`) that
    /// sends what `token` gives and reports refused tokens to `on_unauthorized`.
    pub fn new(base_url: &str, token: TokenSource, on_unauthorized: OnUnauthorized) -> Self {
        Self {
            base: Arc::from(base_url.trim_end_matches('/')),
            token,
            on_unauthorized,
        }
    }

    /// The API's base URL as configured (`/api`, `https://host/api`).
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// `GET path`.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(self.exchange(Method::GET, path, None).await?)
    }

    /// `GET path?query`, the query serialized from a wire type.
    pub async fn get_query<Q: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        query: &Q,
    ) -> Result<T, ApiError> {
        let path = join_query(path, &encode_query(query)?);
        self.get(&path).await
    }

    /// `POST path` with a JSON body.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send(Method::POST, path, body).await
    }

    /// `method path` with a JSON body (`PUT` & co.).
    pub async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        decode(self.exchange(method, path, Some(to_json(body)?)).await?)
    }

    /// `POST path` without a body (e.g. `/user/logout`); the answer is ignored.
    pub async fn post_empty(&self, path: &str) -> Result<(), ApiError> {
        self.exchange(Method::POST, path, None).await.map(drop)
    }

    /// `DELETE path` (a 204 answer).
    pub async fn delete(&self, path: &str) -> Result<(), ApiError> {
        self.exchange(Method::DELETE, path, None).await.map(drop)
    }

    /// The non-generic core: sends `method path` with an optional JSON body and the
    /// token, and returns a 2xx answer's text or the [`ApiError`] of any other. A
    /// refused token is asked for again once, where the source may have a fresh one;
    /// the token finally refused goes to [`OnUnauthorized`].
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        json: Option<String>,
    ) -> Result<Answer, ApiError> {
        let url = format!("{}{}", self.base, path);
        let mut token = self.token.get().await;
        let mut result = send_once(method.clone(), &url, json.as_deref(), token.as_deref()).await;
        if self.token.asks_again() && refused(&result, &token) {
            let fresh = self.token.get().await;
            if fresh.is_some() && fresh != token {
                token = fresh;
                result = send_once(method, &url, json.as_deref(), token.as_deref()).await;
            }
        }
        if refused(&result, &token) {
            if let Some(t) = token {
                self.on_unauthorized.call(t);
            }
        }
        log_failure(path, &result);
        result
    }
}

/// A failed request in the browser's console, for whoever looks into it. Written
/// out rather than `{:?}`: the derived `Debug` of the error cost every first visit
/// 0.5 to 0.8 KB brotli.
fn log_failure(path: &str, result: &Result<Answer, ApiError>) {
    match result {
        Ok(_) => {}
        Err(ApiError::Server {
            status,
            code,
            message,
            ..
        }) => leptos::logging::warn!("{path}: HTTP {status}, code {code}: {message}"),
        Err(ApiError::Unexpected { status, detail }) => {
            leptos::logging::warn!("{path}: HTTP {status}: {detail}")
        }
        Err(ApiError::Network(detail)) => leptos::logging::warn!("{path}: no answer: {detail}"),
    }
}

/// Whether the server refused the token a request carried.
fn refused(result: &Result<Answer, ApiError>, token: &Option<String>) -> bool {
    token.is_some() && matches!(result, Err(e) if e.is_session_invalid())
}

/// One request: built, sent and read.
async fn send_once(
    method: Method,
    url: &str,
    json: Option<&str>,
    token: Option<&str>,
) -> Result<Answer, ApiError> {
    let mut builder = RequestBuilder::new(url)
        .method(method)
        .header("Accept", "application/json");
    if let Some(t) = token {
        builder = builder.header(HEADER_TOKEN, t);
    }
    let request = match json {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body.to_string()),
        None => builder.build(),
    }
    .map_err(|e| unexpected(format!("could not build the request: {e}")))?;
    let response = request
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let text = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if (200..300).contains(&status) {
        return Ok(Answer { status, text });
    }
    Err(decode_error(status, &text).with_retry_after(retry_after.as_deref()))
}

fn decode<T: DeserializeOwned>(answer: Answer) -> Result<T, ApiError> {
    decode_body(answer.status, &answer.text)
}

fn to_json<B: Serialize>(body: &B) -> Result<String, ApiError> {
    json::to_string(body).map_err(|e| unexpected(format!("could not encode the body: {e}")))
}

/// A wire query type as `k=v&...` (`application/x-www-form-urlencoded`, what the
/// backend's query extractor reads); `None` fields are left out.
pub fn encode_query<Q: Serialize>(query: &Q) -> Result<String, ApiError> {
    serde_urlencoded::to_string(query)
        .map_err(|e| unexpected(format!("could not encode the query: {e}")))
}

/// `path?query`, or `path` for an empty query; the query already encoded (unlike
/// `domain::query::with_query`, which encodes its pairs).
pub fn join_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

fn unexpected(detail: String) -> ApiError {
    ApiError::Unexpected { status: 0, detail }
}
