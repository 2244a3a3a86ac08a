//! What the console tells a host page: `org-console:*` DOM events on the element it is
//! mounted in (bubbling and composed, so a listener on any ancestor, or outside a
//! shadow root, hears them). docs/embedding.md lists them with their detail fields.
//!
//! A leaf module (web-sys only): the session, the app and the embedding entry points
//! all emit through it.

use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

/// What went wrong, in `org-console:error`'s `detail.type`. The third type, `render`
/// (the console's wasm trapped), is told by `org-console.js`: after a trap no Rust
/// runs (`xtask/src/wasm.rs`, the panic strategy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The configuration or the API could not be reached.
    Network,
    /// The host's `getToken` failed (threw, rejected or returned no token).
    Authentication,
}

impl ErrorKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Authentication => "authentication",
        }
    }
}

/// One event to the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// Mounted and rendered; `detail: {basePath}`.
    Ready { base_path: String },
    /// The console showed another page; `detail: {path, url, title}` (`path` without,
    /// `url` with the base path, both with the query).
    Navigate {
        path: String,
        url: String,
        title: String,
    },
    /// The host's token was refused twice in a row; `detail: {}`.
    Unauthorized,
    /// The user chose "Log out" in the console; `detail: {}`.
    Logout,
    /// Something the console cannot recover from by itself; `detail: {type, message}`.
    Error { kind: ErrorKind, message: String },
}

impl HostEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Ready { .. } => "org-console:ready",
            Self::Navigate { .. } => "org-console:navigate",
            Self::Unauthorized => "org-console:unauthorized",
            Self::Logout => "org-console:logout",
            Self::Error { .. } => "org-console:error",
        }
    }

    /// The event's `detail` as `(field, value)` pairs.
    fn detail(&self) -> Vec<(&'static str, &str)> {
        match self {
            Self::Ready { base_path } => vec![("basePath", base_path)],
            Self::Navigate { path, url, title } => {
                vec![("path", path), ("url", url), ("title", title)]
            }
            Self::Unauthorized | Self::Logout => Vec::new(),
            Self::Error { kind, message } => vec![("type", kind.as_str()), ("message", message)],
        }
    }
}

/// The element the console is mounted in, as the target of its events. Provided as
/// context when the console is embedded (absent on the standalone page).
#[derive(Clone)]
pub struct HostEvents(SendWrapper<web_sys::HtmlElement>);

impl HostEvents {
    /// Events dispatched on `element`.
    pub fn new(element: web_sys::HtmlElement) -> Self {
        Self(SendWrapper::new(element))
    }

    /// Dispatches `event` on the host element.
    pub fn emit(&self, event: HostEvent) {
        let detail = js_sys::Object::new();
        for (key, value) in event.detail() {
            let _ = js_sys::Reflect::set(&detail, &key.into(), &JsValue::from_str(value));
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = self.0.dispatch_event(&e);
        }
    }
}

/// The host's event target, when the console is embedded.
pub fn use_host_events() -> Option<HostEvents> {
    leptos::prelude::use_context::<HostEvents>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_carry_the_documented_names_and_fields() {
        let navigate = HostEvent::Navigate {
            path: "/organisation/users?role=admin".into(),
            url: "/embed/org/organisation/users?role=admin".into(),
            title: "User Management".into(),
        };
        assert_eq!(navigate.name(), "org-console:navigate");
        assert_eq!(
            navigate.detail(),
            vec![
                ("path", "/organisation/users?role=admin"),
                ("url", "/embed/org/organisation/users?role=admin"),
                ("title", "User Management"),
            ]
        );
        let error = HostEvent::Error {
            kind: ErrorKind::Authentication,
            message: "getToken returned no token".into(),
        };
        assert_eq!(error.name(), "org-console:error");
        assert_eq!(
            error.detail(),
            vec![
                ("type", "authentication"),
                ("message", "getToken returned no token")
            ]
        );
        assert_eq!(HostEvent::Unauthorized.name(), "org-console:unauthorized");
        assert_eq!(HostEvent::Logout.name(), "org-console:logout");
        assert!(HostEvent::Logout.detail().is_empty());
        let ready = HostEvent::Ready {
            base_path: "/embed/org".into(),
        };
        assert_eq!(ready.name(), "org-console:ready");
        assert_eq!(ready.detail(), vec![("basePath", "/embed/org")]);
    }
}
