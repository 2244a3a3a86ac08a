//! The role filter of the user list: every role with its number of users, as links
//! (the filter lives in the URL, so each choice is a real, shareable address).

use bintu_wire::Role;
use leptos::prelude::*;

use crate::domain::html::escape;
use crate::domain::users_view::UsersView;
use crate::routes::use_base;
use crate::routes::Route;

/// Links "All roles", then one per role (defaults first, then custom ones). The list
/// is written as HTML, as the user table's rows are: a link per role without the
/// framework's bookkeeping nodes, rebuilt whole when the roles or the view change.
/// The router follows the links as it follows any other.
#[component]
pub fn RoleFilter(
    #[prop(into)] roles: Signal<Vec<Role>>,
    #[prop(into)] view: Signal<UsersView>,
) -> impl IntoView {
    let base = use_base();
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
    view! {
        <nav class="oc-role-filter" aria-label={crate::tr!(role_filter.filter_by_role)}>
            <ul class="oc-role-filter__list" inner_html=items></ul>
        </nav>
    }
}
