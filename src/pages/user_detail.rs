//! `/organisation/users/:id`: one user's details, their role explained, the three
//! actions Update Permission, Reset User Token and Delete User, and their recent
//! activity.

use bintu_wire::Permission;
use bintu_wire::{Role, User};
use leptos::prelude::*;

use crate::api::roles::{self, RolesResource};
use crate::api::{activity, use_api, users, ApiError};
use crate::components::activity_list::ActivityList;
use crate::components::card::Card;
use crate::components::lazy_part::{lazy_card, lazy_dialog};
use crate::components::permission_overview::{Audiences, PermissionOverviewProps, RoleDetails};
use crate::components::shell::use_user_list_memory;
use crate::components::status::{ErrorState, Loading, Unavailable};
use crate::components::user_dialogs::{
    self, DeleteUserDialogProps, ResetTokenDialogProps, UpdatePermissionDialogProps,
};
use crate::domain::activity_view::{recent_for_user, ActivityView};
use crate::domain::roles::{admin_count, display_name};
use crate::domain::time::format_utc;
use crate::domain::user_guards::{delete_refusal, role_change_refusal};
use crate::router::{use_go, use_location};
use crate::routes::{Page, Route};
use crate::session::use_session;

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    user_detail,
    UserDetailPage,
    crate::tr!(user_detail.loading_the_user)
);

/// The single-user page.
#[component]
pub fn UserDetailPage() -> impl IntoView {
    let page = use_location().page();
    let memory = use_user_list_memory();
    // Read once: another user's address builds the page anew (`app.rs`).
    let id = match page.get_untracked() {
        Page::User(id) => id,
        _ => None,
    };
    let back = move || Route::users(memory.last_view.get()).href();
    view! {
        <div class="oc-user-page">
            <a class="oc-back-link" href=back>{crate::tr!(user_detail.all_users)}</a>
            {match id {
                None => view! {
                    <Unavailable title={crate::tr!(user_detail.user_not_found)} text={crate::tr!(user_detail.this_address_does_not_name)}/>
                }
                .into_any(),
                Some(id) => view! { <UserDetail id=id/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn UserDetail(id: i64) -> impl IntoView {
    let api = use_api();
    // Bumped after a role change so the roles (their user counts) load again. The
    // user is not reloaded: the view already has the server's answer, and a reload
    // would rebuild it, dropping its status message and the focus of the opener.
    let version = RwSignal::new(0u32);
    let user = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { users::get(&api, id).await }
        })
    };
    let session = use_session();
    let can_list_roles = Signal::derive(move || session.allows(Permission::PermissionList));
    let roles = roles::use_roles(version, can_list_roles);

    // The user is loaded once (and again only by Retry after an error), so a plain
    // match does what a <Transition> would, without its code on this page.
    move || match user.try_get().flatten() {
        None => view! { <Loading label={crate::tr!(user_detail.loading_user)}/> }.into_any(),
        Some(Err(e)) => {
            view! { <UserLoadError error=e on_retry=Callback::new(move |_| user.refetch())/> }
                .into_any()
        }
        Some(Ok(u)) => view! { <UserView user=u roles=roles version=version/> }.into_any(),
    }
}

#[component]
fn UserLoadError(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    if error.status() == Some(404) {
        view! {
            <Unavailable title={crate::tr!(user_detail.user_not_found)} text={crate::tr!(user_detail.this_user_does_not_exist)}/>
        }
        .into_any()
    } else {
        view! { <ErrorState error=error title={crate::tr!(user_detail.could_not_load_the_user)} on_retry=on_retry/> }
            .into_any()
    }
}

#[component]
fn UserView(user: User, roles: RolesResource, version: RwSignal<u32>) -> impl IntoView {
    let roles_state = roles;
    let roles = roles::loaded(roles_state);
    let session = use_session();
    let memory = use_user_list_memory();
    let navigate = use_go();
    let caps = Memo::new(move |_| session.capabilities());
    let me = untrack(|| session.me())
        .map(|m| m.user.id)
        .unwrap_or_default();
    let current = RwSignal::new(Some(user.clone()));
    let status = RwSignal::new(String::new());
    // Bumped after a change made here, so the recent activity shows it.
    let activity_version = RwSignal::new(0u32);
    let (update_open, reset_open, delete_open) = (
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
    );

    let role_name =
        move || current.with(|u| u.as_ref().map(|u| u.role.clone()).unwrap_or_default());
    let role = move || {
        let name = role_name();
        roles.with(|rs| rs.iter().find(|r| r.name == name).cloned())
    };
    let admins = move || roles.with(|rs| admin_count(rs));
    let change_refusal = move || {
        current.with(|u| {
            u.as_ref()
                .and_then(|u| role_change_refusal(me, u, admins()))
        })
    };
    let delete_blocked =
        move || current.with(|u| u.as_ref().and_then(|u| delete_refusal(me, u, admins())));

    let after_update = Callback::new(move |u: User| {
        status.set(crate::tr!(
            user_detail.permission_level_changed_now_has,
            email = u.email
        ));
        current.set(Some(u));
        version.update(|v| *v += 1);
        activity_version.update(|v| *v += 1);
    });
    let after_reset = Callback::new(move |u: User| {
        if u.id == me {
            // Not synchronously: ending the session tears down this page, and with it
            // the dialog whose confirm is still finishing (a disposed-signal panic).
            set_timeout(move || session.expire(), std::time::Duration::ZERO);
            return;
        }
        status.set(crate::tr!(user_detail.token_reset_all_bintu_tokens).to_string());
        current.set(Some(u));
        activity_version.update(|v| *v += 1);
    });
    let after_delete = Callback::new(move |u: User| {
        memory
            .notice
            .set(Some(crate::tr!(user_detail.deleted, email = u.email)));
        navigate(&Route::users(memory.last_view.get_untracked()), false);
    });
    let update = UpdatePermissionDialogProps::builder()
        .open(update_open)
        .user(current)
        .roles(roles)
        .on_done(after_update)
        .build();
    let reset = ResetTokenDialogProps::builder()
        .open(reset_open)
        .user(current)
        .on_done(after_reset)
        .build();
    let delete = DeleteUserDialogProps::builder()
        .open(delete_open)
        .user(current)
        .on_done(after_delete)
        .build();

    let field = |label: &'static str, value: AnyView| {
        view! {
            <div class="oc-facts__item">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let u = user;
    let is_me = u.id == me;
    let may = move |p: Permission| Signal::derive(move || caps.get().allows(p.clone()));

    view! {
        <Card title=u.email.clone() subtitle=if is_me { {crate::tr!(user_detail.this_is_you)} } else { {crate::tr!(user_detail.user_of_your_organisation)} } class="oc-user-card">
            <dl class="oc-facts">
                {field({crate::tr!(user_detail.permission_level)}, view! {
                    <span class="oc-role-badge">{move || roles.with(|rs| display_name(rs, &role_name()))}</span>
                }.into_any())}
                {field({crate::tr!(user_detail.email)}, view! { {u.email.clone()} }.into_any())}
                {field({crate::tr!(user_detail.user_id)}, view! { <code>{u.id}</code> }.into_any())}
                {field({crate::tr!(user_detail.created_at_utc)}, view! { <time datetime=u.created_at.clone()>{format_utc(&u.created_at)}</time> }.into_any())}
                {field({crate::tr!(user_detail.token_key)}, view! {
                    <code class="oc-token-key">{move || current.with(|u| u.as_ref().map(|u| u.token_key.clone()).unwrap_or_default())}</code>
                }.into_any())}
            </dl>
            <p class="oc-saved" role="status">{move || status.get()}</p>
            <div class="oc-user-actions">
                <ActionButton label={crate::tr!(user_detail.update_permission)} allowed=may(Permission::UserSetPermission)
                    refusal=Signal::derive(change_refusal) open=update_open/>
                <ActionButton label={crate::tr!(user_detail.reset_user_token)} allowed=may(Permission::UserResetTokenKey)
                    refusal=Signal::stored(None) open=reset_open/>
                <ActionButton label={crate::tr!(user_detail.delete_user)} allowed=may(Permission::UserDelete) danger=true
                    refusal=Signal::derive(delete_blocked) open=delete_open/>
            </div>
        </Card>
        <Card title={crate::tr!(user_detail.assigned_role)} subtitle={crate::tr!(user_detail.what_this_user_s_permission)} class="oc-user-role-card">
            {move || match role() {
                Some(r) => view! { <RolePanel role=r/> }.into_any(),
                None if !caps.get().allows(Permission::PermissionList) => view! {
                    <p class="oc-hint">{crate::tr!(user_detail.your_role_may_not_view)}</p>
                }
                .into_any(),
                None => match roles_state.try_get().flatten() {
                    None => view! { <Loading label={crate::tr!(user_detail.loading_the_role)}/> }.into_any(),
                    Some(Err(e)) => view! {
                        <ErrorState error=e title={crate::tr!(user_detail.could_not_load_the_role)} on_retry=Callback::new(move |_| roles_state.refetch())/>
                    }
                    .into_any(),
                    Some(Ok(_)) => view! {
                        <p class="oc-hint">{crate::tr!(user_detail.this_user_s_role_is)}</p>
                    }
                    .into_any(),
                },
            }}
        </Card>
        <Show when=move || caps.get().allows(Permission::ActivityList)>
            {
                let props = RecentActivityProps::builder().id(u.id).roles(roles).version(activity_version).build();
                lazy_card(&RECENT_ACTIVITY, props)
            }
        </Show>
        {lazy_dialog(&user_dialogs::UPDATE_PERMISSION, update, update_open)}
        {lazy_dialog(&user_dialogs::RESET_TOKEN, reset, reset_open)}
        {lazy_dialog(&user_dialogs::DELETE_USER, delete, delete_open)}
    }
}

/// A role's name, description and audiences, with the permissions in an expandable
/// "Permission Overview" panel.
#[component]
fn RolePanel(role: Role) -> impl IntoView {
    view! {
        <div class="oc-role-panel">
            <p class="oc-role-panel__name">
                <span class="oc-role-badge">{role.display_name.clone()}</span>
                {(!role.is_default).then(|| view! { <span class="oc-pill oc-pill--muted">{crate::tr!(user_detail.custom_role)}</span> })}
            </p>
            <p>{role.description.clone()}</p>
            <Audiences audiences=role.audiences.clone()/>
            <RoleDetails summary=crate::tr!(user_detail.permission_overview).to_string()
                overview=PermissionOverviewProps::builder().role(role).build()/>
        </div>
    }
}

/// An action button, shown when the role may take the action, that opens its dialog
/// (`open`); when a guard forbids the action it is disabled and says why.
#[component]
fn ActionButton(
    label: &'static str,
    allowed: Signal<bool>,
    refusal: Signal<Option<&'static str>>,
    open: RwSignal<bool>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let reason_id = StoredValue::new(crate::components::unique_id("action-reason"));
    let class = if danger {
        "oc-button oc-button--danger"
    } else {
        "oc-button oc-button--secondary"
    };
    move || {
        allowed.get().then(|| view! {
            <div class="oc-user-action">
                <button
                    type="button"
                    class=class
                    disabled=move || refusal.get().is_some()
                    aria-describedby=move || refusal.get().is_some().then(|| reason_id.get_value())
                    on:click=move |_| open.set(true)
                >
                    {label}
                </button>
                {move || refusal.get().map(|why| view! { <p class="oc-hint oc-readonly-reason" id=reason_id.get_value()>{why}</p> })}
            </div>
        })
    }
}

crate::lazy_part!(
    /// The card in a wasm chunk of its own (with the activity list it shares with the
    /// Activity tab): it stands below the user's and the role's cards, and is fetched
    /// when the browser is idle after they were painted.
    RECENT_ACTIVITY,
    recent_activity,
    RecentActivity,
    RecentActivityProps
);

/// The user's most recent activity-log entries (as actor or target), with a link to
/// all of them on the Activity tab.
#[component]
fn RecentActivity(id: i64, roles: Signal<Vec<Role>>, version: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let recent = LocalResource::new(move || {
        version.track();
        let api = api.clone();
        async move { activity::list(&api, &recent_for_user(id)).await }
    });
    let all = Route::Activity(ActivityView::default().with_user(Some(id))).href();
    view! {
        <Card title={crate::tr!(user_detail.recent_activity)} subtitle={crate::tr!(user_detail.the_latest_changes_by_or)} class="oc-user-activity-card">
            <Transition fallback=|| view! { <Loading label={crate::tr!(user_detail.loading_activity)}/> }>
                {move || {
                roles.track();
                recent.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title={crate::tr!(user_detail.could_not_load_the_activity)} on_retry=Callback::new(move |_| recent.refetch())/>
                    }
                    .into_any(),
                    Ok(page) if page.items.is_empty() => view! {
                        <p class="oc-empty" role="status">{crate::tr!(user_detail.no_activity_yet)}</p>
                    }
                    .into_any(),
                    Ok(page) => view! { <ActivityList entries=page.items roles=roles base=ActivityView::default()/> }.into_any(),
                })
                }}
            </Transition>
            <a href=all class="oc-activity__all">{crate::tr!(user_detail.all_activity_of_this_user)}</a>
        </Card>
    }
}
