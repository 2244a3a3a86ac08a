//! The app: contexts (session, API client, base path) and every route.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::ApiClient;
use crate::components::main_region::Embedded;
use crate::components::shell::Shell;
use crate::config::RuntimeConfig;
use crate::pages::invite_accept::InviteAcceptPage;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::overview::OverviewPage;
use crate::pages::user_detail::UserDetailPage;
use crate::pages::users::UsersPage;
use crate::session::{Session, SessionState};

/// The router base the app runs under (`""` standalone, e.g. `/embed` embedded).
#[derive(Debug, Clone)]
pub struct AppBase(pub Arc<str>);

impl AppBase {
    /// An in-app path as an `href` for `<A>` (which, unlike `navigate`, does not add
    /// the router base to absolute paths).
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

/// `href` for an in-app path; use it for every `<A href=...>` with an absolute path.
pub fn app_href(path: &str) -> String {
    use_context::<AppBase>()
        .map(|b| b.href(path))
        .unwrap_or_else(|| path.to_string())
}

/// The root component. `embedded` tells whether a host page owns the document.
#[component]
pub fn App(config: RuntimeConfig, base: String, embedded: bool) -> impl IntoView {
    let session = Session::restore();
    let api = ApiClient::new(&config.api_base_url, session);
    provide_context(session);
    provide_context(api.clone());
    provide_context(AppBase(Arc::from(base.as_str())));
    provide_context(Embedded(embedded));

    if session.state_untracked() == SessionState::Loading {
        leptos::task::spawn_local(async move {
            let _ = session.load_me(&api).await;
        });
    }

    view! {
        <div class="oc-root" class:oc-root--embedded=embedded>
            <Router base=base>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/organisation/overview"/> }/>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/invite/:token") view=InviteAcceptPage/>
                    <ParentRoute path=path!("/organisation") view=Shell>
                        <Route path=path!("") view=|| view! { <Redirect path="/organisation/overview"/> }/>
                        <Route path=path!("overview") view=OverviewPage/>
                        <Route path=path!("users") view=UsersPage/>
                        <Route path=path!("users/:id") view=UserDetailPage/>
                    </ParentRoute>
                </Routes>
            </Router>
        </div>
    }
}
