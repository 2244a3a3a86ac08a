//! The host's `getToken` (an async JS function) as the API client's token source.

use std::cell::RefCell;
use std::rc::Rc;

use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::TokenSource;
use crate::host_events::{ErrorKind, HostEvent, HostEvents};

/// The host's current `getToken`; the host may hand over another one while mounted.
#[derive(Clone, Default)]
pub struct HostTokenGetter(Rc<RefCell<Option<js_sys::Function>>>);

impl HostTokenGetter {
    /// A getter holding `f`.
    pub fn new(f: Option<js_sys::Function>) -> Self {
        Self(Rc::new(RefCell::new(f)))
    }

    /// Replaces the function.
    pub fn set(&self, f: Option<js_sys::Function>) {
        *self.0.borrow_mut() = f;
    }

    /// Whether the host gave a function at all.
    pub fn is_set(&self) -> bool {
        self.0.borrow().is_some()
    }

    /// Calls the host: its answer, awaited if it is a promise. A throw, a rejection
    /// or an answer that is not a non-empty string is an error with its message.
    async fn call(&self) -> Result<String, String> {
        let Some(f) = self.0.borrow().clone() else {
            return Err("getToken is not set".to_string());
        };
        let answer = f.call0(&JsValue::UNDEFINED).map_err(describe)?;
        let value = JsFuture::from(js_sys::Promise::resolve(&answer))
            .await
            .map_err(describe)?;
        value
            .as_string()
            .filter(|t| !t.is_empty())
            .ok_or_else(|| "getToken returned no token".to_string())
    }
}

/// A token source that asks the host for every request (and once more after a
/// refusal); a failing `getToken` is reported as an `authentication` error.
pub fn token_source(getter: HostTokenGetter, events: HostEvents) -> TokenSource {
    let getter = SendWrapper::new(getter);
    TokenSource::refreshable(move || {
        let getter = (*getter).clone();
        let events = events.clone();
        Box::pin(async move {
            match getter.call().await {
                Ok(token) => Some(token),
                Err(message) => {
                    events.emit(HostEvent::Error {
                        kind: ErrorKind::Authentication,
                        message,
                    });
                    None
                }
            }
        })
    })
}

/// A thrown JS value as a message.
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "getToken failed".to_string())
}
