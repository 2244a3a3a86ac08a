//! The logged-in frame: top bar (profile menu / mobile drawer), the organisation
//! header with its chips, the tabs, and the routed page inside an error boundary.

use bintu_wire::Organisation;
use bintu_wire::Permission;
use leptos::prelude::*;

use crate::api::{organisation, use_api, ApiError};
use crate::components::brand::BrandName;
use crate::components::lazy_page::use_link_prefetch;
use crate::components::link::Link;
use crate::components::main_region::MainRegion;
use crate::components::nav_drawer::NavDrawer;
use crate::components::problem_screen::{Problem, ProblemScreen};
use crate::components::profile_menu::ProfileMenu;
use crate::components::status::{ErrorState, Loading};
use crate::domain::activity_view::ActivityView;
use crate::domain::users_view::UsersView;
use crate::router::{use_go, use_location};
use crate::routes::Route;
use crate::session::early::EarlyOrganisation;
use crate::session::{flows, use_session, LoginNotice, Session, SessionState};

/// `GET /organisation`, loaded once by the shell and shared with the pages.
pub type OrgResource = LocalResource<Result<Organisation, ApiError>>;

/// The organisation resource of the shell (pages under `/organisation` only).
pub fn use_organisation() -> OrgResource {
    expect_context::<OrgResource>()
}

/// What the user pages remember while the frame lives: the list's last view (so
/// "All users" on a user's page goes back to the same filter) and a notice for the
/// list (e.g. "Deleted …" after a delete on the user's page).
#[derive(Debug, Clone, Copy)]
pub struct UserListMemory {
    pub last_view: RwSignal<UsersView>,
    pub notice: RwSignal<Option<String>>,
}

/// The frame's [`UserListMemory`].
pub fn use_user_list_memory() -> UserListMemory {
    expect_context::<UserListMemory>()
}

/// Guards `/organisation/*`: sends anonymous visitors to the login page (remembering
/// where they were), waits for the session, then shows the frame around `children`,
/// the page.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let go = use_go();
    let location = use_location();
    let state = Memo::new(move |_| session.state());
    // Asked for at once, beside `GET /user/me`, not after it: a known token is enough
    // (a refused one is answered like `/user/me`'s). The frame's header and the
    // Overview read it.
    let org: OrgResource = {
        let api = api.clone();
        let anonymous = session.state_untracked() == SessionState::Anonymous;
        let early = use_context::<EarlyOrganisation>();
        LocalResource::new(move || {
            let api = api.clone();
            async move {
                if anonymous {
                    // Nobody to ask for: the shell is on its way to the login page.
                    std::future::pending::<()>().await;
                }
                if let Some(org) = early_organisation(early, session).await {
                    return Ok(org);
                }
                organisation::get(&api).await
            }
        })
    };
    provide_context(org);

    Effect::new(move |_| {
        // A host-kept session has no login page here: the host signs the user in.
        if state.get() != SessionState::Anonymous || session.is_hosted() {
            return;
        }
        let notice = session.notice();
        if notice != Some(LoginNotice::LoggedOut) {
            session.remember_return_path(&location.in_app().get_untracked());
        }
        let expired = notice == Some(LoginNotice::Expired);
        go(&Route::Login { expired }, true);
    });

    let retry = Callback::new(move |_| {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let _ = flows::load_me(session, &api).await;
        });
    });

    move || {
        match state.get() {
        SessionState::Anonymous if session.is_hosted() => view! {
            <div class="oc-centered">
                <p class="oc-logged-out">{crate::tr!(shell.you_have_logged_out_of)}</p>
            </div>
        }
        .into_any(),
        SessionState::Anonymous => {
            view! { <Loading label={crate::tr!(shell.redirecting_to_the_login_page)}/> }.into_any()
        }
        SessionState::Loading => view! {
            <div class="oc-centered"><Loading label={crate::tr!(shell.loading_your_session)}/></div>
        }
        .into_any(),
        // No answer at all: the address, the likely cause and what to check.
        SessionState::Failed(ApiError::Network(_)) => {
            view! { <ProblemScreen problem=Problem::Api on_retry=retry/> }.into_any()
        }
        SessionState::Failed(e) => view! {
            <div class="oc-centered">
                <ErrorState error=e on_retry=retry title={crate::tr!(shell.could_not_load_your_session)}/>
            </div>
        }
        .into_any(),
        SessionState::Ready => view! { <Frame page=children.clone()/> }.into_any(),
    }
    }
}

/// The organisation as `public/early-session.js` asked for it while the wasm loaded
/// (once): only a success for this session's token; anything else is asked again and
/// handled as every answer is.
async fn early_organisation(
    early: Option<EarlyOrganisation>,
    session: Session,
) -> Option<Organisation> {
    early?.0.take().await?.value_for(session)
}

/// Moves focus to the main region. The `href` alone would resolve against `<base>` and
/// leave the page.
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("oc-main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = main.focus();
    }
}

/// Starts keyboard navigation at the top of the frame. After a login the form, and
/// the button that had the focus, are gone: the focus falls to `<body>` and Chromium
/// would start the next Tab from where the form was, past everything in the frame.
pub fn focus_frame_top() {
    let frame = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".oc-app").ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(frame) = frame {
        let _ = frame.focus();
    }
}

/// The frame around a logged-in page.
#[component]
fn Frame(page: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let org = use_organisation();
    provide_context(UserListMemory {
        last_view: RwSignal::new(UsersView::default()),
        notice: RwSignal::new(None),
    });
    let caps = Memo::new(move |_| session.capabilities());
    let prefetch = use_link_prefetch();

    view! {
        <div class="oc-app" tabindex="-1">
            <a class="oc-skip-link" href="#oc-main" on:click=skip_to_main>{crate::tr!(shell.skip_to_content)}</a>
            <header class="oc-topbar">
                <div class="oc-topbar__inner">
                    <Link to=Route::Overview class="oc-brand">
                        <BrandName/>
                    </Link>
                    <div class="oc-topbar__actions">
                        <ProfileMenu/>
                        <NavDrawer/>
                    </div>
                </div>
            </header>
            <div class="oc-container">
                // A labelled section, so the name and level chips stand inside a landmark
                // (axe `region`); not the page's banner, which the top bar already is.
                <section class="oc-org-header" aria-label={crate::tr!(shell.organisation_summary)}>
                    <p class="oc-eyebrow">{crate::tr!(shell.my_organisation)}</p>
                    {move || match org.try_get().flatten() {
                        // The same lines as the loaded header (title and chips), so
                        // the tabs and the page below do not move when it arrives.
                        None => view! {
                            <h1 class="oc-org-header__title oc-skeleton-text">{crate::tr!(shell.loading_organisation)}</h1>
                            <ul class="oc-chips oc-skeleton-text" aria-hidden="true">
                                <li class="oc-chip"><span class="oc-chip__label">{crate::tr!(shell.support_level)}</span><span class="oc-chip__value">"…"</span></li>
                                <li class="oc-chip"><span class="oc-chip__label">{crate::tr!(shell.analytics_level)}</span><span class="oc-chip__value">"…"</span></li>
                            </ul>
                        }
                        .into_any(),
                        Some(Err(e)) => view! {
                            <h1 class="oc-org-header__title">{crate::tr!(shell.organisation)}</h1>
                            <ErrorState
                                error=e
                                title={crate::tr!(shell.could_not_load_the_organisation)}
                                on_retry=Callback::new(move |_| org.refetch())
                            />
                        }
                        .into_any(),
                        Some(Ok(o)) => view! {
                            <h1 class="oc-org-header__title">{o.name.clone()}</h1>
                            <ul class="oc-chips" aria-label={crate::tr!(shell.service_levels)}>
                                <li class="oc-chip">
                                    <span class="oc-chip__label">{crate::tr!(shell.support_level)}</span>
                                    <span class="oc-chip__value">{o.support_level.clone()}</span>
                                </li>
                                <li class="oc-chip">
                                    <span class="oc-chip__label">{crate::tr!(shell.analytics_level)}</span>
                                    <span class="oc-chip__value">{o.analytics_level.clone()}</span>
                                </li>
                            </ul>
                        }
                        .into_any(),
                    }}
                </section>
                <nav
                    class="oc-tabs"
                    aria-label={crate::tr!(shell.organisation_sections)}
                    on:mouseover={
                        let prefetch = prefetch.clone();
                        move |ev: web_sys::MouseEvent| prefetch(ev.into())
                    }
                    on:focusin=move |ev: web_sys::FocusEvent| prefetch(ev.into())
                >
                    <Link to=Route::Overview class="oc-tab">{crate::tr!(shell.overview)}</Link>
                    <Show when=move || caps.get().allows(Permission::UserList)>
                        <Link to=Route::users(UsersView::default()) class="oc-tab">{crate::tr!(shell.user_management)}</Link>
                    </Show>
                    <Show when=move || caps.get().allows(Permission::ActivityList)>
                        <Link to=Route::Activity(ActivityView::default()) class="oc-tab">{crate::tr!(shell.activity)}</Link>
                    </Show>
                </nav>
                <MainRegion id="oc-main" class="oc-main" label={crate::tr!(shell.organisation)}>
                    <ErrorBoundary fallback=|errors| view! {
                        <div class="oc-error-state" role="alert">
                            <div class="oc-error-state__text">
                                <p class="oc-error-state__title">{crate::tr!(shell.this_page_failed_to_load)}</p>
                                <ul>
                                    {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                                </ul>
                            </div>
                        </div>
                    }>
                        {page()}
                    </ErrorBoundary>
                </MainRegion>
            </div>
        </div>
    }
}
