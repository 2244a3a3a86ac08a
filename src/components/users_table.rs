//! The user table: Permission Level, Email, Token Key, Created At (UTC) and the quick
//! actions. On a phone each row becomes a card (see `style/users.css`).
//!
//! A page of rows never changes once shown (a new page, sort or filter builds a new
//! table), so the body is written as one HTML string, every API value escaped, with
//! one click listener for all rows: no reactive node, no framework marker and no
//! listener per cell, which is what made the list slower and heavier than the same
//! table written by hand (`tests/bench/baseline`). The header, which does change
//! (the sort), stays reactive.

use bintu_wire::{Role, SortOrder, User, UserSort};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::bulk::{PageState, Selection};
use crate::domain::html::escape;
use crate::domain::roles::{admin_count, display_name};
use crate::domain::time::format_utc;
use crate::domain::user_guards::delete_refusal;
use crate::domain::users_view::UsersView;
use crate::router::use_go;
use crate::routes::{use_base, Route, RouteBase};

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
    /// The bulk selection, for roles that may act on many users; `None` shows no
    /// boxes.
    #[prop(optional_no_strip)]
    selection: Option<RwSignal<Selection>>,
) -> impl IntoView {
    let go = use_go();
    let body = RowsHtml {
        roles: &roles,
        me,
        admins: admin_count(&roles),
        can_reset,
        can_delete,
        selectable: selection.is_some(),
        base: &use_base(),
    }
    .rows(&users);
    let has_actions = can_reset || can_delete;
    keep_focus_across_rewrite();
    let users = StoredValue::new(users);
    let tbody = NodeRef::<html::Tbody>::new();
    // The boxes are static markup: they follow the selection, whoever changed it.
    if let Some(selection) = selection {
        Effect::new(move |_| {
            let Some(body) = tbody.get() else { return };
            selection.with(|s| tick_boxes(&body, s));
        });
    }
    // The row a plain click last ticked: a shift-click ticks the range from it.
    let anchor = StoredValue::new(None::<i64>);
    // Row actions and row clicks, for every row at once. A link is the router's; a
    // click anywhere else on a row opens the user.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let user_of = |el: &web_sys::Element| {
            let id: Option<i64> = el.get_attribute(USER_ATTR).and_then(|id| id.parse().ok());
            users.with_value(|users| users.iter().find(|u| Some(u.id) == id).cloned())
        };
        if let (Some(selection), Some(input)) =
            (selection, target.dyn_ref::<web_sys::HtmlInputElement>())
        {
            if input.has_attribute(SELECT_ATTR) {
                if let Some(user) = user_of(input) {
                    let on = input.checked();
                    let from = anchor.get_value().filter(|_| ev.shift_key());
                    selection.update(|s| match from {
                        Some(from) => users.with_value(|page| {
                            s.set_all(Selection::range(page, from, user.id), on)
                        }),
                        None => s.set(&user, on),
                    });
                    anchor.set_value(Some(user.id));
                }
                return;
            }
        }
        if let Some(button) = target
            .closest(&format!("button[{ACTION_ATTR}]"))
            .ok()
            .flatten()
        {
            let action = button.get_attribute(ACTION_ATTR);
            match (action.as_deref(), user_of(&button)) {
                (Some(RESET), Some(u)) => on_action.run(RowAction::ResetToken(u)),
                (Some(DELETE), Some(u)) => on_action.run(RowAction::Delete(u)),
                _ => {}
            }
            return;
        }
        if target.closest("a, button").ok().flatten().is_some() {
            return;
        }
        if let Some(user) = target
            .closest(&format!("tr[{USER_ATTR}]"))
            .ok()
            .flatten()
            .and_then(|row| user_of(&row))
        {
            go(&Route::User(user.id), false);
        }
    };
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

    let page_box = selection.map(|selection| {
        let state = move || selection.with(|s| users.with_value(|page| s.page_state(page)));
        view! {
            <th scope="col" class="oc-users__select">
                <input
                    type="checkbox"
                    class="oc-check"
                    aria-label={crate::tr!(users_table.select_every_user_on_this)}
                    prop:checked=move || state() == PageState::All
                    prop:indeterminate=move || state() == PageState::Some
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        users.with_value(|page| selection.update(|s| s.set_all(page, on)));
                    }
                />
            </th>
        }
    });

    view! {
        <table class="oc-table oc-table--stack oc-users" class:oc-users--selectable=selection.is_some()>
            <caption class="oc-visually-hidden">{crate::tr!(users_table.users)}</caption>
            <thead>
                <tr>
                    {page_box}
                    {header(UserSort::Role, {crate::tr!(users_table.permission_level)})}
                    {header(UserSort::Email, {crate::tr!(users_table.email)})}
                    <th scope="col">{crate::tr!(users_table.token_key)}</th>
                    {header(UserSort::CreatedAt, {crate::tr!(users_table.created_at_utc)})}
                    {has_actions.then(|| view! { <th scope="col"><span class="oc-visually-hidden">{crate::tr!(users_table.actions)}</span></th> })}
                </tr>
            </thead>
            <tbody node_ref=tbody on:click=on_click inner_html=body></tbody>
        </table>
    }
}

/// A reload writes new rows: a row's control that had the focus (the button that
/// opened a dialog, a user's link) is replaced by its twin, which gets the focus back
/// unless the focus has moved elsewhere meanwhile. One reload can write the rows
/// more than once in a frame (the page, then the roles); a writing that finds the
/// focus already lost takes over the twin the one before it was to restore.
fn keep_focus_across_rewrite() {
    thread_local! {
        static TO_RESTORE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let twin = document
        .active_element()
        .and_then(|focused| row_control_twin(&focused))
        .or_else(|| {
            focus_lost(&document)
                .then(|| TO_RESTORE.with_borrow(Clone::clone))
                .flatten()
        });
    let Some(twin) = twin else {
        return;
    };
    TO_RESTORE.set(Some(twin.clone()));
    request_animation_frame(move || {
        TO_RESTORE.set(None);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (true, Ok(Some(el))) = (focus_lost(&document), document.query_selector(&twin)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The selector of `focused`'s twin in rows written anew, if it is a row's control.
fn row_control_twin(focused: &web_sys::Element) -> Option<String> {
    let user = focused
        .closest(&format!("tr[{USER_ATTR}]"))
        .ok()
        .flatten()?
        .get_attribute(USER_ATTR)?;
    let control = match focused.get_attribute(ACTION_ATTR) {
        Some(action) => format!("button[{ACTION_ATTR}=\"{action}\"]"),
        None => "a".to_string(),
    };
    Some(format!(
        "table.oc-users tr[{USER_ATTR}=\"{user}\"] {control}"
    ))
}

/// No element has the focus (it fell to the page's body with a removed element).
fn focus_lost(document: &web_sys::Document) -> bool {
    document
        .active_element()
        .is_none_or(|el| document.body().is_some_and(|b| *b == el))
}

/// Ticks each row's box of `body` that `selection` holds, and only those.
fn tick_boxes(body: &web_sys::HtmlElement, selection: &Selection) {
    let Ok(boxes) = body.query_selector_all(&format!("input[{SELECT_ATTR}]")) else {
        return;
    };
    for i in 0..boxes.length() {
        let Some(input) = boxes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        let id = input
            .get_attribute(USER_ATTR)
            .and_then(|id| id.parse().ok());
        input.set_checked(id.is_some_and(|id| selection.contains(id)));
    }
}

/// The attributes the rows carry for the one click listener.
const USER_ATTR: &str = "data-user";
/// Marks a row's selection box.
const SELECT_ATTR: &str = "data-select";
const ACTION_ATTR: &str = "data-action";
const RESET: &str = "reset";
const DELETE: &str = "delete";
/// A row's buttons have ids (`oc-user-7-reset`) that their copy keeps when a reload
/// writes the rows anew: a dialog gives the focus back to the copy
/// (`dialog::focus_opener`) when the list reloaded before it closed.
const ID_PREFIX: &str = "oc-user-";

/// What the rows' markup depends on besides the users.
struct RowsHtml<'a> {
    roles: &'a [Role],
    me: i64,
    admins: Option<u64>,
    can_reset: bool,
    can_delete: bool,
    /// Whether each row starts with a selection box.
    selectable: bool,
    base: &'a RouteBase,
}

impl RowsHtml<'_> {
    /// The `<tr>` of every user, as the table body's HTML.
    fn rows(&self, users: &[User]) -> String {
        let mut html = String::with_capacity(users.len() * 900);
        for u in users {
            self.row(u, &mut html);
        }
        html
    }

    fn row(&self, u: &User, html: &mut String) {
        let is_me = u.id == self.me;
        let id = u.id;
        let email = escape(&u.email);
        let token_key = escape(&u.token_key);
        let created = escape(&u.created_at);
        let href = escape(&self.base.href(&Route::User(id)));
        let role = escape(&display_name(self.roles, &u.role));
        let when = escape(&format_utc(&u.created_at));
        let (me_class, you) = if is_me {
            (
                " oc-users__row--me",
                format!(
                    r#"<span class="oc-you"> {}</span>"#,
                    escape(crate::tr!(users_table.you))
                ),
            )
        } else {
            ("", String::new())
        };
        html.push_str(&format!(
            r#"<tr class="oc-users__row{me_class}" {USER_ATTR}="{id}">"#
        ));
        if self.selectable {
            let select = escape(&crate::tr!(users_table.select_user, email = u.email));
            html.push_str(&format!(
                r#"<td class="oc-users__select"><input type="checkbox" class="oc-check" aria-label="{select}" {SELECT_ATTR} {USER_ATTR}="{id}"></td>"#
            ));
        }
        html.push_str(&format!(
            r#"<td data-label="{label_role}"><span class="oc-role-badge">{role}</span></td><td data-label="{label_email}" class="oc-users__email"><a href="{href}">{email}</a>{you}</td><td data-label="{label_token}"><code class="oc-token-key" title="{token_key}">{token_key}</code></td><td data-label="{label_created}"><time datetime="{created}">{when}</time></td>"#,
            label_role = escape(crate::tr!(users_table.permission_level)),
            label_email = escape(crate::tr!(users_table.email)),
            label_token = escape(crate::tr!(users_table.token_key)),
            label_created = escape(crate::tr!(users_table.created_at_utc)),
        ));
        if self.can_reset || self.can_delete {
            html.push_str(r#"<td class="oc-table__actions">"#);
            if self.can_reset {
                html.push_str(&format!(
                    r#"<button type="button" class="oc-button oc-button--secondary oc-button--small" id="{ID_PREFIX}{id}-{RESET}" aria-label="{name}" {ACTION_ATTR}="{RESET}" {USER_ATTR}="{id}">{text}</button>"#,
                    name = escape(&crate::tr!(users_table.reset_user_token_of, email = u.email)),
                    text = escape(crate::tr!(users_table.reset_user_token)),
                ));
            }
            if self.can_delete {
                let refusal = match delete_refusal(self.me, u, self.admins) {
                    Some(why) => format!(r#" disabled title="{}""#, escape(why)),
                    None => String::new(),
                };
                html.push_str(&format!(
                    r#"<button type="button" class="oc-button oc-button--secondary oc-button--small oc-button--danger-text" id="{ID_PREFIX}{id}-{DELETE}" aria-label="{name}" {ACTION_ATTR}="{DELETE}" {USER_ATTR}="{id}"{refusal}>{text}</button>"#,
                    name = escape(&crate::tr!(users_table.delete_user_of, email = u.email)),
                    text = escape(crate::tr!(users_table.delete_user)),
                ));
            }
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64, email: &str, role: &str) -> User {
        User {
            id,
            email: email.into(),
            role: role.into(),
            token_key: "0123abcd".into(),
            created_at: "2026-12-03T06:59:00Z".into(),
        }
    }

    fn rows(me: i64, can_reset: bool, can_delete: bool, users: &[User]) -> String {
        RowsHtml {
            roles: &[],
            me,
            admins: Some(2),
            can_reset,
            can_delete,
            selectable: false,
            base: &RouteBase::new("/embed"),
        }
        .rows(users)
    }

    #[test]
    fn api_values_are_escaped_in_text_and_attributes() {
        let html = rows(
            1,
            true,
            true,
            &[user(
                7,
                r#"a"><img src=x onerror=alert(1)>@x.io"#,
                "nanoUser",
            )],
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;@x.io"));
        assert!(html.contains(r#"<a href="/embed/organisation/users/7">"#));
        assert!(
            html.contains(r#"<time datetime="2026-12-03T06:59:00Z">3 Dec 2026, 06:59 UTC</time>"#)
        );
    }

    #[test]
    fn own_row_is_marked_and_cannot_be_deleted() {
        let html = rows(7, true, true, &[user(7, "me@x.io", "nanoUser")]);
        assert!(html.contains(r#"class="oc-users__row oc-users__row--me" data-user="7""#));
        assert!(html.contains(r#"<span class="oc-you"> (you)</span>"#));
        assert!(html.contains(r#"data-action="delete" data-user="7" disabled title=""#));
        assert!(html.contains(r#"data-action="reset" data-user="7">"#));
    }

    #[test]
    fn a_selectable_row_starts_with_its_named_box() {
        let html = RowsHtml {
            roles: &[],
            me: 1,
            admins: None,
            can_reset: false,
            can_delete: true,
            selectable: true,
            base: &RouteBase::new(""),
        }
        .rows(&[user(7, "a&b@x.io", "nanoUser")]);
        assert!(html.contains(
            r#"data-user="7"><td class="oc-users__select"><input type="checkbox" class="oc-check" aria-label="Select a&amp;b@x.io" data-select data-user="7"></td>"#
        ));
    }

    #[test]
    fn actions_follow_the_rights() {
        let none = rows(1, false, false, &[user(7, "a@x.io", "nanoUser")]);
        assert!(!none.contains("oc-table__actions"));
        let reset_only = rows(1, true, false, &[user(7, "a@x.io", "nanoUser")]);
        assert!(reset_only.contains("Reset User Token") && !reset_only.contains("Delete User"));
        let delete = rows(1, false, true, &[user(7, "a@x.io", "nanoUser")]);
        assert!(delete.contains(r#"data-action="delete" data-user="7">Delete User"#));
    }
}
