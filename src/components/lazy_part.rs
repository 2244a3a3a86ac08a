//! Parts of a page that only some visits use (a dialog, a menu), in a wasm chunk of
//! their own: the first visit does not pay for them.
//!
//! A component declares its split point with [`lazy_part!`]; [`Lazy`] stands in its
//! place. The chunk is fetched while the browser is idle once the page has settled,
//! or at once when the part is wanted first (its dialog is asked to open); the part
//! is built as soon as its code is in, with the props it was given. Until then
//! nothing is shown; a slow load shows a quiet "Loading…" after a moment, and a
//! failed one a notice with Retry and Dismiss (which gives up on the part, e.g.
//! closes the dialog that asked for it).

use leptos::prelude::*;

use super::dialog::{active_element, focus_opener};
use super::lazy_page::{after_next_paint, idle, sleep, ChunkCell, ChunkLoad, PREFETCH_AFTER_MS};
use super::retry_notice::RetryNotice;

/// Builds the part from its props; the function itself is in the part's chunk.
pub type PartView<P> = fn(P) -> AnyView;

/// A component in a chunk of its own, taking props `P`.
pub struct LazyPart<P: 'static> {
    view: ChunkCell<PartView<P>>,
    /// Starts fetching the parts this part's view is built with (a dialog part's
    /// [`Dialog`](super::dialog::Dialog)), so that they come beside it, not after it.
    fetch_beside: fn(),
}

impl<P: 'static> LazyPart<P> {
    /// Used by [`lazy_part!`].
    pub const fn new(load: fn() -> ChunkLoad<PartView<P>>, fetch_beside: fn()) -> LazyPart<P> {
        LazyPart {
            view: ChunkCell::new(load),
            fetch_beside,
        }
    }

    /// Fetches the part's chunk in the background unless it is in already.
    pub fn prefetch(&'static self) {
        self.view.prefetch();
    }
}

/// Declares a part's split point: `[pub] static $name: LazyPart<$props>` whose view, the
/// component `$component`, and everything only it uses go into the chunk `$chunk`.
/// `beside = OTHER` names a part the view is built with, fetched at the same time.
#[macro_export]
macro_rules! lazy_part {
    ($(#[$meta:meta])* $vis:vis $name:ident, $chunk:ident, $component:ident, $props:ty, beside = $beside:path) => {
        $crate::lazy_part!(@declare $(#[$meta])* $vis $name, $chunk, $component, $props, || $beside.prefetch());
    };
    ($(#[$meta:meta])* $vis:vis $name:ident, $chunk:ident, $component:ident, $props:ty) => {
        $crate::lazy_part!(@declare $(#[$meta])* $vis $name, $chunk, $component, $props, || {});
    };
    (@declare $(#[$meta:meta])* $vis:vis $name:ident, $chunk:ident, $component:ident, $props:ty, $beside:expr) => {
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> ::core::result::Result<
            $crate::components::lazy_part::PartView<$props>,
            $crate::components::lazy_page::ChunkError,
        > {
            ::core::result::Result::Ok(|props| ::leptos::prelude::IntoAny::into_any($component(props)))
        }
        $(#[$meta])*
        $vis static $name: $crate::components::lazy_part::LazyPart<$props> =
            $crate::components::lazy_part::LazyPart::new(|| ::std::boxed::Box::pin($chunk()), $beside);
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetch {
    Idle,
    Running,
    Failed,
}

/// Shows `part` built with `props` once its chunk is in.
#[component]
pub fn Lazy<P: 'static>(
    part: &'static LazyPart<P>,
    props: P,
    /// Whether the part is wanted now (its dialog asked to open): its chunk is then
    /// fetched at once instead of when the browser is idle.
    #[prop(into)]
    wanted: Signal<bool>,
    /// Gives up on the part after a failed fetch, so that `wanted` turns false.
    on_dismiss: Callback<()>,
    /// The page wants the part, not the user (a card below the first screen): the
    /// focus stays where it is when it comes, instead of going back to what had it
    /// when the part was wanted.
    #[prop(optional)]
    unasked: bool,
) -> impl IntoView {
    // Only these two closures depend on `P`: the rest is compiled once for all parts.
    let fetch: PartFetch = Box::new(move || {
        (part.fetch_beside)();
        Box::pin(async move { part.view.load().await.map(drop) })
    });
    let build: PartBuild = Box::new(move || match part.view.get() {
        Some(view) => view(props),
        None => ().into_any(),
    });
    lazy_view(PartSlot {
        loaded: part.view.get().is_some(),
        fetch,
        build,
        wanted,
        on_dismiss,
        unasked,
    })
}

type PartFetch = Box<dyn Fn() -> ChunkLoad<()>>;
type PartBuild = Box<dyn FnOnce() -> AnyView>;

/// [`Lazy`]'s properties with the part's type erased.
struct PartSlot {
    loaded: bool,
    fetch: PartFetch,
    build: PartBuild,
    wanted: Signal<bool>,
    on_dismiss: Callback<()>,
    unasked: bool,
}

fn lazy_view(slot: PartSlot) -> AnyView {
    let PartSlot {
        wanted,
        on_dismiss,
        unasked,
        ..
    } = slot;
    let ready = RwSignal::new(slot.loaded);
    let fetch = RwSignal::new(Fetch::Idle);
    let fetch_part = StoredValue::new_local(slot.fetch);
    // Safe to call after the page is gone (an idle fetch that comes late).
    let load = move || {
        let (Some(false), Some(now)) = (ready.try_get_untracked(), fetch.try_get_untracked())
        else {
            return;
        };
        if now == Fetch::Running {
            return;
        }
        fetch.set(Fetch::Running);
        let fetched = fetch_part.with_value(|f| f());
        leptos::task::spawn_local(async move {
            match fetched.await {
                Ok(()) => {
                    let _ = ready.try_set(true);
                    let _ = fetch.try_set(Fetch::Idle);
                }
                Err(_) => {
                    let _ = fetch.try_set(Fetch::Failed);
                }
            }
        });
    };
    // What had the focus when the part was asked for: a dialog returns the focus to
    // it on closing, also when it opens only after a Retry in the notice.
    let asked_from = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if wanted.get() {
            if !ready.get_untracked() && !unasked {
                asked_from.set_value(active_element());
            }
            load();
        }
    });
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            sleep(PREFETCH_AFTER_MS).await;
            idle().await;
            // A prefetch, not a retry: after a failed fetch the notice waits for the
            // user's Retry, and a dialog never opens by itself seconds later.
            if fetch.try_get_untracked() == Some(Fetch::Idle) {
                load();
            }
        });
    }

    // Built once: `ready` does not change after it turns true.
    let build = StoredValue::new_local(Some(slot.build));
    let part_view = move || {
        if !ready.get() {
            return None;
        }
        let build = build.try_update_value(Option::take).flatten()?;
        if let (true, Some(el)) = (wanted.get_untracked(), asked_from.get_value()) {
            focus_opener(&el);
        }
        Some(untrack(build))
    };
    let retry = Callback::new(move |()| load());
    let dismiss = Callback::new(move |()| {
        on_dismiss.run(());
        if let Some(el) = asked_from.get_value() {
            focus_opener(&el);
        }
    });
    let notice = move || match (wanted.get(), fetch.get()) {
        (true, Fetch::Running) => Some(
            view! {
                <div class="oc-floating-notice oc-floating-notice--after-a-moment" role="status">
                    <p class="oc-floating-notice__text">{crate::tr!(lazy_page.loading)}</p>
                </div>
            }
            .into_any(),
        ),
        (true, Fetch::Failed) => Some(
            view! {
                <RetryNotice
                    retry_label={crate::tr!(lazy_page.retry)}
                    on_retry=retry
                    on_dismiss=dismiss
                >
                    {crate::tr!(lazy_page.part_could_not_be_loaded)}" "
                    {crate::tr!(lazy_page.check_your_connection_and_try)}
                    {crate::tr!(lazy_page.meanwhile_reloading_the_page_brings)}
                </RetryNotice>
            }
            .into_any(),
        ),
        _ => None,
    };
    view! {
        {part_view}
        {notice}
    }
    .into_any()
}

/// A part's `wanted` for content that follows what a page shows (a card below its first
/// screen, an `unasked` [`Lazy`] inside its `<Show>`): false until the browser is idle after its
/// next paint, so that fetching and compiling the part's chunk does not hold back
/// what the page is still drawing (the users list's rows came 40 to 50 ms later when
/// the pending invitations were fetched with them). Dismiss sets it back to false.
pub fn wanted_when_idle() -> RwSignal<bool> {
    let wanted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        after_next_paint().await;
        idle().await;
        let _ = wanted.try_set(true);
    });
    wanted
}

/// Cards that follow a page's first ones, in a chunk of their own: wanted once the
/// browser is idle after the page's paint ([`wanted_when_idle`]), and `unasked`.
/// Dismissing a failed fetch leaves them out.
pub fn lazy_card<P: 'static>(part: &'static LazyPart<P>, props: P) -> impl IntoView {
    let wanted = wanted_when_idle();
    view! {
        <Lazy part=part props=props wanted=wanted unasked=true
            on_dismiss=Callback::new(move |()| wanted.set(false))/>
    }
}

/// A dialog in a chunk of its own, asked for by `open` (its own open flag): a failed
/// fetch dismissed closes it, so the button that opened it works again.
pub fn lazy_dialog<P: 'static>(
    part: &'static LazyPart<P>,
    props: P,
    open: RwSignal<bool>,
) -> impl IntoView {
    view! { <Lazy part=part props=props wanted=open on_dismiss=Callback::new(move |()| open.set(false))/> }
}
