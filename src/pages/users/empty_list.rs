//! What the list shows when a page has no users.

use bintu_wire::Role;
use leptos::prelude::*;

use crate::domain::users_view::UsersView;
use crate::routes::Route;

/// Nothing to show: an empty organisation or a filter that matches nobody.
#[component]
pub fn EmptyList(view: Memo<UsersView>, roles: Signal<Vec<Role>>, total: u64) -> impl IntoView {
    let v = view.get_untracked();
    if total > 0 && v.page > 1 {
        // E.g. the last user of the last page was just deleted, or an old bookmark.
        let first = Route::users(v.with_page(1)).href();
        return view! {
            <div class="oc-empty" role="status">
                <p>{crate::tr!(users_empty_list.page_has_no_users_the, page = v.page, total = total)}</p>
                <a href=first class="oc-button oc-button--secondary oc-button--small">{crate::tr!(users_empty_list.go_to_the_first_page)}</a>
            </div>
        }
        .into_any();
    }
    let text = match (&v.role, v.search.is_empty()) {
        (None, true) => crate::tr!(users_empty_list.no_users_yet_invite_someone).to_string(),
        (Some(role), true) => crate::tr!(
            users_empty_list.no_users_with_the_role,
            value = crate::domain::roles::display_name(&roles.get_untracked(), role)
        ),
        (_, false) => crate::tr!(users_empty_list.no_users_match, search = v.search),
    };
    let clear = Route::users(UsersView::default()).href();
    view! {
        <div class="oc-empty" role="status">
            <p>{text}</p>
            {v.is_filtered().then(|| view! { <a href=clear class="oc-button oc-button--secondary oc-button--small">{crate::tr!(users_empty_list.show_all_users)}</a> })}
        </div>
    }
    .into_any()
}
