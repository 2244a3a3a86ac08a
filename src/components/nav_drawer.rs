//! The mobile navigation drawer (below 768px): a menu button opens a modal
//! `<dialog>` with the Account section (My Organisation, Invite New User, Log out).
//! Escape, the close button, a click on the backdrop, or any navigation close it;
//! focus returns to the menu button.

use bintu_wire::Permission;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::dialog::{
    built_once_opened, keep_tab_inside, return_focus, show_modal_once_built,
};
use crate::components::icons::{IconClose, IconMenu};
use crate::components::language_choice::DeviceChoices;
use crate::components::lazy_part::lazy_dialog;
use crate::components::link::Link;
use crate::components::unique_id;
use crate::domain::users_view::UsersView;
use crate::router::use_location;
use crate::routes::Route;
use crate::session::{flows, use_session};

/// Menu button plus drawer; the button is only displayed on narrow screens. The
/// drawer is in a wasm chunk of its own ([`DRAWER`]), fetched once the page has
/// settled or when the button is first used: on a wide screen it never opens.
#[component]
pub fn NavDrawer() -> impl IntoView {
    let open = RwSignal::new(false);
    let button_ref = NodeRef::<html::Button>::new();
    let drawer_id = unique_id("drawer");
    let drawer = DrawerProps::builder()
        .open(open)
        .button_ref(button_ref)
        .drawer_id(drawer_id.clone())
        .build();

    view! {
        <button
            node_ref=button_ref
            type="button"
            class="oc-icon-button oc-menu-button"
            aria-label={crate::tr!(nav_drawer.open_menu)}
            data-oc-language-return=""
            aria-haspopup="dialog"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=drawer_id
            on:click=move |_| open.set(true)
        >
            <IconMenu/>
        </button>
        {lazy_dialog(&DRAWER, drawer, open)}
    }
}

crate::lazy_part!(
    /// The drawer in its own wasm chunk.
    DRAWER,
    nav_drawer,
    Drawer,
    DrawerProps
);

/// The drawer, a modal `<dialog>` while `open`; it hands the focus back to
/// `button_ref`.
#[component]
fn Drawer(
    open: RwSignal<bool>,
    button_ref: NodeRef<html::Button>,
    drawer_id: String,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let heading_id = unique_id("drawer-heading");
    let caps = Memo::new(move |_| session.capabilities());

    // The panel is built when the drawer first opens: on a wide screen it never is.
    let built = built_once_opened(move || open.get());
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog_ref.get() {
            if want && !d.open() {
                show_modal_once_built(d, move || open.get_untracked());
            } else if !want && d.open() {
                d.close();
            }
        }
    });

    // Any navigation (path or query) closes the drawer.
    Effect::new(move |prev: Option<String>| {
        let now = location.address();
        if prev.is_some_and(|p| p != now) {
            open.set(false);
        }
        now
    });

    let on_close = move |_| {
        open.set(false);
        if let (Some(d), Some(b)) = (dialog_ref.get_untracked(), button_ref.get_untracked()) {
            return_focus(&d, &b);
        }
    };
    // A click on the backdrop lands on the <dialog> itself (its content fills it).
    let on_click = move |ev: web_sys::MouseEvent| {
        let target_is_dialog = ev
            .target()
            .zip(dialog_ref.get_untracked())
            .is_some_and(|(t, d)| d.is_same_node(t.dyn_ref::<web_sys::Node>()));
        if target_is_dialog {
            open.set(false);
        }
    };
    // A link to the page already shown changes no URL, so a link closes the drawer itself.
    let on_list_click = move |ev: web_sys::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a").ok().flatten())
            .is_some();
        if on_link {
            open.set(false);
        }
    };
    let logout = flows::use_logout(move || open.set(false));
    let title_id = heading_id.clone();

    view! {
        <dialog
            node_ref=dialog_ref
            id=drawer_id
            class="oc-drawer"
            aria-labelledby=heading_id.clone()
            on:close=on_close
            on:click=on_click
            on:keydown=move |ev| {
                if let Some(d) = dialog_ref.get_untracked() {
                    keep_tab_inside(&ev, &d);
                }
            }
        >
            {move || built.get().then(|| view! {
            <div class="oc-drawer__panel">
                <div class="oc-drawer__head">
                    <h2 class="oc-drawer__title" id=title_id.clone()>{crate::tr!(nav_drawer.account)}</h2>
                    <button type="button" class="oc-icon-button" aria-label={crate::tr!(nav_drawer.close_menu)} on:click=move |_| open.set(false)>
                        <IconClose/>
                    </button>
                </div>
                <p class="oc-drawer__who">
                    <span class="oc-drawer__email">{move || session.me().map(|m| m.user.email).unwrap_or_default()}</span>
                    <span class="oc-drawer__role">{move || session.me().map(|m| m.role.display_name).unwrap_or_default()}</span>
                </p>
                <nav aria-labelledby=title_id.clone()>
                    <ul class="oc-drawer__list" on:click=on_list_click>
                        <li>
                            <Link to=Route::Overview class="oc-drawer__link">{crate::tr!(nav_drawer.my_organisation)}</Link>
                        </li>
                        <Show when=move || caps.get().allows(Permission::InviteCreate)>
                            <li>
                                <Link to=Route::Users { view: UsersView::default(), invite: true } class="oc-drawer__link">{crate::tr!(nav_drawer.invite_new_user)}</Link>
                            </li>
                        </Show>
                        <li>
                            <button type="button" class="oc-drawer__link" on:click=logout.clone()>{crate::tr!(nav_drawer.log_out)}</button>
                        </li>
                    </ul>
                </nav>
                <DeviceChoices class="oc-drawer__language"/>
            </div>
            })}
        </dialog>
    }
}
