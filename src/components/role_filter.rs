//! The role filter of the user list: every role with its number of users, as links
//! (the filter lives in the URL, so each choice is a real, shareable address).

use bintu_wire::Role;
use leptos::prelude::*;

use crate::domain::users_view::UsersView;
use crate::routes::use_base;
use crate::routes::Route;

/// Links "All roles", then one per role (defaults first, then custom ones).
#[component]
pub fn RoleFilter(
    #[prop(into)] roles: Signal<Vec<Role>>,
    #[prop(into)] view: Signal<UsersView>,
) -> impl IntoView {
    let base = use_base();
    let link = move |role: Option<String>, label: String, count: u64| {
        let active = view.with(|v| v.role == role);
        let href = base.href(&Route::users(view.with(|v| v.with_role(role))));
        view! {
            <li>
                <a href=href class="oc-filter" class:oc-filter--active=active aria-current=active.then_some("true")>
                    <span class="oc-filter__label">{label}</span>
                    <span class="oc-filter__count">{count}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav class="oc-role-filter" aria-label={crate::tr!(role_filter.filter_by_role)}>
            <ul class="oc-role-filter__list">
                {move || {
                    let rs = roles.get();
                    let total: u64 = rs.iter().map(|r| r.user_count).sum();
                    let mut items = vec![link.clone()(None, {crate::tr!(role_filter.all_roles)}.to_string(), total)];
                    items.extend(rs.into_iter().map(|r| link.clone()(Some(r.name), r.display_name, r.user_count)));
                    items.collect_view()
                }}
            </ul>
        </nav>
    }
}
