//! `/organisation/users`: the role filter, search, sort and the paged user table
//! (all in the URL), the quick actions, Invite New User and the pending invitations.
//! A composition of the pieces in this folder.

mod ahead;
mod empty_list;
mod invite;
mod list;
mod quick_actions;
mod toolbar;

use bintu_wire::{Permission, RoleList};
use leptos::prelude::*;

use crate::api::{roles, use_api};
use crate::components::bulk_bar::{self, BulkBarProps, BulkKind, BulkRights};
use crate::components::bulk_dialog::{self, BulkDialogProps};
use crate::components::card::Card;
use crate::components::lazy_part::{lazy_card, Lazy};
use crate::components::pending_invites::{self, PendingInvitesProps};
use crate::components::role_filter::RoleFilter;
use crate::components::shell::use_user_list_memory;
use crate::components::status::Unavailable;
use crate::components::users_export::UsersExport;
use crate::domain::bulk::{Scope, Selection};
use crate::domain::users_view::UsersView;
use crate::router::{use_go, use_location};
use crate::routes::Route;
use crate::session::early::EarlyUsers;
use crate::session::use_session;
use ahead::ListAhead;
use invite::InviteFlow;
use list::UserList;
use quick_actions::{QuickActionDialogs, QuickActions};
use toolbar::{SearchBox, SortSelect};

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    users,
    UsersPage,
    crate::tr!(users.loading_user_management)
);

/// The User Management tab.
#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    let can_list = Memo::new(move |_| session.allows(Permission::UserList));
    view! {
        <Show
            when=move || can_list.get()
            fallback=|| view! {
                <Unavailable title={crate::tr!(users.no_access_to_user_management)} text={crate::tr!(users.your_role_does_not_allow)}/>
            }
        >
            <UserManagement/>
        </Show>
    }
}

#[component]
fn UserManagement() -> impl IntoView {
    let session = use_session();
    let memory = use_user_list_memory();
    let caps = Memo::new(move |_| session.capabilities());
    let may = move |p: Permission| caps.with(|c| c.allows(p));
    let route = use_location().route();
    // The list's filters while the address is the list's; on the way to another page
    // the last ones stay.
    let view_state = Memo::new(move |last: Option<&UsersView>| match route.get() {
        Route::Users { view, .. } => view,
        _ => last.cloned().unwrap_or_default(),
    });
    Effect::new(move |_| memory.last_view.set(view_state.get()));
    // A change of view asks for its page at once, before the router moves (ahead.rs);
    // not where the list would load nothing new, which would leave the answer for a
    // later load.
    let ahead = ListAhead::new();
    let go = {
        let navigate = use_go();
        let api = use_api();
        Callback::new(move |v: UsersView| {
            let query = v.api_query();
            if view_state.with_untracked(|now| now.api_query() != query) {
                ahead.ask(&api, query);
            }
            navigate(&Route::users(v), false)
        })
    };

    // Bumped after a change, so the list and the role counts load again.
    let version = RwSignal::new(0u32);
    let invites_version = RwSignal::new(0u32);
    let can_list_roles = Signal::derive(move || may(Permission::PermissionList));
    let early_roles = use_context::<EarlyUsers>().map(|early| -> roles::FirstRoles {
        Box::pin(async move {
            let answer = early.roles.take().await?;
            answer.value_for::<RoleList>(session).map(|l| l.roles)
        })
    });
    let roles_resource = roles::use_roles_first(version, can_list_roles, early_roles);
    let role_list = roles::loaded(roles_resource);
    // The role filter, the table and the invitations below appear together, once the
    // first page of users and the roles are in: nothing already on screen moves when
    // the other arrives (layout shift). Later reloads keep the old content meanwhile.
    let list_arrived = RwSignal::new(false);
    let settled = RwSignal::new(false);
    Effect::new(move |_| {
        if list_arrived.get() && roles_resource.with(Option::is_some) && !settled.get_untracked() {
            settled.set(true);
        }
    });
    let status = RwSignal::new(memory.notice.get_untracked().unwrap_or_default());
    memory.notice.set(None);
    let actions = QuickActions::new();
    let invite_open = RwSignal::new(false);

    // Bulk actions: the boxes only for roles that may change or delete users.
    let rights = BulkRights {
        change_role: may(Permission::UserSetPermission) && may(Permission::PermissionList),
        reset_tokens: may(Permission::UserResetTokenKey),
        delete: may(Permission::UserDelete),
    };
    let selectable = may(Permission::UserSetPermission) || may(Permission::UserDelete);
    let selection = RwSignal::new(Selection::new(Scope::of(&view_state.get_untracked())));
    Effect::new(move |_| {
        let scope = Scope::of(&view_state.get());
        if selection.try_update(|s| s.follow(scope)) == Some(true) {
            status.set(crate::tr!(users.selection_cleared_the_filter_or).into());
        }
    });
    let on_screen = RwSignal::new((Vec::new(), 0u64));
    // The role filter marks the role of the rows on screen: it changes with them, in
    // one frame, as a page written by hand does, not while the next rows load.
    let listed = RwSignal::new(view_state.get_untracked());
    let bulk = RwSignal::new(None::<BulkKind>);

    view! {
        <div class="oc-users-page">
            <Card title={crate::tr!(users.users)} subtitle={crate::tr!(users.everyone_in_your_organisation_and)} class="oc-users-card">
                <div class="oc-users-toolbar">
                    <SearchBox view=view_state on_search=go/>
                    <SortSelect view=view_state on_sort=go/>
                    <UsersExport view=view_state roles=role_list/>
                    <Show when=move || may(Permission::InviteCreate)>
                        <button type="button" class="oc-button oc-button--primary oc-users-toolbar__invite" on:click=move |_| invite_open.set(true)>
                            {crate::tr!(users.invite_new_user)}
                        </button>
                    </Show>
                </div>
                <Show when=move || settled.get() && may(Permission::PermissionList)>
                    <RoleFilter roles=role_list view=listed on_follow=go/>
                </Show>
                <p class="oc-users-status" role="status">{move || status.get()}</p>
                {selectable.then(|| {
                    let props = BulkBarProps::builder()
                        .selection(selection)
                        .page(Signal::derive(move || on_screen.with(|(page, _)| page.clone())))
                        .total(Signal::derive(move || on_screen.with(|(_, total)| *total)))
                        .view(view_state)
                        .rights(rights)
                        .on_open(Callback::new(move |kind| bulk.set(Some(kind))))
                        .build();
                    let clear = move |()| selection.update(|s| s.set_all(&s.users(), false));
                    let count = move || selection.with(Selection::count_text);
                    let none = move || selection.with(Selection::is_empty);
                    view! {
                        // Always there, so each change of the count is announced.
                        <p class="oc-visually-hidden" role="status">{count}</p>
                        // The bar and its count come with the tick that selects; its
                        // actions follow with their chunk, in the same line, so the
                        // table below does not move a second time under the pointer.
                        <div class="oc-bulk-bar" role="region" aria-label={crate::tr!(bulk_bar.selected_users)} hidden=none>
                            <p class="oc-bulk-bar__count">{count}</p>
                            // Dismissing a failed fetch of the bar clears the selection it was for.
                            <Lazy part=&bulk_bar::PART props=props
                                wanted=Signal::derive(move || !none())
                                on_dismiss=Callback::new(clear)/>
                        </div>
                    }
                })}
                <UserList view=view_state version=version roles=role_list go=go on_action=actions.on_action() arrived=list_arrived listed=listed ahead=ahead shown=settled
                    selection=selectable.then_some(selection) on_screen=on_screen/>
            </Card>
            <Show when=move || settled.get() && may(Permission::InviteList)>
                {
                    let props = PendingInvitesProps::builder()
                        .roles(role_list)
                        .version(invites_version)
                        .can_revoke(caps.with_untracked(|c| c.allows(Permission::InviteRevoke)))
                        .build();
                    lazy_card(&pending_invites::PART, props)
                }
            </Show>
            <QuickActionDialogs actions=actions status=status version=version/>
            {selectable.then(|| {
                let props = BulkDialogProps::builder()
                    .kind(bulk)
                    .selection(selection)
                    .roles(role_list)
                    .on_changed(Callback::new(move |()| version.update(|v| *v += 1)))
                    .build();
                view! {
                    <Lazy part=&bulk_dialog::PART props=props
                        wanted=Signal::derive(move || bulk.with(Option::is_some))
                        on_dismiss=Callback::new(move |()| bulk.set(None))/>
                }
            })}
            <Show when=move || may(Permission::InviteCreate)>
                <InviteFlow route=route open=invite_open roles=role_list invites_version=invites_version/>
            </Show>
        </div>
    }
}
