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
                <p>{format!("Page {} has no users. The list has {total}.", v.page)}</p>
                <a href=first class="oc-button oc-button--secondary oc-button--small">"Go to the first page"</a>
            </div>
        }
        .into_any();
    }
    let text = match (&v.role, v.search.is_empty()) {
        (None, true) => "No users yet. Invite someone to get started.".to_string(),
        (Some(role), true) => format!(
            "No users with the role {}.",
            crate::domain::roles::display_name(&roles.get_untracked(), role)
        ),
        (_, false) => format!("No users match “{}”.", v.search),
    };
    let clear = Route::users(UsersView::default()).href();
    view! {
        <div class="oc-empty" role="status">
            <p>{text}</p>
            {v.is_filtered().then(|| view! { <a href=clear class="oc-button oc-button--secondary oc-button--small">"Show all users"</a> })}
        </div>
    }
    .into_any()
}
