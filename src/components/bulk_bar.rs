//! What the bar above the user table holds while users are selected, beside the count
//! the page draws itself: "Select all N users matching this filter", "Clear
//! selection", and the bulk actions the role allows. On a phone the bar sits at the
//! bottom of the screen (`style/users.css`). A part of the users page ([`PART`]):
//! fetched once the page has settled, or with the first ticked box.

use bintu_wire::User;
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{use_api, users, ApiClient, ApiError};
use crate::domain::bulk::Selection;
use crate::domain::users_export::page_query;
use crate::domain::users_view::UsersView;
use crate::lang::intl::number;

/// Which bulk action a button opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkKind {
    ChangeRole,
    ResetTokens,
    Delete,
}

/// What the role may do in bulk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkRights {
    pub change_role: bool,
    pub reset_tokens: bool,
    pub delete: bool,
}

crate::lazy_part!(
    /// The bar in a wasm chunk of its own.
    pub PART,
    bulk_bar,
    BulkBar,
    BulkBarProps
);

/// The bar's links and actions; `page` and `total` are the list's current page and
/// match count. The page draws the bar around them (and announces the count).
#[component]
pub fn BulkBar(
    selection: RwSignal<Selection>,
    #[prop(into)] page: Signal<Vec<User>>,
    #[prop(into)] total: Signal<u64>,
    view: Memo<UsersView>,
    rights: BulkRights,
    on_open: Callback<BulkKind>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    // Fetching every match for "Select all": its progress, or why it failed.
    let selecting = RwSignal::new(None::<String>);
    let count = move || selection.with(Selection::len);
    let whole_page = move || {
        page.with(|p| !p.is_empty() && p.iter().all(|u| selection.with(|s| s.contains(u.id))))
    };
    let offer_all = move || whole_page() && (count() as u64) < total.get();
    let select_all = move |_| {
        let (api, view, total) = (api.get_value(), view.get_untracked(), total.get_untracked());
        selecting.set(Some(crate::tr!(
            bulk_bar.selecting_0_of,
            total = number(total)
        )));
        leptos::task::spawn_local(async move {
            match every_match(&api, &view, selecting).await {
                Ok(all) => {
                    let _ = selection.try_update(|s| s.set_all(&all, true));
                    let _ = selecting.try_set(None);
                }
                Err(e) => {
                    let _ = selecting.try_set(Some(crate::tr!(
                        bulk_bar.could_not_select_every_match,
                        e = user_message(&e)
                    )));
                }
            }
        });
    };
    let action = move |kind: BulkKind, label: &'static str, class: &'static str| {
        view! {
            <button type="button" class=format!("oc-button oc-button--small {class}") on:click=move |_| on_open.run(kind)>
                {label}
            </button>
        }
    };

    view! {
        <div class="oc-bulk-bar__select">
            <Show when=move || offer_all() && selecting.with(Option::is_none)>
                <button type="button" class="oc-link-button" on:click=select_all>
                    {move || crate::tr_count!(bulk_bar.select_all_users_matching_this, total.get())}
                </button>
            </Show>
            {move || selecting.get().map(|text| view! { <span class="oc-bulk-bar__progress">{text}</span> })}
            <button type="button" class="oc-link-button" on:click=move |_| selection.update(|s| s.set_all(&s.users(), false))>
                {crate::tr!(bulk_bar.clear_selection)}
            </button>
        </div>
        <div class="oc-bulk-bar__actions">
            {rights.change_role.then(|| action(BulkKind::ChangeRole, {crate::tr!(bulk_bar.change_role)}, "oc-button--secondary"))}
            {rights.reset_tokens.then(|| action(BulkKind::ResetTokens, {crate::tr!(bulk_bar.reset_tokens)}, "oc-button--secondary"))}
            {rights.delete.then(|| action(BulkKind::Delete, {crate::tr!(bulk_bar.delete)}, "oc-button--danger"))}
        </div>
    }
}

/// Every user matching `view`'s filter and search, page by page, with the progress
/// in `progress`.
async fn every_match(
    api: &ApiClient,
    view: &UsersView,
    progress: RwSignal<Option<String>>,
) -> Result<Vec<User>, ApiError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let answer = users::list(api, &page_query(view, page)).await?;
        let pages = answer.page_count();
        all.extend(answer.items);
        let _ = progress.try_set(Some(crate::tr!(
            bulk_bar.selecting_of,
            value = number(all.len() as u64),
            total = number(answer.total as u64)
        )));
        if page >= pages {
            return Ok(all);
        }
        page += 1;
    }
}
