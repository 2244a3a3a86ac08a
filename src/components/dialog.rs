//! An accessible modal dialog over the native `<dialog>` element.
//!
//! `showModal()` gives the focus trap, the inert background and Escape for free.
//! Escape and Cancel close the dialog with nothing changed and focus returns to the
//! element that opened it. Confirm runs an async action: the button is disabled while
//! it runs (no double sends), an error keeps the dialog open and is shown in it.
//!
//! ```ignore
//! let open = RwSignal::new(false);
//! view! {
//!     <button on:click=move |_| open.set(true)>"Delete user"</button>
//!     <Dialog
//!         open=open
//!         title="Delete user?"
//!         confirm_label="Delete user"
//!         variant=DialogVariant::Danger
//!         on_confirm=move || async move {
//!             users::delete(&api, id).await.map_err(|e| user_message(&e))
//!         }
//!     >
//!         <p>"This cannot be undone."</p>
//!     </Dialog>
//! }
//! ```

use std::future::Future;
use std::pin::Pin;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::lazy_part::lazy_dialog;
use super::unique_id;

/// How the confirm button looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DialogVariant {
    /// A primary (brand-coloured) confirm button.
    #[default]
    Default,
    /// A destructive action: red confirm button and a warning icon in the title.
    Danger,
}

/// A modal dialog with a title, a body, Cancel and an async Confirm. Its code is the
/// part [`MODAL`]: fetched while the browser is idle, or when the dialog first opens.
/// A part whose view has a `Dialog` names `MODAL` in its `beside`.
#[component]
pub fn Dialog<F, Fut>(
    /// Whether the dialog is open. Set it to `true` to open; the dialog sets it back
    /// to `false` when it closes (Cancel, Escape, or a successful confirm).
    open: RwSignal<bool>,
    /// The heading, which is also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// Runs when Confirm is pressed. `Ok` closes the dialog (unless
    /// `close_on_success` is false); `Err(message)` keeps it open and shows the
    /// message in the dialog's error slot.
    on_confirm: F,
    /// Text of the confirm button. Default: "Confirm".
    #[prop(optional, into)]
    confirm_label: Option<Signal<String>>,
    /// Text of the cancel button. Default: "Cancel".
    #[prop(optional, into)]
    cancel_label: Option<Signal<String>>,
    /// `Danger` for destructive actions. Default: `Default`.
    #[prop(optional)]
    variant: DialogVariant,
    /// Disables Confirm, e.g. while a form in the body is invalid.
    #[prop(optional, into)]
    confirm_disabled: Option<Signal<bool>>,
    /// Whether a successful confirm closes the dialog. Default: `true`. Set to
    /// `false` to show a result in the body afterwards (e.g. a created invite link).
    #[prop(default = true)]
    close_on_success: bool,
    /// Called after the dialog closed, however it closed (e.g. to reset a form).
    #[prop(optional, into)]
    on_close: Option<Callback<()>>,
    /// Extra classes on the `<dialog>` element.
    #[prop(optional, into)]
    class: Option<String>,
    /// The body: text, or a form whose values the `on_confirm` closure reads.
    children: Children,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), String>> + 'static,
{
    let on_confirm: ConfirmFn = Box::new(move || Box::pin(on_confirm()));
    let props = Modal {
        open,
        title,
        on_confirm,
        confirm_label,
        cancel_label,
        variant,
        confirm_disabled,
        close_on_success,
        on_close,
        class,
        children,
    };
    lazy_dialog(&MODAL, props, open)
}

crate::lazy_part!(
    /// The dialog's own code, in a chunk of its own: every dialog is closed when its
    /// page is first shown.
    pub MODAL,
    dialog,
    modal,
    Modal
);

/// What `on_confirm` becomes: one type for every dialog, so the dialog's code is
/// compiled once, not once per caller's closure.
type ConfirmFn = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<(), String>>>>>;

/// [`Dialog`]'s properties, with the confirm action boxed; only [`Dialog`] makes one.
pub struct Modal {
    open: RwSignal<bool>,
    title: Signal<String>,
    on_confirm: ConfirmFn,
    confirm_label: Option<Signal<String>>,
    cancel_label: Option<Signal<String>>,
    variant: DialogVariant,
    confirm_disabled: Option<Signal<bool>>,
    close_on_success: bool,
    on_close: Option<Callback<()>>,
    class: Option<String>,
    children: Children,
}

fn modal(props: Modal) -> AnyView {
    // The signals and flags are `Copy`; the rest is taken from `props` where it is used.
    let Modal {
        open,
        title,
        close_on_success,
        on_close,
        ..
    } = props;
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let confirm_label = props
        .confirm_label
        .unwrap_or_else(|| Signal::stored(crate::tr!(dialog.confirm).to_string()));
    let cancel_label = props
        .cancel_label
        .unwrap_or_else(|| Signal::stored(crate::tr!(dialog.cancel).to_string()));
    let confirm_disabled = props.confirm_disabled.unwrap_or_default();

    let built = built_once_opened(move || open.get());
    Effect::new(move |_| {
        let want_open = open.get();
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if want_open && !dialog.open() {
            opener.set_value(active_element());
            error.set(None);
            pending.set(false);
            show_modal_once_built(dialog, move || open.get_untracked());
        } else if !want_open && dialog.open() {
            dialog.close();
        }
    });

    // The native `close` event covers every way of closing (Escape, Cancel, confirm).
    let on_closed = move |_| {
        open.set(false);
        if let Some(cb) = on_close {
            cb.run(());
        }
        if let (Some(d), Some(el)) = (dialog_ref.get_untracked(), opener.get_value()) {
            return_focus(&d, &el);
        }
    };
    // Escape while the action runs would orphan its result: keep the dialog open.
    let on_cancel = move |ev: web_sys::Event| {
        if pending.get_untracked() {
            ev.prevent_default();
        }
    };

    // Local values: the content is built inside a reactive closure.
    let on_confirm = StoredValue::new_local(props.on_confirm);
    let children = StoredValue::new_local(Some(props.children));
    let confirm = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let fut = on_confirm.with_value(|run| run());
        leptos::task::spawn_local(async move {
            let result = fut.await;
            let _ = pending.try_set(false);
            match result {
                Ok(()) if close_on_success => {
                    let _ = open.try_set(false);
                }
                Ok(()) => {}
                Err(message) => {
                    let _ = error.try_set(Some(message));
                }
            }
        });
    };

    let danger = props.variant == DialogVariant::Danger;
    let classes = format!(
        "oc-dialog{}{}",
        if danger { " oc-dialog--danger" } else { "" },
        props.class.map(|c| format!(" {c}")).unwrap_or_default()
    );

    let labelledby = title_id.clone();
    view! {
        <dialog
            node_ref=dialog_ref
            class=classes
            aria-labelledby=labelledby
            on:close=on_closed
            on:cancel=on_cancel
            on:keydown=move |ev| {
                if let Some(d) = dialog_ref.get_untracked() {
                    keep_tab_inside(&ev, &d);
                }
            }
        >
            {move || built.get().then(|| view! {
            <div class="oc-dialog__surface">
                <h2 class="oc-dialog__title" id=title_id.clone()>
                    {danger.then(|| view! { <span class="oc-dialog__icon" aria-hidden="true">"!"</span> })}
                    {move || title.get()}
                </h2>
                <div class="oc-dialog__body">{children.try_update_value(Option::take).flatten().map(|body| body())}</div>
                <div class="oc-dialog__error" role="alert">
                    {move || error.get().map(|m| view! { <p class="oc-alert oc-alert--error">{m}</p> })}
                </div>
                <div class="oc-dialog__actions">
                    <button
                        type="button"
                        class="oc-button oc-button--secondary"
                        disabled=move || pending.get()
                        on:click=move |_| open.set(false)
                    >
                        {move || cancel_label.get()}
                    </button>
                    <button
                        type="button"
                        class=if danger { "oc-button oc-button--danger" } else { "oc-button oc-button--primary" }
                        disabled=move || pending.get() || confirm_disabled.get()
                        aria-busy=move || pending.get().then_some("true")
                        on:click=confirm
                    >
                        <span class="oc-spinner" aria-hidden="true" class:oc-spinner--on=move || pending.get()></span>
                        {move || confirm_label.get()}
                    </button>
                </div>
            </div>
            })}
        </dialog>
    }
    .into_any()
}

/// Whether a modal's content has been built: from its first opening on (`open`),
/// never before. A page with several dialogs shows faster and holds fewer nodes; once
/// built the content stays (a closed dialog is not shown), so a form keeps what was
/// typed.
pub fn built_once_opened(open: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open())
}

/// `showModal()` on `dialog`. On its first opening the content is built in this same
/// turn ([`built_once_opened`]), so the call waits a frame for it, if `still_open`,
/// and the focus lands on its first control.
pub fn show_modal_once_built(
    dialog: web_sys::HtmlDialogElement,
    still_open: impl Fn() -> bool + 'static,
) {
    let show = |dialog: &web_sys::HtmlDialogElement| {
        if let Err(e) = dialog.show_modal() {
            leptos::logging::error!("dialog: showModal failed: {e:?}");
        }
    };
    if dialog.child_element_count() > 0 {
        show(&dialog);
    } else {
        request_animation_frame(move || {
            if still_open() && !dialog.open() {
                show(&dialog);
            }
        });
    }
}

/// Keeps Tab and Shift+Tab inside a modal dialog: from its last control to its first
/// and back. Chromium wraps by itself; Firefox and WebKit move the focus out of the
/// page (to the browser's toolbar), leaving `document.activeElement` on `<body>`.
pub fn keep_tab_inside(ev: &web_sys::KeyboardEvent, dialog: &web_sys::Element) {
    if ev.key() != "Tab" {
        return;
    }
    const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref() == Some(e);
    let target = if ev.shift_key() && (at(first) || active.is_none()) {
        last
    } else if !ev.shift_key() && at(last) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    let _ = target.focus();
}

/// After `dialog` closed, gives the focus back to `opener` unless it has moved on.
/// The `close` event comes a task after `close()`; by then the browser has put the
/// focus back itself, and a quick keyboard user (or a busy machine) may already have
/// moved it to the next control, which must not be undone: a Tab and Enter a moment
/// later would otherwise open the same dialog again. The opener is focused when the
/// focus is nowhere (the opener was written anew meanwhile) or still in the dialog.
pub fn return_focus(dialog: &web_sys::Element, opener: &web_sys::HtmlElement) {
    let moved_on = active_element().is_some_and(|el| {
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        body.as_ref() != Some(&el) && !dialog.contains(Some(&el))
    });
    if !moved_on {
        focus_opener(opener);
    }
}

/// Gives the focus back to `opener`, the control that opened a dialog or a part. A
/// control that was written anew meanwhile (a list reloaded while the dialog was
/// open) is found again by its `id`, which its new copy keeps.
pub fn focus_opener(opener: &web_sys::HtmlElement) {
    if opener.is_connected() {
        let _ = opener.focus();
        return;
    }
    let id = opener.id();
    let twin = (!id.is_empty())
        .then(|| web_sys::window()?.document()?.get_element_by_id(&id))
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(twin) = twin {
        let _ = twin.focus();
    }
}

/// The focused element, if it is an HTML element.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
