//! The session: who is logged in and what they may do.
//!
//! The token lives in memory and in `sessionStorage` (so a reload in the same tab
//! keeps the user logged in, a new tab or a closed browser does not). It is never
//! written to `localStorage` or put in a URL. The return path after an expired
//! session is kept in `sessionStorage` too.

use bintu_wire::{LoginRequest, LoginResponse, Me};
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::domain::permissions::Capabilities;
use crate::domain::return_path;

const TOKEN_KEY: &str = "org-console.token";
const RETURN_KEY: &str = "org-console.return-to";

/// Where the session is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// Nobody is logged in.
    Anonymous,
    /// A token is known and `GET /user/me` is under way.
    Loading,
    /// Logged in, `Me` known.
    Ready,
    /// A token is known but `GET /user/me` failed for a reason other than the
    /// token (network, server): the shell offers a retry.
    Failed(ApiError),
}

/// Why the user sees the login page again; shown above the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginNotice {
    /// The server said the token is expired or revoked.
    Expired,
    /// The user logged out.
    LoggedOut,
}

impl LoginNotice {
    /// The sentence shown on the login page.
    pub fn text(self) -> &'static str {
        match self {
            Self::Expired => "Your session has expired. Please log in again.",
            Self::LoggedOut => "You have been logged out.",
        }
    }
}

/// The session, provided as context; `Copy` (it is a bundle of signals).
#[derive(Debug, Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<String>>,
    me: RwSignal<Option<Me>>,
    state: RwSignal<SessionState>,
    notice: RwSignal<Option<LoginNotice>>,
}

/// The session provided by the app; panics outside it (a programming error).
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// A session restored from `sessionStorage` (in the `Loading` state if a token
    /// was there: call [`Session::load_me`]).
    pub fn restore() -> Self {
        let token = storage_get(TOKEN_KEY).filter(|t| !t.is_empty());
        let state = if token.is_some() {
            SessionState::Loading
        } else {
            SessionState::Anonymous
        };
        Self {
            token: RwSignal::new(token),
            me: RwSignal::new(None),
            state: RwSignal::new(state),
            notice: RwSignal::new(None),
        }
    }

    /// The token for a request, without subscribing.
    pub fn token_untracked(&self) -> Option<String> {
        self.token.get_untracked()
    }

    /// The session token (reactive), e.g. for the Bintu Token row.
    pub fn token(&self) -> Option<String> {
        self.token.get()
    }

    /// Where the session is (reactive).
    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// Where the session is, without subscribing.
    pub fn state_untracked(&self) -> SessionState {
        self.state.get_untracked()
    }

    /// The current user, role and token expiry (reactive).
    pub fn me(&self) -> Option<Me> {
        self.me.get()
    }

    /// Whether the current role grants `permission` (reactive), e.g.
    /// `session.can(bintu_wire::permission::USER_LIST)`.
    pub fn can(&self, permission: &str) -> bool {
        self.me
            .with(|m| m.as_ref().is_some_and(|m| m.role.allows(permission)))
    }

    /// What the UI may show for the current role (reactive).
    pub fn capabilities(&self) -> Capabilities {
        self.me.with(|m| {
            m.as_ref()
                .map(|m| Capabilities::from_permissions(&m.role.permissions))
                .unwrap_or_default()
        })
    }

    /// The message the login page shows, if any (reactive).
    pub fn notice(&self) -> Option<LoginNotice> {
        self.notice.get()
    }

    /// Logs in: `POST /user/validate`, then `GET /user/me`. On error nothing is kept.
    pub async fn login(
        &self,
        api: &ApiClient,
        email: String,
        password: String,
    ) -> Result<(), ApiError> {
        self.clear();
        let answer: LoginResponse = api
            .post("/user/validate", &LoginRequest { email, password })
            .await?;
        self.begin(answer.token);
        match api.get::<Me>("/user/me").await {
            Ok(me) => {
                self.me.set(Some(me));
                self.notice.set(None);
                self.state.set(SessionState::Ready);
                Ok(())
            }
            Err(e) => {
                self.clear();
                Err(e)
            }
        }
    }

    /// Starts a session with a token obtained elsewhere (e.g. invite sign-up), then
    /// loads `Me`.
    pub async fn start_with_token(&self, api: &ApiClient, token: String) -> Result<(), ApiError> {
        self.begin(token);
        self.load_me(api).await
    }

    /// `GET /user/me` for the stored token. A 401 expires the session (through the
    /// client); other failures leave it in [`SessionState::Failed`] for a retry.
    pub async fn load_me(&self, api: &ApiClient) -> Result<(), ApiError> {
        if self.token.get_untracked().is_none() {
            self.state.set(SessionState::Anonymous);
            return Ok(());
        }
        self.state.set(SessionState::Loading);
        match api.get::<Me>("/user/me").await {
            Ok(me) => {
                self.me.set(Some(me));
                self.state.set(SessionState::Ready);
                Ok(())
            }
            Err(e) if e.is_session_invalid() => Err(e),
            Err(e) => {
                self.state.set(SessionState::Failed(e.clone()));
                Err(e)
            }
        }
    }

    /// Logs out: `POST /user/logout` (its failure does not keep anyone logged in),
    /// then forgets everything.
    pub async fn logout(&self, api: &ApiClient) {
        if self.token.get_untracked().is_some() {
            let _ = api.post_empty::<()>("/user/logout").await;
        }
        self.clear();
        self.notice.set(Some(LoginNotice::LoggedOut));
    }

    /// The server refused the token: forget it and tell the user on the login page.
    /// The shell notices the anonymous state, remembers where the user was and
    /// sends them to the login page.
    pub fn expire(&self) {
        self.clear();
        self.notice.set(Some(LoginNotice::Expired));
    }

    /// Remembers an in-app path (without the router base) to return to after login.
    pub fn remember_return_path(&self, path: &str) {
        if let Some(p) = return_path::sanitize(path) {
            storage_set(RETURN_KEY, &p);
        }
    }

    /// The path remembered by [`Session::remember_return_path`], once.
    pub fn take_return_path(&self) -> Option<String> {
        let p = storage_get(RETURN_KEY);
        storage_remove(RETURN_KEY);
        p.and_then(|p| return_path::sanitize(&p))
    }

    fn begin(&self, token: String) {
        storage_set(TOKEN_KEY, &token);
        self.token.set(Some(token));
    }

    fn clear(&self) {
        storage_remove(TOKEN_KEY);
        self.token.set(None);
        self.me.set(None);
        self.state.set(SessionState::Anonymous);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn storage_set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
