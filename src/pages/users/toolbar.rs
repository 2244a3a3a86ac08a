//! The list's toolbar controls: the email search and the "Sort by" menu.

use bintu_wire::{SortOrder, UserSort};
use leptos::prelude::*;

use crate::components::search_field::SearchField;
use crate::components::unique_id;
use crate::domain::users_view::{order_name, parse_sort, sort_name, UsersView, SORT_CHOICES};

/// The email search: sent after a short pause in typing, from the first page.
#[component]
pub fn SearchBox(view: Memo<UsersView>, on_search: Callback<UsersView>) -> impl IntoView {
    let draft = RwSignal::new(view.get_untracked().search);
    // Back/forward or a role link changed the URL: show its search.
    Effect::new(move |_| {
        let search = view.get().search;
        if draft.get_untracked().trim() != search {
            draft.set(search);
        }
    });
    let on_settled = move || {
        let current = view.get_untracked();
        let q = draft.get_untracked();
        if current.search != q.trim() {
            on_search.run(current.with_search(&q));
        }
    };
    view! {
        <SearchField
            label={crate::tr!(users_toolbar.search_by_email)}
            placeholder={crate::tr!(users_toolbar.name_example_com)}
            id_prefix="user-search"
            class="oc-users-toolbar__search"
            no_spellcheck=true
            draft=draft
            on_settled=on_settled
        />
    }
}

/// "Sort by": the same sorts as the column headers, for phones where the table has
/// no header row.
#[component]
pub fn SortSelect(view: Memo<UsersView>, on_sort: Callback<UsersView>) -> impl IntoView {
    let id = unique_id("user-sort");
    let value = move || view.with(|v| format!("{}:{}", sort_name(v.sort), order_name(v.order)));
    let on_change = move |ev: web_sys::Event| {
        let raw = event_target_value(&ev);
        let Some((sort, order)) = raw.split_once(':') else {
            return;
        };
        let order = if order == "desc" {
            SortOrder::Desc
        } else {
            SortOrder::Asc
        };
        let sort = parse_sort(sort).unwrap_or(UserSort::Email);
        on_sort.run(view.get_untracked().with_sort(sort, order));
    };
    view! {
        <div class="oc-field oc-field--inline oc-users-toolbar__sort">
            <label class="oc-label" for=id.clone()>{crate::tr!(users_toolbar.sort_by)}</label>
            <select id=id.clone() class="oc-input oc-select" prop:value=value on:change=on_change>
                {SORT_CHOICES.iter().map(|(sort, order, label)| {
                    let key = format!("{}:{}", sort_name(*sort), order_name(*order));
                    let selected = key.clone();
                    view! { <option value=key selected=move || value() == selected>{label()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
