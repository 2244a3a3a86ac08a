//! The token seam: where the client gets the token for a request, and whom it tells
//! when the server refuses one. Standalone, the session supplies both; an embedding
//! host can plug in its own async `getToken` through [`TokenSource::new`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a token source answers: the token to send, or `None` for no header.
pub type TokenFuture = Pin<Box<dyn Future<Output = Option<String>>>>;

/// Gives the token for each request; may be asynchronous (a host page's `getToken`).
#[derive(Clone)]
pub struct TokenSource {
    get: Arc<dyn Fn() -> TokenFuture + Send + Sync>,
    /// Whether a refused token is worth asking for again (a host may have a fresh
    /// one; the session's own token would only be refused again).
    asks_again: bool,
}

impl TokenSource {
    /// An asynchronous source, asked once per request.
    pub fn new(get: impl Fn() -> TokenFuture + Send + Sync + 'static) -> Self {
        Self {
            get: Arc::new(get),
            asks_again: false,
        }
    }

    /// A source that may have a fresh token after one was refused (a host page's
    /// `getToken`): the client asks it once more and repeats the request once.
    pub fn refreshable(get: impl Fn() -> TokenFuture + Send + Sync + 'static) -> Self {
        Self {
            asks_again: true,
            ..Self::new(get)
        }
    }

    /// A source that knows the token at once (e.g. the session's signal).
    pub fn immediate(get: impl Fn() -> Option<String> + Send + Sync + 'static) -> Self {
        Self::new(move || {
            let token = get();
            Box::pin(async move { token })
        })
    }

    /// The token for the next request.
    pub async fn get(&self) -> Option<String> {
        (self.get)().await
    }

    /// Whether to ask again after the server refused a token (see [`Self::refreshable`]).
    pub fn asks_again(&self) -> bool {
        self.asks_again
    }
}

/// Told the token a request carried when the server answered that it is expired or
/// revoked (401 with 4001/4003).
#[derive(Clone)]
pub struct OnUnauthorized(Arc<dyn Fn(String) + Send + Sync>);

impl OnUnauthorized {
    /// Calls `f` with the refused token.
    pub fn new(f: impl Fn(String) + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }

    /// Reports `token` as refused.
    pub fn call(&self, token: String) {
        (self.0)(token)
    }
}
