//! `/organisation/users`: the role filter, search, sort and the paged user table
//! (all in the URL), the quick actions, Invite New User and the pending invitations.

use bintu_wire::Permission;
use std::time::Duration;

use bintu_wire::{Role, SortOrder, UserSort};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{roles, use_api, users};
use crate::components::card::Card;
use crate::components::debounce::Debouncer;
use crate::components::invite_dialog::InviteDialog;
use crate::components::pager::Pager;
use crate::components::pending_invites::PendingInvites;
use crate::components::role_filter::RoleFilter;
use crate::components::shell::use_user_list_memory;
use crate::components::status::{ErrorState, Loading};
use crate::components::unique_id;
use crate::components::user_dialogs::{DeleteUserDialog, ResetTokenDialog};
use crate::components::users_table::{RowAction, UsersTable};
use crate::domain::users_view::{order_name, parse_sort, sort_name, UsersView, SORT_CHOICES};
use crate::routes::{use_go, Route};
use crate::session::use_session;

/// Quiet time after typing before the search is sent.
const SEARCH_DEBOUNCE_MS: u64 = 300;

/// The User Management tab.
#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    let can_list = Memo::new(move |_| session.capabilities().allows(Permission::UserList));
    view! {
        <Show
            when=move || can_list.get()
            fallback=|| view! {
                <div class="oc-card oc-no-access" role="alert">
                    <h2>"No access to User Management"</h2>
                    <p>"Your role does not allow listing the organisation's users. Ask an admin if you need access."</p>
                </div>
            }
        >
            <UserManagement/>
        </Show>
    }
}

#[component]
fn UserManagement() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let memory = use_user_list_memory();
    let caps = Memo::new(move |_| session.capabilities());
    let query = use_query_map();
    let navigate = use_go();
    let view_state = Memo::new(move |_| query.with(|q| UsersView::from_params(|k| q.get(k))));
    Effect::new(move |_| memory.last_view.set(view_state.get()));

    let go = {
        let navigate = navigate.clone();
        Callback::new(move |v: UsersView| navigate(&Route::users(v), false))
    };

    // Bumped after a change, so the list and the role counts load again.
    let version = RwSignal::new(0u32);
    let invites_version = RwSignal::new(0u32);
    let can_list_roles = Signal::derive(move || caps.get().allows(Permission::PermissionList));
    let role_list = roles::loaded(roles::use_roles(version, can_list_roles));
    // While a new page, filter or search loads, the old rows stay, dimmed.
    let reloading = RwSignal::new(false);
    let list = LocalResource::new(move || {
        version.track();
        let view = view_state.get();
        let api = api.clone();
        async move { users::list(&api, &view.api_query()).await }
    });

    // Dialogs of the quick actions.
    let selected = RwSignal::new(None);
    let reset_open = RwSignal::new(false);
    let delete_open = RwSignal::new(false);
    let status = RwSignal::new(memory.notice.get_untracked().unwrap_or_default());
    memory.notice.set(None);
    let on_action = Callback::new(move |action: RowAction| match action {
        RowAction::ResetToken(u) => {
            selected.set(Some(u));
            reset_open.set(true);
        }
        RowAction::Delete(u) => {
            selected.set(Some(u));
            delete_open.set(true);
        }
    });
    let me_id = move || {
        untrack(|| session.me())
            .map(|m| m.user.id)
            .unwrap_or_default()
    };
    let after_reset = Callback::new(move |u: bintu_wire::User| {
        if u.id == me_id() {
            // Not synchronously: ending the session tears down this page, and with it
            // the dialog whose confirm is still finishing (a disposed-signal panic).
            set_timeout(move || session.expire(), Duration::ZERO);
            return;
        }
        status.set(format!(
            "Token of {} reset. Their bintu tokens no longer work.",
            u.email
        ));
        version.update(|v| *v += 1);
    });
    let after_delete = Callback::new(move |u: bintu_wire::User| {
        status.set(format!("Deleted {}.", u.email));
        version.update(|v| *v += 1);
    });

    // Invite New User: from the button, or `?invite=1` (the profile menu's entry).
    let invite_open = RwSignal::new(false);
    Effect::new(move |_| {
        if query.with(|q| q.get("invite").is_some()) && caps.get().allows(Permission::InviteCreate)
        {
            invite_open.set(true);
        }
    });
    let navigate_close = navigate.clone();
    Effect::new(move |prev: Option<bool>| {
        let open = invite_open.get();
        if prev == Some(true) && !open && query.with_untracked(|q| q.get("invite").is_some()) {
            navigate_close(&Route::users(view_state.get_untracked()), true);
        }
        open
    });

    view! {
        <div class="oc-users-page">
            <Card title="Users" subtitle="Everyone in your organisation and their permission level." class="oc-users-card">
                <div class="oc-users-toolbar">
                    <SearchBox view=view_state on_search=go/>
                    <SortSelect view=view_state on_sort=go/>
                    <Show when=move || caps.get().allows(Permission::InviteCreate)>
                        <button type="button" class="oc-button oc-button--primary oc-users-toolbar__invite" on:click=move |_| invite_open.set(true)>
                            "Invite New User"
                        </button>
                    </Show>
                </div>
                <Show when=move || caps.get().allows(Permission::PermissionList)>
                    <RoleFilter roles=role_list view=view_state/>
                </Show>
                <p class="oc-users-status" role="status">{move || status.get()}</p>
                <Transition fallback=|| view! { <Loading label="Loading users…"/> } set_pending=reloading.write_only()>
                    {move || {
                        // Built again when the roles arrive, which can be after the users:
                        // the badges and the empty state show the roles' display names.
                        role_list.track();
                        list.try_get().flatten().map(|result| match result {
                            Err(e) => view! {
                                <ErrorState error=e title="Could not load the users" on_retry=Callback::new(move |_| list.refetch())/>
                            }
                            .into_any(),
                            Ok(page) if page.items.is_empty() => view! { <EmptyList view=view_state roles=role_list total=page.total/> }.into_any(),
                            Ok(page) => {
                                let v = view_state.get_untracked();
                                let c = caps.get_untracked();
                                view! {
                                    <div class="oc-table-wrap" aria-busy=move || reloading.get().then_some("true")>
                                        <UsersTable
                                            users=page.items
                                            roles=role_list.get_untracked()
                                            me=me_id()
                                            view=view_state
                                            on_sort=go
                                            can_reset=c.allows(Permission::UserResetTokenKey)
                                            can_delete=c.allows(Permission::UserDelete)
                                            on_action=on_action
                                        />
                                    </div>
                                    <Pager label="User pages" page=page.page page_size=page.page_size total=page.total on_page=Callback::new(move |p| go.run(v.with_page(p)))/>
                                }
                                .into_any()
                            }
                        })
                    }}
                </Transition>
            </Card>
            <Show when=move || caps.get().allows(Permission::InviteList)>
                <PendingInvites roles=role_list version=invites_version can_revoke=caps.get_untracked().allows(Permission::InviteRevoke)/>
            </Show>
            <ResetTokenDialog open=reset_open user=selected on_done=after_reset/>
            <DeleteUserDialog open=delete_open user=selected on_done=after_delete/>
            <Show when=move || caps.get().allows(Permission::InviteCreate)>
                <InviteDialog
                    open=invite_open
                    roles=role_list
                    on_created=Callback::new(move |_| invites_version.update(|v| *v += 1))
                />
            </Show>
        </div>
    }
}

/// The email search: sent after a short pause in typing, from the first page.
#[component]
fn SearchBox(view: Memo<UsersView>, on_search: Callback<UsersView>) -> impl IntoView {
    let id = unique_id("user-search");
    let draft = RwSignal::new(view.get_untracked().search);
    // Back/forward or a role link changed the URL: show its search.
    Effect::new(move |_| {
        let search = view.get().search;
        if draft.get_untracked().trim() != search {
            draft.set(search);
        }
    });
    let debounce = Debouncer::new(Duration::from_millis(SEARCH_DEBOUNCE_MS));
    let on_input = move |ev: web_sys::Event| {
        draft.set(event_target_value(&ev));
        debounce.call(move || {
            let current = view.get_untracked();
            let q = draft.get_untracked();
            if current.search != q.trim() {
                on_search.run(current.with_search(&q));
            }
        });
    };
    view! {
        <div class="oc-field oc-field--inline oc-users-toolbar__search">
            <label class="oc-label" for=id.clone()>"Search by email"</label>
            <input
                id=id.clone()
                class="oc-input oc-input--search"
                type="search"
                placeholder="name@example.com"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || draft.get()
                on:input=on_input
            />
        </div>
    }
}

/// "Sort by": the same sorts as the column headers, for phones where the table has
/// no header row.
#[component]
fn SortSelect(view: Memo<UsersView>, on_sort: Callback<UsersView>) -> impl IntoView {
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
            <label class="oc-label" for=id.clone()>"Sort by"</label>
            <select id=id.clone() class="oc-input oc-select" prop:value=value on:change=on_change>
                {SORT_CHOICES.iter().map(|(sort, order, label)| {
                    let key = format!("{}:{}", sort_name(*sort), order_name(*order));
                    let selected = key.clone();
                    view! { <option value=key selected=move || value() == selected>{*label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Nothing to show: an empty organisation or a filter that matches nobody.
#[component]
fn EmptyList(view: Memo<UsersView>, roles: Signal<Vec<Role>>, total: u64) -> impl IntoView {
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
