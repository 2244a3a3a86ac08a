//! The consoles mounted on this page, by id. The host's handle is a plain JS object
//! holding the id: no wasm-bindgen object whose FinalizationRegistry could unmount a
//! console when the host lets go of its handle; only `unmount` does.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

use super::host_token::HostTokenGetter;

/// What the host may still change on a mounted console.
pub struct Instance {
    pub element: web_sys::HtmlElement,
    /// The router base (`base-path`).
    pub base: ArcRwSignal<String>,
    /// A console path the host asked to show (`navigate`).
    pub navigate_to: ArcRwSignal<Option<String>>,
    /// The host's `getToken`, replaceable.
    pub get_token: HostTokenGetter,
    /// Notified when the host hands over a new `getToken`.
    pub token_changed: ArcTrigger,
    /// The language the host asks for (`locale`).
    pub locale: ArcRwSignal<Option<String>>,
    /// `None` while the configuration is still loading.
    pub handle: Option<UnmountHandle<AnyViewState>>,
}

thread_local! {
    static INSTANCES: RefCell<HashMap<u32, Instance>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// Registers `instance`; returns its id.
pub fn insert(instance: Instance) -> u32 {
    let id = NEXT_ID.with_borrow_mut(|n| {
        let id = *n;
        *n += 1;
        id
    });
    INSTANCES.with_borrow_mut(|m| m.insert(id, instance));
    id
}

/// The id of the console mounted in `element`, if any.
pub fn find(element: &web_sys::HtmlElement) -> Option<u32> {
    INSTANCES.with_borrow(|m| {
        m.iter()
            .find(|(_, i)| i.element == *element)
            .map(|(id, _)| *id)
    })
}

/// Runs `f` on instance `id`, if it is still mounted.
pub fn with<R>(id: u32, f: impl FnOnce(&mut Instance) -> R) -> Option<R> {
    INSTANCES.with_borrow_mut(|m| m.get_mut(&id).map(f))
}

/// Forgets instance `id` and unmounts its view (every cleanup runs as the handle
/// drops, outside the registry's borrow).
pub fn remove(id: u32) {
    let instance = INSTANCES.with_borrow_mut(|m| m.remove(&id));
    drop(instance);
}
