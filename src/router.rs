//! The console's router: the browser's address as a signal, `pushState` navigation,
//! Back and Forward, and same-origin link clicks kept in the page.
//!
//! [`Route`] and [`Page`] already parse and write every address, so a general
//! router's route tables, matching and outlets had nothing left to do here; as
//! leptos_router they cost every first visit 37 to 39 KB brotli. `app.rs` picks the
//! page from [`Location::page`].

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, MouseEvent};

use crate::routes::{Page, Route, RouteBase};

/// Where the console is: the browser's address, as the router last saw it. Provided
/// by [`Router`]; read it with [`use_location`].
#[derive(Clone, Copy)]
pub struct Location {
    /// The browser's path and query (`/embed/organisation/users?page=2`), no hash.
    address: RwSignal<String>,
    /// The address without the base (`/organisation/users?page=2`).
    in_app: Memo<String>,
    /// The route the address names, under the base.
    route: Memo<Route>,
    /// The page the address shows: unchanged while only the query changes.
    page: Memo<Page>,
    base: StoredValue<RouteBase>,
}

impl Location {
    /// The browser's path and query, base included (tracked).
    pub fn address(&self) -> String {
        self.address.get()
    }

    /// Whether the address is under the router base, i.e. the console's; a path outside
    /// it belongs to the host page (tracked).
    pub fn is_inside(&self) -> bool {
        let base = self.base.get_value();
        self.address.with(|a| base.contains(path_of(a)))
    }

    /// The in-app path and query, without the base.
    pub fn in_app(&self) -> Memo<String> {
        self.in_app
    }

    /// The route on screen.
    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    /// The page on screen.
    pub fn page(&self) -> Memo<Page> {
        self.page
    }

    /// Shows the in-app `path` (with its query): a new history entry, or the current
    /// one replaced. Going where the console already is adds no entry.
    ///
    /// The page changes once the caller's own work is done, not inside it: a page
    /// that navigates away ends with it, and a dialog's confirm that is still
    /// finishing would find its signals disposed.
    pub fn navigate(&self, path: &str, replace: bool) {
        let address = self.base.with_value(|b| b.address_of(path));
        let this = *self;
        queue_microtask(move || this.go_to(&address, replace));
    }

    fn go_to(self, address: &str, replace: bool) {
        let Ok(history) = window().history() else {
            return;
        };
        // `None`: the router is gone (the console was unmounted meanwhile).
        let Some(here) = self.address.try_with_untracked(|a| a == address) else {
            return;
        };
        let moved = if replace || here {
            history.replace_state_with_url(&JsValue::NULL, "", Some(address))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(address))
        };
        if moved.is_err() {
            // The browser refused the address (another origin): nothing changed.
            return;
        }
        self.address.try_set(browser_address());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// The in-app path a click on `link` should show, if the link is the console's:
    /// same origin, under the base, this window, not a download, not a place on this
    /// page (`#main`) and not marked `rel="external"`.
    fn in_app_target(&self, link: &HtmlAnchorElement) -> Option<String> {
        let written = link.get_attribute("href")?;
        let own_window = matches!(link.target().as_str(), "" | "_self");
        let external = link.rel().split_ascii_whitespace().any(|r| r == "external");
        if written.starts_with('#') || !own_window || external || link.has_attribute("download") {
            return None;
        }
        if link.origin() != window().location().origin().ok()? {
            return None;
        }
        let pathname = link.pathname();
        let base = self.base.get_value();
        base.contains(&pathname).then(|| {
            base.strip(&format!("{pathname}{}", link.search()))
                .to_string()
        })
    }
}

/// The [`Location`] of the [`Router`] around the caller.
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// Navigation to a [`Route`]: `go(&route, replace)`.
pub fn use_go() -> impl Fn(&Route, bool) + Clone + 'static {
    let location = use_location();
    move |route: &Route, replace: bool| location.navigate(&route.path(), replace)
}

/// Follows the browser's address under `base` for as long as it lives: provides the
/// [`Location`], handles Back and Forward (`popstate`) and takes over clicks on the
/// console's links anywhere in the window (inside a shadow root too).
#[component]
pub fn Router(base: RouteBase, children: Children) -> impl IntoView {
    let address = RwSignal::new(browser_address());
    let in_app = Memo::new({
        let base = base.clone();
        move |_| address.with(|a| base.strip(a).to_string())
    });
    let route = Memo::new(move |_| in_app.with(|path| Route::parse(path)));
    let page = Memo::new(move |_| in_app.with(|path| Page::of(path_of(path))));
    let location = Location {
        address,
        in_app,
        route,
        page,
        base: StoredValue::new(base),
    };
    provide_context(location);

    let back_or_forward = window_event_listener(leptos::ev::popstate, move |_| {
        address.set(browser_address())
    });
    let clicks = window_event_listener(leptos::ev::click, move |ev| follow_link(location, &ev));
    on_cleanup(move || {
        back_or_forward.remove();
        clicks.remove();
    });
    children()
}

/// A plain left click on one of the console's links shows its page without loading
/// the document again.
fn follow_link(location: Location, ev: &MouseEvent) {
    if !is_plain_click(ev) {
        return;
    }
    let Some(path) = clicked_link(ev).and_then(|a| location.in_app_target(&a)) else {
        return;
    };
    ev.prevent_default();
    location.navigate(&path, false);
}

/// Whether the router follows a click on one of the console's links: a plain left
/// click nobody else has taken. Others open a new tab or window, or save the link.
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    !(ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key())
}

/// The link a click landed in, also inside a shadow root (`composedPath`).
pub fn clicked_link(ev: &MouseEvent) -> Option<HtmlAnchorElement> {
    let path = ev.composed_path();
    (0..path.length()).find_map(|i| path.get(i).dyn_into::<HtmlAnchorElement>().ok())
}

/// The browser's path and query now.
fn browser_address() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let query = location.search().unwrap_or_default();
    format!("{path}{query}")
}

/// An address without its query.
fn path_of(address: &str) -> &str {
    address.split('?').next().unwrap_or(address)
}

/// Whether a link to `link` (an in-app path) is the page on screen or a page under
/// it, for `aria-current="page"`: the Users tab stays current on a user's page.
pub fn is_current(link: &str, in_app: &str) -> bool {
    let (link, here) = (path_of(link).trim_end_matches('/'), path_of(in_app));
    here.strip_prefix(link)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_under_it() {
        assert!(is_current(
            "/organisation/users",
            "/organisation/users?page=2"
        ));
        assert!(is_current(
            "/organisation/users?invite=1",
            "/organisation/users/7"
        ));
        assert!(is_current(
            "/organisation/overview",
            "/organisation/overview"
        ));
        assert!(!is_current("/organisation/users", "/organisation/overview"));
        assert!(!is_current("/organisation/user", "/organisation/users"));
    }

    #[test]
    fn an_address_without_its_query() {
        assert_eq!(path_of("/embed/organisation?x=1"), "/embed/organisation");
        assert_eq!(path_of("/login"), "/login");
    }
}
