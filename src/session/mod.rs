//! The session: who is logged in and what they may do.
//!
//! Three small pieces: this module holds the state (signals) and supplies the API
//! client's token seam; [`storage`] keeps the token and the return path in
//! `sessionStorage`; [`flows`] are the calls that change the session (login, load
//! `Me`, logout). The token lives in memory and in `sessionStorage` (a reload in the
//! same tab keeps the user logged in, a new tab or a closed browser does not); it is
//! never written to `localStorage` or put in a URL.
//!
//! Embedded with a host `getToken`, the host keeps the token ([`TokenKeeper::Host`]):
//! the session holds it in memory only, never shows the login page, and when the
//! host's token is refused for good it "ends" ([`Session::ended`]) without leaving
//! the page, so nothing typed is lost, and tells the host (`org-console:unauthorized`).

pub mod early;
pub mod flows;
pub mod storage;

use bintu_wire::{Me, Permission};
use leptos::prelude::*;

use crate::api::{ApiError, OnUnauthorized, TokenSource};
use crate::domain::permissions::Capabilities;
use crate::host_events::{HostEvent, HostEvents};
use crate::routes::{sanitize, Route};

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
            Self::Expired => crate::tr!(session.your_session_has_expired_please),
            Self::LoggedOut => crate::tr!(session.you_have_been_logged_out),
        }
    }
}

/// Who holds the session token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKeeper {
    /// The console: its own login page, the token in `sessionStorage`.
    Own,
    /// The host page, through its `getToken`: the token in memory only.
    Host,
}

/// The session, provided as context; `Copy` (it is a bundle of signals).
#[derive(Clone, Copy)]
pub struct Session {
    keeper: TokenKeeper,
    token: RwSignal<Option<String>>,
    me: RwSignal<Option<Me>>,
    state: RwSignal<SessionState>,
    notice: RwSignal<Option<LoginNotice>>,
    /// The host's token was refused for good (host-kept sessions only).
    ended: RwSignal<bool>,
    /// How often an ended session resumed: failed requests run again on a change.
    resumed: RwSignal<u32>,
    /// Where `org-console:*` events go, when embedded.
    host: StoredValue<Option<HostEvents>>,
}

/// The session provided by the app; panics outside it (a programming error).
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// A new session. [`TokenKeeper::Own`] restores it from `sessionStorage` (in the
    /// `Loading` state if a token was there); [`TokenKeeper::Host`] starts `Loading`.
    /// Either way, a `Loading` session wants [`flows::load_me`].
    pub fn new(keeper: TokenKeeper, host: Option<HostEvents>) -> Self {
        let token = match keeper {
            TokenKeeper::Own => storage::token(),
            TokenKeeper::Host => None,
        };
        let state = if token.is_some() || keeper == TokenKeeper::Host {
            SessionState::Loading
        } else {
            SessionState::Anonymous
        };
        Self {
            keeper,
            token: RwSignal::new(token),
            me: RwSignal::new(None),
            state: RwSignal::new(state),
            notice: RwSignal::new(None),
            ended: RwSignal::new(false),
            resumed: RwSignal::new(0),
            host: StoredValue::new(host),
        }
    }

    /// Whether the host page keeps the token (no login page of the console's own).
    pub fn is_hosted(&self) -> bool {
        self.keeper == TokenKeeper::Host
    }

    /// Tells the host page, when embedded.
    pub fn tell_host(&self, event: HostEvent) {
        if let Some(host) = self.host.try_get_value().flatten() {
            host.emit(event);
        }
    }

    /// The host handed over `token` (kept in memory, e.g. for the Bintu Token row).
    pub fn host_token(&self, token: Option<String>) {
        if self.token.try_get_untracked().flatten() != token {
            self.token.try_set(token);
        }
    }

    /// Whether the host's token was refused for good (reactive).
    pub fn ended(&self) -> bool {
        self.ended.get()
    }

    /// Whether the host's token was refused for good, without subscribing.
    pub fn ended_untracked(&self) -> bool {
        self.ended.try_get_untracked().unwrap_or(false)
    }

    /// The host's token was refused for good: say so once, keep the page.
    fn end(&self) {
        if self.ended.try_get_untracked() == Some(false) {
            self.ended.set(true);
            self.tell_host(HostEvent::Unauthorized);
        }
    }

    /// Trying again after [`Self::end`] (the host may have a fresh token by now).
    fn resume(&self) {
        self.ended.try_set(false);
    }

    /// The session works again after it ended: requests that failed may retry.
    fn resumed_ok(&self) {
        self.resumed.try_update(|n| *n += 1);
    }

    /// Changes each time an ended session works again (reactive): an error state
    /// retries its request on a change.
    pub fn resumed(&self) -> u32 {
        self.resumed.get()
    }

    /// The API client's token source: this session's token.
    pub fn token_source(self) -> TokenSource {
        TokenSource::immediate(move || self.token.try_get_untracked().flatten())
    }

    /// The API client's answer to a refused token: expire the session, if the token
    /// is still this session's (a late answer for an old token changes nothing); a
    /// host-kept session ends instead (the client has already asked the host again).
    pub fn on_unauthorized(self) -> OnUnauthorized {
        OnUnauthorized::new(move |refused| {
            if self.is_hosted() {
                self.end();
            } else if self.token.try_get_untracked().flatten().as_ref() == Some(&refused) {
                // Not synchronously: ending the session tears down the pages whose
                // resources are still completing this very request.
                set_timeout(move || self.expire(), std::time::Duration::ZERO);
            }
        })
    }

    /// The session token (reactive), e.g. for the Bintu Token row.
    pub fn token(&self) -> Option<String> {
        self.token.get()
    }

    /// Whether `token` is this session's, without subscribing.
    pub fn holds(&self, token: &str) -> bool {
        self.token.with_untracked(|t| t.as_deref() == Some(token))
    }

    /// Whether a token is known, without subscribing.
    pub fn has_token(&self) -> bool {
        self.token.with_untracked(Option::is_some)
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

    /// What the UI may show for the current role (reactive).
    pub fn capabilities(&self) -> Capabilities {
        self.me.with(|m| {
            m.as_ref()
                .map(|m| Capabilities::from_permissions(&m.role.permissions))
                .unwrap_or_default()
        })
    }

    /// Whether the current role holds `permission` (reactive).
    pub fn allows(&self, permission: Permission) -> bool {
        self.me
            .with(|m| m.as_ref().is_some_and(|m| m.role.allows(&permission)))
    }

    /// The message the login page shows, if any (reactive).
    pub fn notice(&self) -> Option<LoginNotice> {
        self.notice.get()
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
        if let Some(p) = sanitize(path) {
            storage::set_return_path(&p);
        }
    }

    /// The route remembered by [`Session::remember_return_path`], once.
    pub fn take_return_path(&self) -> Option<Route> {
        storage::take_return_path()
            .and_then(|p| sanitize(&p))
            .map(|p| Route::parse(&p))
            .filter(|r| *r != Route::NotFound)
    }

    /// Keeps `token` (memory, and `sessionStorage` if the console keeps it); `Me` is
    /// still to load.
    fn begin(&self, token: String) {
        if !self.is_hosted() {
            storage::set_token(&token);
        }
        self.token.set(Some(token));
    }

    /// `Me` arrived: the session is ready.
    fn ready(&self, me: Me) {
        self.me.set(Some(me));
        self.state.set(SessionState::Ready);
    }

    fn set_state(&self, state: SessionState) {
        self.state.set(state);
    }

    fn set_notice(&self, notice: Option<LoginNotice>) {
        self.notice.set(notice);
    }

    fn clear(&self) {
        if !self.is_hosted() {
            storage::clear_token();
        }
        self.token.set(None);
        self.me.set(None);
        self.state.set(SessionState::Anonymous);
    }
}
