//! Pages whose code lives in a wasm chunk of its own, loaded on the first visit.
//!
//! Each page module declares its split point with [`lazy_page!`]; `cargo xtask build`
//! cuts the wasm there (xtask/src/wasm.rs). [`LazyView`] shows a page: at once when
//! its chunk is in, else a loading line while it loads, and when the chunk cannot be
//! fetched (a dropped connection, a deploy that replaced the files) a calm message
//! with Retry, never a dead page. Once the first page is on screen, every other
//! page's chunk is fetched while the browser is idle, and a tab's chunk as soon as
//! its link is hovered or focused, so switching tabs stays instant.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::main_region::MainRegion;
use crate::components::status::Loading;
use crate::routes::{use_base, Route};

/// Builds a page's view; the function itself is in the page's chunk.
pub type PageView = fn() -> AnyView;
/// The failure of a chunk load (logged to the browser console by the loader).
pub use leptos::wasm_split::SplitLoaderError as ChunkError;
/// How a chunk's value is fetched: the future of a `#[wasm_split]` function.
pub type ChunkLoad<T> = Pin<Box<dyn Future<Output = Result<T, ChunkError>>>>;

/// A value a wasm chunk holds (a page's or a part's view function), fetched on first
/// use and kept.
pub struct ChunkCell<T: 'static> {
    load: fn() -> ChunkLoad<T>,
    loaded: OnceLock<T>,
}

impl<T: Copy + 'static> ChunkCell<T> {
    pub const fn new(load: fn() -> ChunkLoad<T>) -> ChunkCell<T> {
        ChunkCell {
            load,
            loaded: OnceLock::new(),
        }
    }

    /// The value, if its chunk is in.
    pub fn get(&self) -> Option<T> {
        self.loaded.get().copied()
    }

    /// The value, fetching its chunk first if needed. A failure is not remembered:
    /// the next call tries again.
    pub async fn load(&'static self) -> Result<T, ChunkError> {
        if let Some(value) = self.get() {
            return Ok(value);
        }
        let value = (self.load)().await?;
        Ok(*self.loaded.get_or_init(|| value))
    }

    /// Fetches the chunk in the background unless it is in already.
    pub fn prefetch(&'static self) {
        if self.get().is_none() {
            leptos::task::spawn_local(async move {
                let _ = self.load().await;
            });
        }
    }
}

/// A page in a chunk of its own: what the loading line says, and how to load it.
pub struct LazyPage {
    label: fn() -> &'static str,
    view: ChunkCell<PageView>,
}

impl LazyPage {
    /// Used by [`lazy_page!`].
    pub const fn new(label: fn() -> &'static str, load: fn() -> ChunkLoad<PageView>) -> LazyPage {
        LazyPage {
            label,
            view: ChunkCell::new(load),
        }
    }

    /// Fetches the chunk in the background unless it is in already.
    pub fn prefetch(&'static self) {
        self.view.prefetch();
    }

    /// Loads the chunk, waiting for it at most `ms` milliseconds (it goes on loading
    /// after that; a failure shows when the page is built).
    pub async fn load_within(&'static self, ms: i32) {
        if self.view.get().is_some() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            set_timeout_ms(&resolve, ms);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = self.view.load().await;
                let _ = resolve.call0(&JsValue::NULL);
            });
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Declares a page's split point: `static $name: LazyPage` whose view, the component
/// `$page`, and everything only it uses go into the chunk `$chunk`.
#[macro_export]
macro_rules! lazy_page {
    ($(#[$meta:meta])* $name:ident, $chunk:ident, $page:ident, $label:expr) => {
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> ::core::result::Result<
            $crate::components::lazy_page::PageView,
            $crate::components::lazy_page::ChunkError,
        > {
            ::core::result::Result::Ok(|| ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$page/> }))
        }
        $(#[$meta])*
        pub static $name: $crate::components::lazy_page::LazyPage =
            $crate::components::lazy_page::LazyPage::new(|| $label, || ::std::boxed::Box::pin($chunk()));
    };
}

/// Every lazily loaded page, for the idle prefetch (provided by the app).
#[derive(Clone, Copy)]
pub struct LazyPages(pub &'static [&'static LazyPage]);

/// The page a route shows, if it is lazily loaded (provided by the app).
#[derive(Clone, Copy)]
pub struct RoutePrefetch(pub fn(&Route) -> Option<&'static LazyPage>);

/// An event handler for a group of links (`mouseover`, `focusin`): fetches the
/// chunk of the page the link under the pointer or in focus leads to.
pub fn use_link_prefetch() -> impl Fn(web_sys::Event) + Clone + 'static {
    let page_of = use_context::<RoutePrefetch>();
    let base = use_base();
    move |ev: web_sys::Event| {
        let Some(RoutePrefetch(page_of)) = page_of else {
            return;
        };
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            let path = format!("{}{}", link.pathname(), link.search());
            if let Some(page) = page_of(&Route::parse(base.strip(&path))) {
                page.prefetch();
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Phase {
    Loading,
    Ready(PageView),
    Failed,
}

/// Shows `page`, loading its chunk on the first visit.
#[component]
pub fn LazyView(
    page: &'static LazyPage,
    /// The route has no frame around it (login, an invitation): the loading line and
    /// the failure stand in a main landmark of their own.
    #[prop(optional)]
    framed_by_self: bool,
) -> impl IntoView {
    let phase = RwSignal::new(match page.view.get() {
        Some(view) => Phase::Ready(view),
        None => Phase::Loading,
    });
    let load = move || {
        phase.set(Phase::Loading);
        leptos::task::spawn_local(async move {
            let next = match page.view.load().await {
                Ok(view) => Phase::Ready(view),
                Err(_) => Phase::Failed,
            };
            // The page may have been left meanwhile.
            let _ = phase.try_set(next);
        });
    };
    if matches!(phase.get_untracked(), Phase::Loading) {
        load();
    }
    let all = use_context::<LazyPages>();
    let in_landmark = move |inner: AnyView| {
        if framed_by_self {
            view! { <MainRegion class="oc-centered" label=(page.label)()>{inner}</MainRegion> }
                .into_any()
        } else {
            inner
        }
    };
    move || match phase.get() {
        Phase::Loading => in_landmark(view! { <Loading label=(page.label)()/> }.into_any()),
        Phase::Ready(view) => {
            if let Some(all) = all {
                prefetch_when_idle(all);
            }
            view()
        }
        Phase::Failed => in_landmark(view! { <ChunkFailed on_retry=move || load()/> }.into_any()),
    }
}

/// "This part of the console could not be loaded", with Retry.
#[component]
fn ChunkFailed(on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="oc-card oc-chunk-failed" role="alert">
            <h2>{crate::tr!(lazy_page.this_part_of_the_console)}</h2>
            <p>
                {crate::tr!(lazy_page.check_your_connection_and_try)}
                {crate::tr!(lazy_page.meanwhile_reloading_the_page_brings)}
            </p>
            <button type="button" class="oc-button oc-button--primary" on:click=move |_| on_retry()>
                {crate::tr!(lazy_page.retry)}
            </button>
        </div>
    }
}

/// After the first page is on screen and its data has had time to arrive: every
/// other page's chunk, one at a time, each in an idle period of its own (compiling a
/// chunk takes the main thread a moment: never while the user is typing, and never
/// competing with the first screen's requests). Once per document.
fn prefetch_when_idle(all: LazyPages) {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    leptos::task::spawn_local(async move {
        sleep(PREFETCH_AFTER_MS).await;
        for page in all.0 {
            idle().await;
            let _ = page.view.load().await;
        }
    });
}

#[wasm_bindgen]
extern "C" {
    /// `requestIdleCallback`, which WebKit lacks.
    #[wasm_bindgen(js_name = requestIdleCallback, catch)]
    fn request_idle_callback(callback: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// How long the standalone page waits for its first page's chunk before it mounts.
/// The chunk is usually in by then (early-session.js preloads its pack beside the main
/// module), and the frame and the page are then built and drawn in one go: no loading
/// line drawn and torn down in between (the users list's first rows 8 to 13 ms
/// sooner). Where the network is slower, the frame comes at most this much later and
/// the page no later than before.
pub const FIRST_PAGE_WAIT_MS: i32 = 100;

/// How long after the first page is shown the idle prefetch begins; a tab's link,
/// hovered or focused, fetches its page at once meanwhile.
pub(super) const PREFETCH_AFTER_MS: i32 = 3_000;
/// Where the browser cannot say when it is idle: a pause between two chunks.
const IDLE_FALLBACK_MS: i32 = 500;

/// Resolves in the browser's next idle period, or after a pause where it cannot say.
pub(super) async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if request_idle_callback(&resolve).is_err() {
            set_timeout_ms(&resolve, IDLE_FALLBACK_MS);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub(super) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| set_timeout_ms(&resolve, ms));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has drawn a frame: work that follows runs in a task of
/// its own, after what is on screen now was painted.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let then = Closure::once_into_js(move || set_timeout_ms(&resolve, 0));
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(then.unchecked_ref());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn set_timeout_ms(callback: &js_sys::Function, ms: i32) {
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, ms);
    }
}
