//! The standalone page's head start (`public/early-session.js`): the runtime
//! configuration, `GET /user/me`, on a page in the organisation's frame
//! `GET /organisation`, and on the users list its first page and the roles were asked
//! for while the wasm loaded; the app takes the answers over once, instead of asking
//! again after start-up.

use leptos::prelude::{LocalStorage, StoredValue, UpdateValue};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::Session;
use crate::api::decode_answer;

/// The global the script leaves on the standalone page.
const GLOBAL: &str = "orgConsoleEarly";

/// An API answer as the script got it.
#[derive(Debug, Clone)]
pub struct EarlyAnswer {
    /// The path asked, below the API's base (with its query).
    pub path: String,
    /// The token the request carried.
    pub token: String,
    pub status: u16,
    pub text: String,
}

impl EarlyAnswer {
    /// What the answer carries, if it is a success for the session's token.
    pub fn value_for<T: DeserializeOwned>(&self, session: Session) -> Option<T> {
        if !session.holds(&self.token) || !(200..300).contains(&self.status) {
            return None;
        }
        decode_answer(self.status, &self.text).ok()
    }
}

/// What the script started, taken off the page (once).
pub struct Early {
    config: JsValue,
    me: JsValue,
    organisation: JsValue,
    users: JsValue,
    roles: JsValue,
}

impl Early {
    /// The script's promises, if it ran on this page.
    pub fn take() -> Option<Self> {
        let window = web_sys::window()?;
        let early = js_sys::Reflect::get(&window, &GLOBAL.into()).ok()?;
        if early.is_undefined() || early.is_null() {
            return None;
        }
        let _ = js_sys::Reflect::delete_property(&window, &GLOBAL.into());
        let field = |name: &str| js_sys::Reflect::get(&early, &name.into()).unwrap_or_default();
        Some(Self {
            config: field("config"),
            me: field("me"),
            organisation: field("organisation"),
            users: field("users"),
            roles: field("roles"),
        })
    }

    /// The text of `config.json`, if the script could read it.
    pub async fn config_text(&self) -> Option<String> {
        settle(&self.config).await?.as_string()
    }

    /// The answer to `GET /user/me`, if the script asked (a session was stored).
    pub async fn me(&self) -> Option<EarlyAnswer> {
        read_answer(&self.me).await
    }

    /// The answer to `GET /organisation` still to come, for the frame to take over.
    pub fn organisation(&self) -> EarlyOrganisation {
        EarlyOrganisation(EarlyGet::new(&self.organisation))
    }

    /// The users list's first page and the roles still to come, for the list to take
    /// over.
    pub fn users(&self) -> EarlyUsers {
        EarlyUsers {
            page: EarlyGet::new(&self.users),
            roles: EarlyGet::new(&self.roles),
        }
    }
}

/// An early GET still to come: the first to take it gets it.
#[derive(Clone, Copy)]
pub struct EarlyGet(StoredValue<Option<JsValue>, LocalStorage>);

impl EarlyGet {
    fn new(promise: &JsValue) -> Self {
        Self(StoredValue::new_local(Some(promise.clone())))
    }

    /// The answer, if the script asked and nobody took it yet.
    pub async fn take(self) -> Option<EarlyAnswer> {
        let promise = self.0.try_update_value(Option::take).flatten()?;
        read_answer(&promise).await
    }
}

/// The early `GET /organisation` (a context the app provides).
#[derive(Clone, Copy)]
pub struct EarlyOrganisation(pub EarlyGet);

/// The users list's early requests (a context the app provides): the first page in
/// its default view, and the roles.
#[derive(Clone, Copy)]
pub struct EarlyUsers {
    pub page: EarlyGet,
    pub roles: EarlyGet,
}

async fn read_answer(promise: &JsValue) -> Option<EarlyAnswer> {
    let answer = settle(promise).await?;
    let get = |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok();
    Some(EarlyAnswer {
        path: get("path")?.as_string()?,
        token: get("token")?.as_string()?,
        status: get("status")?.as_f64()? as u16,
        text: get("text")?.as_string()?,
    })
}

/// A promise's value; `None` for a rejection, `null` or `undefined`.
async fn settle(value: &JsValue) -> Option<JsValue> {
    let promise = js_sys::Promise::resolve(value);
    JsFuture::from(promise)
        .await
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

#[cfg(test)]
mod tests {
    /// The script cannot import the app's constants; this keeps them equal.
    #[test]
    fn the_early_script_uses_the_apps_names() {
        let script = include_str!("../../public/early-session.js");
        let default_view = crate::domain::users_view::UsersView::default();
        let first_users_page = crate::api::users::list_path(&default_view.api_query()).unwrap();
        for (what, name) in [
            ("the session storage key", super::super::storage::TOKEN_KEY),
            ("the token header", bintu_wire::HEADER_TOKEN),
            ("the me path", crate::api::auth::ME_PATH),
            ("the organisation path", crate::api::organisation::PATH),
            ("the users list's first page", first_users_page.as_str()),
            ("the roles' path", crate::api::roles::PATH),
            ("the global", super::GLOBAL),
            ("the language choice's key", crate::prefs::LANGUAGE_KEY),
        ] {
            assert!(
                script.contains(&format!("'{name}'")) || script.contains(&format!("window.{name}")),
                "public/early-session.js does not use {what} {name:?}"
            );
        }
    }

    /// It knows the console's languages, and German's split by its name.
    #[test]
    fn the_early_preload_knows_the_languages() {
        use crate::domain::locale_pick::{tag, ALL};
        let script = include_str!("../../public/early-session.js");
        let tags: Vec<String> = ALL.iter().map(|(l, _)| format!("'{}'", tag(*l))).collect();
        assert!(
            script.contains(&format!("const LANGUAGES = [{}];", tags.join(", "))),
            "LANGUAGES lists {tags:?}"
        );
        assert!(script.contains("ROUTE_CHUNKS['german']"));
        assert!(include_str!("../lang/german.rs").contains("wasm_split(german,"));
    }

    /// Its first-screen preload names the routes' path segments and the pages'
    /// splits (the `lazy_page!` chunk names) as the app does.
    #[test]
    fn the_early_preload_names_the_routes_and_splits() {
        use crate::routes::segment as seg;
        let script = include_str!("../../public/early-session.js");
        for name in [
            seg::LOGIN,
            seg::INVITE,
            seg::ORGANISATION,
            seg::USERS,
            seg::ACTIVITY,
            seg::OVERVIEW,
        ] {
            assert!(script.contains(&format!("= '{name}'")), "segment {name:?}");
        }
        for split in [
            "login",
            "invite_accept",
            "users",
            "user_detail",
            "activity",
            "overview",
        ] {
            assert!(script.contains(&format!("'{split}'")), "split {split:?}");
            let source = match split {
                "login" => include_str!("../pages/login.rs"),
                "invite_accept" => include_str!("../pages/invite_accept.rs"),
                "users" => include_str!("../pages/users/mod.rs"),
                "user_detail" => include_str!("../pages/user_detail.rs"),
                "activity" => include_str!("../pages/activity.rs"),
                _ => include_str!("../pages/overview/mod.rs"),
            };
            assert!(
                source.contains(&format!("    {split},\n")),
                "lazy_page! {split:?}"
            );
        }
    }
}
