//! The role filter of the user list: every role with its number of users, as links
//! (the filter lives in the URL, so each choice is a real, shareable address).

use bintu_wire::Role;
use leptos::prelude::*;

use crate::domain::html::escape;
use crate::domain::users_view::UsersView;
use crate::router::{clicked_link, is_plain_click};
use crate::routes::use_base;
use crate::routes::Route;

/// Links "All roles", then one per role (defaults first, then custom ones). The list
/// is written as HTML, as the user table's rows are: a link per role without the
/// framework's bookkeeping nodes, rebuilt whole when the roles or the view change.
/// A plain click on a link goes to `on_follow` with the view the link shows (the
/// page navigates, asking for its users on the way); others are the browser's.
#[component]
pub fn RoleFilter(
    #[prop(into)] roles: Signal<Vec<Role>>,
    #[prop(into)] view: Signal<UsersView>,
    on_follow: Callback<UsersView>,
) -> impl IntoView {
    let base = use_base();
    let links_base = base.clone();
    let items = move || {
        let view = view.get();
        let mut html = String::new();
        let mut link = |role: Option<String>, label: &str, count: u64| {
            let active = view.role == role;
            let href = escape(&base.href(&Route::users(view.with_role(role))));
            let (class, current) = if active {
                (" oc-filter--active", r#" aria-current="true""#)
            } else {
                ("", "")
            };
            let label = escape(label);
            html.push_str(&format!(
                r#"<li><a href="{href}" class="oc-filter{class}"{current}><span class="oc-filter__label">{label}</span><span class="oc-filter__count">{count}</span></a></li>"#
            ));
        };
        roles.with(|rs| {
            let total: u64 = rs.iter().map(|r| r.user_count).sum();
            link(None, crate::tr!(role_filter.all_roles), total);
            for r in rs {
                link(Some(r.name.clone()), &r.display_name, r.user_count);
            }
        });
        html
    };
    // One listener for every link.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(link) = clicked_link(&ev).filter(|_| is_plain_click(&ev)) else {
            return;
        };
        let address = format!("{}{}", link.pathname(), link.search());
        if let Route::Users { view, .. } = Route::parse(links_base.strip(&address)) {
            ev.prevent_default();
            on_follow.run(view);
        }
    };
    view! {
        <nav class="oc-role-filter" aria-label={crate::tr!(role_filter.filter_by_role)}>
            <ul class="oc-role-filter__list" inner_html=items on:click=on_click></ul>
        </nav>
    }
}
