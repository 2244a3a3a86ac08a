//! The user table: Permission Level, Email, Token Key, Created At (UTC) and the quick
//! actions. On a phone each row becomes a card (see `style/users.css`).

use bintu_wire::{Role, SortOrder, User, UserSort};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::roles::{admin_count, display_name};
use crate::domain::time::format_utc;
use crate::domain::user_guards::delete_refusal;
use crate::domain::users_view::UsersView;
use crate::routes::{use_base, use_go, Route};

/// Which quick action a row asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    ResetToken(User),
    Delete(User),
}

/// A page of users as a table.
#[component]
pub fn UsersTable(
    users: Vec<User>,
    roles: Vec<Role>,
    /// The current user's id (their row is marked "(you)").
    me: i64,
    #[prop(into)] view: Signal<UsersView>,
    /// Called with the view a column header asks for.
    #[prop(into)]
    on_sort: Callback<UsersView>,
    can_reset: bool,
    can_delete: bool,
    #[prop(into)] on_action: Callback<RowAction>,
) -> impl IntoView {
    let go = use_go();
    let base = use_base();
    let admins = admin_count(&roles);
    let has_actions = can_reset || can_delete;
    let header = move |sort: UserSort, label: &'static str| {
        // The column's direction, when the list is sorted by it.
        let direction = move || view.with(|v| (v.sort == sort).then_some(v.order));
        let aria_sort = move || match direction() {
            None => "none",
            Some(SortOrder::Asc) => "ascending",
            Some(SortOrder::Desc) => "descending",
        };
        let arrow = move || match direction() {
            None => "↕",
            Some(SortOrder::Asc) => "↑",
            Some(SortOrder::Desc) => "↓",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="oc-sort" on:click=move |_| on_sort.run(view.get_untracked().toggled_sort(sort))>
                    {label}
                    <span class="oc-sort__arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    view! {
        <table class="oc-table oc-table--stack oc-users">
            <caption class="oc-visually-hidden">"Users"</caption>
            <thead>
                <tr>
                    {header(UserSort::Role, "Permission Level")}
                    {header(UserSort::Email, "Email")}
                    <th scope="col">"Token Key"</th>
                    {header(UserSort::CreatedAt, "Created At (UTC)")}
                    {has_actions.then(|| view! { <th scope="col"><span class="oc-visually-hidden">"Actions"</span></th> })}
                </tr>
            </thead>
            <tbody>
                {users.into_iter().map(|u| {
                    let is_me = u.id == me;
                    let route = Route::User(u.id);
                    let href = base.href(&route);
                    let go = go.clone();
                    // A click anywhere on the row opens the user, except on its controls.
                    let open_row = move |ev: web_sys::MouseEvent| {
                        let on_control = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|el| el.closest("a, button").ok().flatten())
                            .is_some();
                        if !on_control {
                            go(&route, false);
                        }
                    };
                    let refusal = delete_refusal(me, &u, admins);
                    let (reset_user, delete_user) = (u.clone(), u.clone());
                    view! {
                        <tr class="oc-users__row" class:oc-users__row--me=is_me on:click=open_row>
                            <td data-label="Permission Level"><span class="oc-role-badge">{display_name(&roles, &u.role)}</span></td>
                            <td data-label="Email" class="oc-users__email">
                                <a href=href>{u.email.clone()}</a>
                                {is_me.then(|| view! { <span class="oc-you">" (you)"</span> })}
                            </td>
                            <td data-label="Token Key"><code class="oc-token-key" title=u.token_key.clone()>{u.token_key.clone()}</code></td>
                            <td data-label="Created At (UTC)"><time datetime=u.created_at.clone()>{format_utc(&u.created_at)}</time></td>
                            {has_actions.then(|| view! {
                                <td class="oc-table__actions">
                                    {can_reset.then(|| view! {
                                        <button
                                            type="button"
                                            class="oc-button oc-button--secondary oc-button--small"
                                            aria-label=format!("Reset User Token of {}", u.email)
                                            on:click=move |_| on_action.run(RowAction::ResetToken(reset_user.clone()))
                                        >
                                            "Reset User Token"
                                        </button>
                                    })}
                                    {can_delete.then(|| view! {
                                        <button
                                            type="button"
                                            class="oc-button oc-button--secondary oc-button--small oc-button--danger-text"
                                            aria-label=format!("Delete User {}", u.email)
                                            disabled=refusal.is_some()
                                            title=refusal
                                            on:click=move |_| on_action.run(RowAction::Delete(delete_user.clone()))
                                        >
                                            "Delete User"
                                        </button>
                                    })}
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
