//! The desktop profile menu: a user icon button that opens a menu with My
//! Organisation, Invite New User (with `InviteToken:Create`), the language and the
//! theme (standalone) and Log out.
//!
//! Keyboard: Enter/Space/ArrowDown open it on the first item, ArrowUp on the last;
//! arrows, Home and End move between items; Escape closes it and focus returns to the
//! button; Tab closes it and moves on.

use bintu_wire::Permission;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::icons::IconUser;
use crate::components::language_choice::{offers_choice, switch_language};
use crate::components::lazy_part::Lazy;
use crate::components::theme_choice;
use crate::components::unique_id;
use crate::domain::locale_pick::{tag, ALL};
use crate::domain::theme::ALL as THEMES;
use crate::domain::users_view::UsersView;
use crate::lang;
use crate::router::use_go;
use crate::routes::Route;
use crate::session::{flows, use_session};

/// Where a menu's focus goes when it opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    First,
    Last,
}

/// The account menu in the top bar (hidden on narrow screens, see `NavDrawer`): the
/// button here, the menu in a wasm chunk of its own ([`MENU`]), fetched once the page
/// has settled or when the button is first used.
#[component]
pub fn ProfileMenu() -> impl IntoView {
    let open = RwSignal::new(None::<Focus>);
    let button_ref = NodeRef::<html::Button>::new();
    let menu_id = unique_id("profile-menu");

    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open.set(Some(Focus::First));
        }
        "ArrowUp" => {
            ev.prevent_default();
            open.set(Some(Focus::Last));
        }
        _ => {}
    };
    // Closes when focus leaves the whole widget (a click elsewhere, Shift+Tab); the
    // menu and a notice about loading it are inside.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let widget = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = widget.zip(to).is_some_and(|(w, t)| w.contains(Some(&t)));
        if !inside {
            open.set(None);
        }
    };
    let list = MenuListProps::builder()
        .open(open)
        .button_ref(button_ref)
        .menu_id(menu_id.clone())
        .build();

    view! {
        <div class="oc-profile" on:focusout=on_focus_out>
            <button
                node_ref=button_ref
                type="button"
                class="oc-icon-button oc-profile__button"
                data-oc-language-return=""
                aria-label={crate::tr!(profile_menu.account_menu)}
                aria-haspopup="menu"
                aria-expanded=move || if open.get().is_some() { "true" } else { "false" }
                aria-controls=menu_id
                on:click=move |_| {
                    if open.get_untracked().is_some() {
                        open.set(None);
                    } else {
                        open.set(Some(Focus::First));
                    }
                }
                on:keydown=on_button_key
            >
                <IconUser/>
            </button>
            <Lazy
                part=&MENU
                props=list
                wanted=Signal::derive(move || open.with(Option::is_some))
                on_dismiss=Callback::new(move |()| open.set(None))
            />
        </div>
    }
}

crate::lazy_part!(
    /// The menu in its own wasm chunk.
    MENU,
    profile_menu,
    MenuList,
    MenuListProps
);

/// The menu itself, while `open`; it hands the focus back to `button_ref`.
#[component]
fn MenuList(
    open: RwSignal<Option<Focus>>,
    button_ref: NodeRef<html::Button>,
    menu_id: String,
) -> impl IntoView {
    let session = use_session();
    let navigate = use_go();
    let menu_ref = NodeRef::<html::Div>::new();
    let caps = Memo::new(move |_| session.capabilities());
    let current_locale = lang::locale();
    let current_theme = theme_choice::current();
    let email = move || session.me().map(|m| m.user.email).unwrap_or_default();
    let role = move || {
        session
            .me()
            .map(|m| m.role.display_name)
            .unwrap_or_default()
    };

    // Focus the first or last item once the menu is rendered.
    Effect::new(move |_| {
        let Some(which) = open.get() else { return };
        if let Some(menu) = menu_ref.get() {
            let items = menu_items(&menu);
            let target = match which {
                Focus::First => items.first(),
                Focus::Last => items.last(),
            };
            if let Some(el) = target {
                let _ = el.focus();
            }
        }
    });

    let close_to_button = move || {
        open.set(None);
        if let Some(b) = button_ref.get_untracked() {
            let _ = b.focus();
        }
    };

    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        let Some(menu) = menu_ref.get_untracked() else {
            return;
        };
        let items = menu_items(&menu);
        let current = items.iter().position(is_active);
        let n = items.len();
        if n == 0 {
            return;
        }
        let next = match ev.key().as_str() {
            "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % n)),
            "ArrowUp" => Some(current.map_or(n - 1, |i| (i + n - 1) % n)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Escape" => {
                ev.prevent_default();
                close_to_button();
                None
            }
            "Tab" => {
                open.set(None);
                None
            }
            _ => None,
        };
        if let Some(i) = next {
            ev.prevent_default();
            let _ = items[i].focus();
        }
    };

    let navigate = StoredValue::new_local(navigate);
    // Focus goes back to the menu button: the menu it was in is gone.
    let go = move |route: Route| {
        close_to_button();
        navigate.with_value(|n| n(&route, false));
    };
    let logout = flows::use_logout(move || open.set(None));

    view! {
            <Show when=move || open.get().is_some()>
                <div
                    node_ref=menu_ref
                    id=menu_id.clone()
                    class="oc-menu"
                    role="menu"
                    aria-label={crate::tr!(profile_menu.account)}
                    on:keydown=on_menu_key
                >
                    <div class="oc-menu__header" role="none">
                        <span class="oc-menu__email">{email}</span>
                        <span class="oc-menu__role">{role}</span>
                    </div>
                    <button type="button" role="menuitem" tabindex="-1" class="oc-menu__item"
                        on:click=move |_| go(Route::Overview)>
                        {crate::tr!(profile_menu.my_organisation)}
                    </button>
                    <Show when=move || caps.get().allows(Permission::InviteCreate)>
                        <button type="button" role="menuitem" tabindex="-1" class="oc-menu__item"
                            on:click=move |_| go(Route::Users { view: UsersView::default(), invite: true })>
                            {crate::tr!(profile_menu.invite_new_user)}
                        </button>
                    </Show>
                    <Show when=offers_choice>
                        <div class="oc-menu__separator" role="separator"></div>
                        <div role="group" aria-label={crate::tr!(language_choice.language)}>
                            {ALL.iter().map(|(locale, name)| {
                                let locale = *locale;
                                view! {
                                    <button type="button" role="menuitemradio" tabindex="-1" class="oc-menu__item"
                                        lang=tag(locale)
                                        aria-checked=if locale == current_locale { "true" } else { "false" }
                                        on:click=move |_| {
                                            open.set(None);
                                            switch_language(locale);
                                        }>
                                        {*name}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                        <div class="oc-menu__separator" role="separator"></div>
                        <div role="group" aria-label={crate::tr!(theme_choice.theme)}>
                            {THEMES.iter().map(|theme| {
                                let theme = *theme;
                                view! {
                                    <button type="button" role="menuitemradio" tabindex="-1" class="oc-menu__item"
                                        aria-checked=if theme == current_theme { "true" } else { "false" }
                                        on:click=move |_| {
                                            close_to_button();
                                            theme_choice::choose(theme);
                                        }>
                                        {theme_choice::label(theme)}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    </Show>
                    <div class="oc-menu__separator" role="separator"></div>
                    <button type="button" role="menuitem" tabindex="-1" class="oc-menu__item" on:click=logout.clone()>
                        {crate::tr!(profile_menu.log_out)}
                    </button>
                </div>
            </Show>
    }
}

fn menu_items(menu: &web_sys::HtmlDivElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role^=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn is_active(el: &web_sys::HtmlElement) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| a.is_same_node(Some(el.as_ref())))
}
