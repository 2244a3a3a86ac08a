//! The organisation console: a client-side Leptos app (compiled to wasm by trunk)
//! for the bintu-style API.
//!
//! - [`start`] mounts the app, standalone (into `<body>`) or embedded into a host
//!   page's `[data-org-console]` element.
//! - [`routes`] every address, typed; [`app`] the router built from it, [`pages`] one file per route, [`components`] the
//!   widgets, [`api`] the HTTP client, [`session`] the login state, [`domain`] the
//!   pure, natively tested logic.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod domain;
pub mod pages;
pub mod routes;
pub mod session;

use wasm_bindgen::JsCast;

/// Where the console is mounted and how it is configured, read from the page.
struct MountPoint {
    /// The host element, or `None` for `<body>` (the standalone page).
    element: Option<web_sys::HtmlElement>,
    /// Router base (`data-base-path`), e.g. `/embed`; empty when standalone.
    base_path: String,
    /// Where `config.json` is (`data-config-url`), relative to the document base.
    config_url: String,
}

fn find_mount_point() -> MountPoint {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-org-console]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let attr = |name: &str| {
        element
            .as_ref()
            .and_then(|e| e.get_attribute(name))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let base_path = attr("data-base-path")
        .map(|b| b.trim_end_matches('/').to_string())
        .unwrap_or_default();
    let config_url = attr("data-config-url").unwrap_or_else(|| "config.json".to_string());
    MountPoint {
        element,
        base_path,
        config_url,
    }
}

/// Removes the static "Loading…" line `index.html` shows until the app mounts.
fn remove_boot_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-oc-boot]").ok().flatten())
    {
        el.remove();
    }
}

/// Entry point: installs the panic hook, reads `config.json`, mounts the app.
pub fn start() {
    console_error_panic_hook::set_once();
    let mount = find_mount_point();
    wasm_bindgen_futures::spawn_local(async move {
        let config = config::RuntimeConfig::load(&mount.config_url).await;
        let base = mount.base_path;
        remove_boot_placeholder();
        match mount.element {
            Some(el) => {
                // Whatever the host put inside as a placeholder gives way to the app.
                el.set_inner_html("");
                let _ = el.class_list().add_1("oc-host");
                // Dropping the handle would unmount the app at once; the console lives
                // as long as the page.
                leptos::mount::mount_to(el, move || {
                    leptos::view! { <app::App config=config base=base embedded=true/> }
                })
                .forget();
            }
            None => leptos::mount::mount_to_body(move || {
                leptos::view! { <app::App config=config base=base embedded=false/> }
            }),
        }
    });
}
