//! The embedding API that `org-console.js` (the stable ES module host pages import,
//! see `org-console.js` in this folder) calls: mount a console into an element,
//! navigate it, change its base path or `getToken`, unmount it. The theme, the
//! stylesheet and the `<org-console>` element itself live in that module.

mod host_token;
mod registry;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::app::{App, HostSetup};
use crate::components::config_problem::read_config;
use crate::config::{ConfigProblem, RuntimeConfig};
use crate::host_events::{ErrorKind, HostEvent, HostEvents};
use host_token::HostTokenGetter;
use registry::Instance;

#[wasm_bindgen]
extern "C" {
    /// `mount()`'s options as the module passes them on.
    pub type MountOptions;
    #[wasm_bindgen(method, getter, js_name = basePath)]
    fn base_path(this: &MountOptions) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = apiBase)]
    fn api_base(this: &MountOptions) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = configUrl)]
    fn config_url(this: &MountOptions) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = getToken)]
    fn get_token(this: &MountOptions) -> Option<js_sys::Function>;
    #[wasm_bindgen(method, getter)]
    fn locale(this: &MountOptions) -> Option<String>;
}

/// Where `config.json` is when neither `apiBase` nor `configUrl` is given.
const DEFAULT_CONFIG_URL: &str = "/config.json";

/// Mounts a console into `element` (or finds the one already there) and returns its
/// id. The view appears once the runtime configuration is known (at once when
/// `apiBase` is given); `org-console:ready` says when.
pub fn mount(element: web_sys::HtmlElement, options: &MountOptions) -> u32 {
    if let Some(id) = registry::find(&element) {
        return id;
    }
    let events = HostEvents::new(element.clone());
    let get_token = options.get_token();
    let instance = Instance {
        element: element.clone(),
        base: ArcRwSignal::new(normalize_base(&options.base_path().unwrap_or_default())),
        navigate_to: ArcRwSignal::new(None),
        get_token: HostTokenGetter::new(get_token),
        token_changed: ArcTrigger::new(),
        locale: ArcRwSignal::new(options.locale().filter(|l| !l.trim().is_empty())),
        handle: None,
    };
    let host = HostSetup {
        events: events.clone(),
        tokens: instance
            .get_token
            .is_set()
            .then(|| host_token::token_source(instance.get_token.clone(), events.clone())),
        navigate_to: instance.navigate_to.clone(),
        token_changed: instance.token_changed.clone(),
        locale: instance.locale.clone(),
    };
    let base = instance.base.clone();
    let language = crate::lang::choice::embedded(instance.locale.get_untracked().as_deref());
    let id = registry::insert(instance);
    let api_base = options.api_base().filter(|u| !u.trim().is_empty());
    let config_url = options
        .config_url()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_CONFIG_URL.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        // The words first: the first screen is in its language.
        if crate::lang::ready(language).await.is_ok() {
            // The problem screens before the app speak its language too.
            crate::lang::set_fallback(language);
        }
        let config = match api_base {
            Some(api_base_url) => RuntimeConfig { api_base_url },
            None => {
                let on_problem = |problem: &ConfigProblem| {
                    events.emit(HostEvent::Error {
                        kind: ErrorKind::Network,
                        message: format!("{config_url}: {}", problem.explain()),
                    })
                };
                read_config(&config_url, element.clone(), true, on_problem).await
            }
        };
        // Not when the host unmounted it while the configuration loaded.
        let Some(element) = registry::with(id, |i| i.element.clone()) else {
            return;
        };
        let base_path = base.get_untracked();
        // Rendered outside the registry's borrow: a host listener may call back in.
        let handle = leptos::mount::mount_to(element, move || {
            view! { <App config=config base=base host=host/> }.into_any()
        });
        registry::with(id, |i| i.handle = Some(handle));
        events.emit(HostEvent::Ready { base_path });
    });
    id
}

/// The base path as the router wants it: leading `/`, no trailing `/`. An empty one
/// would let the console's router take every link of the host page, so the module
/// refuses it before it gets here; `/` stands in as the last resort.
fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_string();
    }
    if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

#[wasm_bindgen(js_name = mountConsole)]
pub fn mount_console(element: web_sys::HtmlElement, options: &MountOptions) -> u32 {
    mount(element, options)
}

/// Switches console `id` to the language `locale` (a tag such as `de`; empty for
/// the host page's own), without a remount.
#[wasm_bindgen(js_name = setConsoleLocale)]
pub fn set_console_locale(id: u32, locale: Option<String>) {
    let locale = locale.filter(|l| !l.trim().is_empty());
    registry::with(id, |i| i.locale.set(locale));
}

/// Unmounts console `id`: its view, listeners, timers and effects go with it.
#[wasm_bindgen(js_name = unmountConsole)]
pub fn unmount_console(id: u32) {
    registry::remove(id);
}

/// Shows `path` (a console path such as `/organisation/users`) in console `id`.
#[wasm_bindgen(js_name = navigateConsole)]
pub fn navigate_console(id: u32, path: String) {
    registry::with(id, |i| i.navigate_to.set(Some(path)));
}

/// Moves console `id` under another base path, without a remount.
#[wasm_bindgen(js_name = setConsoleBasePath)]
pub fn set_console_base_path(id: u32, base_path: String) {
    let base = normalize_base(&base_path);
    registry::with(id, |i| i.base.set(base));
}

/// Hands console `id` a new `getToken`; a session that had ended tries again with it.
#[wasm_bindgen(js_name = setConsoleGetToken)]
pub fn set_console_get_token(id: u32, get_token: Option<js_sys::Function>) {
    registry::with(id, |i| {
        i.get_token.set(get_token);
        i.token_changed.notify();
    });
}

#[cfg(test)]
mod tests {
    use super::normalize_base;

    #[test]
    fn base_paths_are_absolute_without_a_trailing_slash() {
        assert_eq!(normalize_base("/embed/org/"), "/embed/org");
        assert_eq!(normalize_base(" embed/org "), "/embed/org");
        assert_eq!(normalize_base("/organisation"), "/organisation");
        // Never empty: an empty base would let the router take the host's links.
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("/"), "/");
    }
}
