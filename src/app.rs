//! The app: contexts (session, API client, router base) and the router, assembled
//! from [`crate::routes`].

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::api::ApiClient;
use crate::components::main_region::Embedded;
use crate::components::shell::Shell;
use crate::config::RuntimeConfig;
use crate::pages::activity::ActivityPage;
use crate::pages::invite_accept::InviteAcceptPage;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::overview::OverviewPage;
use crate::pages::user_detail::UserDetailPage;
use crate::pages::users::UsersPage;
use crate::routes::{segment as seg, Route as To, RouteBase};
use crate::session::{self, Session, SessionState};

/// The root component. `embedded` tells whether a host page owns the document.
#[component]
pub fn App(config: RuntimeConfig, base: String, embedded: bool) -> impl IntoView {
    let session = Session::restore();
    let api = ApiClient::new(
        &config.api_base_url,
        session.token_source(),
        session.on_unauthorized(),
    );
    provide_context(session);
    provide_context(api.clone());
    provide_context(RouteBase::new(&base));
    provide_context(Embedded(embedded));

    if session.state_untracked() == SessionState::Loading {
        leptos::task::spawn_local(async move {
            let _ = session::flows::load_me(session, &api).await;
        });
    }

    let home = || view! { <Redirect path=To::Overview.path()/> };
    view! {
        <div class="oc-root" class:oc-root--embedded=embedded>
            <Router base=base>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=() view=home/>
                    <Route path=(StaticSegment(seg::LOGIN),) view=LoginPage/>
                    <Route path=(StaticSegment(seg::INVITE), ParamSegment(seg::TOKEN)) view=InviteAcceptPage/>
                    <ParentRoute path=(StaticSegment(seg::ORGANISATION),) view=Shell>
                        <Route path=() view=home/>
                        <Route path=(StaticSegment(seg::OVERVIEW),) view=OverviewPage/>
                        <Route path=(StaticSegment(seg::USERS),) view=UsersPage/>
                        <Route path=(StaticSegment(seg::USERS), ParamSegment(seg::ID)) view=UserDetailPage/>
                        <Route path=(StaticSegment(seg::ACTIVITY),) view=ActivityPage/>
                    </ParentRoute>
                </Routes>
            </Router>
        </div>
    }
}
