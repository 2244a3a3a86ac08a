//! The one HTTP client of the console, over gloo-net.
//!
//! `ApiClient` is provided as context (see [`use_api`]). It prefixes the configured
//! base URL, sends the session token in `X-BINTU-TOKEN`, and maps every answer with
//! [`decode_answer`]: 2xx → `T`, error envelope → [`ApiError::Server`], anything else
//! → [`ApiError::Unexpected`], no answer → [`ApiError::Network`]. A 401 with 4001/4003
//! for a request that carried the current token expires the session.
//!
//! Resource modules (`organisation`, `tags`, `users`, `invites`, `roles`) are thin
//! functions over [`ApiClient::get`] & co.

mod error;
pub mod invites;
pub mod organisation;
pub mod roles;
pub mod tags;
pub mod users;

use std::sync::Arc;

use bintu_wire::HEADER_TOKEN;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

pub use error::{decode_answer, ApiError};

use crate::session::Session;

/// The API client; cheap to clone, provided once as context.
#[derive(Clone)]
pub struct ApiClient {
    base: Arc<str>,
    session: Session,
}

/// The client provided by the app; panics outside it (a programming error).
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

impl ApiClient {
    /// A client for the API at `base_url` (e.g. `/api` or `https://host/api`).
    pub fn new(base_url: &str, session: Session) -> Self {
        Self {
            base: Arc::from(base_url.trim_end_matches('/')),
            session,
        }
    }

    /// `GET path` (path includes any query, see `domain::query::with_query`).
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.send(Method::GET, path, None::<&()>).await
    }

    /// `POST path` with a JSON body.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send(Method::POST, path, Some(body)).await
    }

    /// `POST path` without a body (e.g. `/user/logout`).
    pub async fn post_empty<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.send(Method::POST, path, None::<&()>).await
    }

    /// `PUT path` with a JSON body.
    pub async fn put<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send(Method::PUT, path, Some(body)).await
    }

    /// `DELETE path`; use `T = ()` for a 204 answer.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.send(Method::DELETE, path, None::<&()>).await
    }

    async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let url = format!("{}{}", self.base, path);
        let token = self.session.token_untracked();
        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .header("Accept", "application/json");
        if let Some(t) = &token {
            builder = builder.header(HEADER_TOKEN, t);
        }
        let request = match body {
            Some(b) => builder.json(b),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Unexpected {
            status: 0,
            detail: format!("could not build the request: {e}"),
        })?;
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
        let result = decode_answer::<T>(status, &text)
            .map_err(|e| e.with_retry_after(retry_after.as_deref()));
        if let Err(err) = &result {
            if err.is_session_invalid()
                && token.is_some()
                && token == self.session.token_untracked()
            {
                // Not synchronously: ending the session tears down the pages whose
                // resources are still completing this very request.
                let session = self.session;
                leptos::prelude::set_timeout(move || session.expire(), std::time::Duration::ZERO);
            }
            leptos::logging::warn!("{path}: HTTP {status}: {err:?}");
        }
        result
    }
}
