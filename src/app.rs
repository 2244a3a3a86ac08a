//! The app: contexts (session, API client, router base, host link), the router, and
//! the page each address shows ([`crate::routes::Page`]).

use leptos::prelude::*;

use crate::api::{ApiClient, TokenSource};
use crate::components::host_bridge::HostBridge;
use crate::components::language_choice::LanguageUnavailable;
use crate::components::lazy_page::{LazyPage, LazyPages, LazyView, RoutePrefetch};
use crate::components::main_region::Embedded;
use crate::components::session_ended::SessionEndedNotice;
use crate::components::shell::Shell;
use crate::config::RuntimeConfig;
use crate::domain::locale_pick::tag;
use crate::host_events::HostEvents;
use crate::lang::{self, Lang};
use crate::pages::not_found::NotFoundPage;
use crate::pages::{activity, invite_accept, login, overview, user_detail, users};
use crate::router::{use_go, use_location, Router};
use crate::routes::{Page, Route as To, RouteBase};
use crate::session::early::Early;
use crate::session::{self, Session, SessionState, TokenKeeper};

/// What an embedding host gives the console (see `crate::embed`).
pub struct HostSetup {
    /// Where `org-console:*` events go.
    pub events: HostEvents,
    /// The host's `getToken`, when the host keeps the session.
    pub tokens: Option<TokenSource>,
    /// A console path the host asked to show.
    pub navigate_to: ArcRwSignal<Option<String>>,
    /// Notified when the host hands over a new `getToken`.
    pub token_changed: ArcTrigger,
    /// The language the host asks for (`locale`, `<org-console lang>`), if any.
    pub locale: ArcRwSignal<Option<String>>,
}

/// The root component. Standalone (no `host`) it owns the document's URL from `/`;
/// embedded it lives under `base` in the host's page.
#[component]
pub fn App(
    config: RuntimeConfig,
    /// The router base: empty standalone, the host's `base-path` embedded (it may
    /// change while mounted).
    base: ArcRwSignal<String>,
    #[prop(optional)] host: Option<HostSetup>,
    /// The standalone page's early session check (`public/early-session.js`).
    #[prop(optional_no_strip)]
    early: Option<Early>,
) -> impl IntoView {
    let embedded = host.is_some();
    let lang = match &host {
        Some(h) => Lang::provide(lang::choice::embedded(h.locale.get_untracked().as_deref())),
        None => Lang::provide(lang::choice::standalone()),
    };
    if let Some(requested) = host.as_ref().map(|h| h.locale.clone()) {
        Effect::new(move |_| lang.request(lang::choice::embedded(requested.get().as_deref())));
    } else {
        // Screen readers read the page in its language.
        Effect::new(move |_| set_document_lang(tag(lang.get())));
    }
    let events = host.as_ref().map(|h| h.events.clone());
    let host_tokens = host.as_ref().and_then(|h| h.tokens.clone());
    let keeper = if host_tokens.is_some() {
        TokenKeeper::Host
    } else {
        TokenKeeper::Own
    };
    let session = Session::new(keeper, events.clone());
    let tokens = match host_tokens {
        Some(host_tokens) => remembering(host_tokens, session),
        None => session.token_source(),
    };
    let api = ApiClient::new(&config.api_base_url, tokens, session.on_unauthorized());
    provide_context(session);
    provide_context(api.clone());
    provide_context(Embedded(embedded));
    provide_context(LazyPages(&LAZY_PAGES));
    provide_context(RoutePrefetch(page_of));
    if let Some(events) = events {
        provide_context(events);
    }

    if let Some(early) = &early {
        provide_context(early.organisation());
        provide_context(early.users());
    }
    if session.state_untracked() == SessionState::Loading {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let early_me = match early {
                Some(early) => early.me().await,
                None => None,
            };
            let _ = match early_me {
                Some(answer) => session::flows::load_me_early(session, &api, answer).await,
                None => session::flows::load_me(session, &api).await,
            };
        });
    }

    // The host's requests travel into the router (which alone can navigate).
    let bridge = host.map(|h| (h.navigate_to, h.token_changed));
    // A language switch rebuilds the view: its words are read as it is built.
    let routed = move || {
        let _language = lang.get();
        let base = RouteBase::new(&base.get());
        provide_context(base.clone());
        let bridge = bridge.clone();
        view! {
            <Router base=base>
                {bridge.map(|(navigate_to, token_changed)| view! {
                    <HostBridge navigate_to=navigate_to token_changed=token_changed/>
                })}
                <Pages/>
            </Router>
        }
    };
    view! {
        <div class="oc-root" class:oc-root--embedded=embedded lang=move || tag(lang.get())>
            {routed}
            {move || {
                let _language = lang.get();
                view! {
                    <Show when=move || session.ended()>
                        <SessionEndedNotice/>
                    </Show>
                    <LanguageUnavailable/>
                }
            }}
        </div>
    }
}

/// Every page in a chunk of its own, in the order the idle prefetch fetches them:
/// the likeliest next page first.
static LAZY_PAGES: [&LazyPage; 6] = [
    &overview::PAGE,
    &users::PAGE,
    &user_detail::PAGE,
    &activity::PAGE,
    &login::PAGE,
    &invite_accept::PAGE,
];

/// The page a route shows, for a prefetch when its link is hovered or focused.
fn page_of(route: &To) -> Option<&'static LazyPage> {
    Some(match route {
        To::Overview => &overview::PAGE,
        To::Users { .. } => &users::PAGE,
        To::User(_) => &user_detail::PAGE,
        To::Activity(_) => &activity::PAGE,
        To::Invitation(_) => &invite_accept::PAGE,
        To::Login { .. } => &login::PAGE,
        To::NotFound => return None,
    })
}

/// What stands at the top of the console: the frame stays while its pages change.
#[derive(Clone, PartialEq)]
enum Top {
    /// The organisation's frame (`Shell`) around one of its pages.
    Frame,
    /// A page with no frame: login, an invitation, not found.
    Alone(Page),
    /// A path outside the router base belongs to the host page (e.g. the browser's
    /// Back went to a host route before the host unmounted the console): nothing.
    Host,
}

/// The page the address shows. `/` and `/organisation` lead to the Overview.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let page = location.page();
    let top = Memo::new(move |_| match page.get() {
        _ if !location.is_inside() => Top::Host,
        p if p.is_framed() => Top::Frame,
        p => Top::Alone(p),
    });
    let go = use_go();
    Effect::new(move |_| {
        if top.get() == Top::Alone(Page::Home) {
            go(&To::Overview, true);
        }
    });
    move || match top.get() {
        Top::Frame => view! { <Shell>{move || framed(page.get())}</Shell> }.into_any(),
        Top::Alone(Page::Home) | Top::Host => ().into_any(),
        Top::Alone(page) => match page_code(&page) {
            Some(code) => unframed(code),
            None => view! { <NotFoundPage/> }.into_any(),
        },
    }
}

/// The lazily loaded code of `page` (none for `/`, which leads elsewhere, and for an
/// unknown address).
fn page_code(page: &Page) -> Option<&'static LazyPage> {
    Some(match page {
        Page::Overview => &overview::PAGE,
        Page::Users => &users::PAGE,
        Page::User(_) => &user_detail::PAGE,
        Page::Activity => &activity::PAGE,
        Page::Login => &login::PAGE,
        Page::Invitation(_) => &invite_accept::PAGE,
        Page::Home | Page::NotFound => return None,
    })
}

/// The lazily loaded page the standalone page shows first at `path` (without the
/// router base), with a stored session or without: the organisation's pages send a
/// visitor without one to the login page.
pub fn first_page(path: &str, signed_in: bool) -> Option<&'static LazyPage> {
    match Page::of(path) {
        page if !signed_in && (page == Page::Home || page.is_framed()) => Some(&login::PAGE),
        // `/` and `/organisation` lead to the Overview.
        Page::Home => Some(&overview::PAGE),
        page => page_code(&page),
    }
}

/// A page inside the frame (`Shell`), which holds the main landmark.
fn framed(page: Page) -> AnyView {
    // Not a framed page: the frame is on its way out.
    match page_code(&page).filter(|_| page.is_framed()) {
        Some(page) => view! { <LazyView page=page/> }.into_any(),
        None => ().into_any(),
    }
}

/// A page with no frame around it.
fn unframed(page: &'static LazyPage) -> AnyView {
    view! { <LazyView page=page framed_by_self=true/> }.into_any()
}

/// The host's token source, also handing each token to the session (memory only),
/// where the Bintu Token row shows it.
fn remembering(host: TokenSource, session: Session) -> TokenSource {
    TokenSource::refreshable(move || {
        let host = host.clone();
        Box::pin(async move {
            let token = host.get().await;
            session.host_token(token.clone());
            token
        })
    })
}

/// The standalone page's `<html lang>`.
fn set_document_lang(tag: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shows(path: &str, signed_in: bool, expected: &'static LazyPage) {
        let page = first_page(path, signed_in);
        assert!(
            page.is_some_and(|p| std::ptr::eq(p, expected)),
            "{path} (signed in: {signed_in})"
        );
    }

    #[test]
    fn the_first_page_is_the_one_the_address_shows() {
        shows("/", true, &overview::PAGE);
        shows("/organisation", true, &overview::PAGE);
        shows("/organisation/overview", true, &overview::PAGE);
        shows("/organisation/users", true, &users::PAGE);
        shows("/organisation/users/7", true, &user_detail::PAGE);
        shows("/organisation/activity", true, &activity::PAGE);
        shows("/login", true, &login::PAGE);
        shows("/invite/abc", true, &invite_accept::PAGE);
        assert!(first_page("/nowhere", true).is_none());
    }

    #[test]
    fn without_a_session_the_organisation_pages_are_the_login_page() {
        shows("/", false, &login::PAGE);
        shows("/organisation/users", false, &login::PAGE);
        shows("/organisation/users/7", false, &login::PAGE);
        shows("/invite/abc", false, &invite_accept::PAGE);
        assert!(first_page("/nowhere", false).is_none());
    }
}
