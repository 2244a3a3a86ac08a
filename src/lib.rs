//! The organisation console: a client-side Leptos app (compiled to wasm by trunk)
//! for the bintu-style API.
//!
//! - [`start`] mounts the standalone app into its own page's `<body>`; [`embed`] is
//!   what the `org-console.js` module (the `<org-console>` element and `mount()`)
//!   calls to mount consoles into a host page's elements.
//! - [`routes`] every address, typed; [`router`] follows the browser's address;
//!   [`app`] picks the page from it, [`pages`] one file per route, [`components`] the
//!   widgets, [`api`] the HTTP client, [`session`] the login state, [`host_events`]
//!   what an embedded console tells its host, [`domain`] the pure, natively tested
//!   logic.

// The catalogs compiled by build.rs (leptos_i18n): `crate::i18n`.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod domain;
pub mod embed;
pub mod host_events;
pub mod lang;
pub mod pages;
pub mod prefs;
pub mod router;
pub mod routes;
pub mod session;
pub mod web_storage;

/// The attribute of the standalone page's `<body>` (index.html) that asks for the
/// app to take the whole page. Without it (a host page that imported
/// `org-console.js`) the module only waits to be asked to mount.
const STANDALONE_MARKER: &str = "data-org-console-page";

/// The standalone page's runtime configuration, next to the page.
const CONFIG_URL: &str = "config.json";

/// Removes the static "Loading…" line `index.html` shows until the app mounts.
fn remove_boot_placeholder(document: &web_sys::Document) {
    if let Some(el) = document.query_selector("[data-oc-boot]").ok().flatten() {
        el.remove();
    }
}

/// Entry point, run when the wasm module is instantiated: on the standalone page reads
/// `config.json` (saying what is wrong with it, if anything) and mounts the app.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let standalone = document
        .body()
        .is_some_and(|b| b.has_attribute(STANDALONE_MARKER));
    if !standalone {
        return;
    }
    let language = lang::choice::standalone();
    wasm_bindgen_futures::spawn_local(async move {
        // The words first (German's are a chunk of their own, which
        // public/early-session.js preloads): the first screen is in its language.
        if lang::ready(language).await.is_ok() {
            // The problem screens before the app speak its language too.
            lang::set_fallback(language);
        }
        // public/early-session.js read the configuration (and asked who the stored
        // token belongs to) while the wasm loaded.
        let early = session::early::Early::take();
        let early_config = match &early {
            Some(e) => e
                .config_text()
                .await
                .and_then(|t| config::RuntimeConfig::parse(&t).ok()),
            None => None,
        };
        let config = match (early_config, document.body()) {
            (Some(c), _) => c,
            // Read again: the answer says what is wrong, on a screen of its own.
            (None, Some(body)) => {
                components::config_problem::read_config(CONFIG_URL, body, false, |problem| {
                    remove_boot_placeholder(&document);
                    leptos::logging::warn!("org-console: {CONFIG_URL}: {}", problem.explain());
                })
                .await
            }
            (None, None) => return,
        };
        // The first page's code, so the frame and the page are drawn together.
        let path = document
            .location()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default();
        if let Some(page) = app::first_page(&path, session::storage::token().is_some()) {
            page.load_within(components::lazy_page::FIRST_PAGE_WAIT_MS)
                .await;
        }
        remove_boot_placeholder(&document);
        leptos::mount::mount_to_body(move || {
            let base = leptos::prelude::ArcRwSignal::new(String::new());
            leptos::view! { <app::App config=config base=base early=early/> }
        });
    });
}
