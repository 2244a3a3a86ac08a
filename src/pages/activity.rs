//! `/organisation/activity`: the activity log, newest first, paged on the server,
//! filtered by kind and by user; the filters and page live in the URL.

use bintu_wire::{ActivityEntry, Permission, ACTIVITY_KINDS};
use leptos::prelude::*;

use crate::api::{activity, roles, use_api};
use crate::components::activity_list::ActivityList;
use crate::components::activity_user_filter::ActivityUserFilter;
use crate::components::card::Card;
use crate::components::pager::Pager;
use crate::components::status::{ErrorState, Loading, Unavailable};
use crate::components::unique_id;
use crate::domain::activity_view::{kind_label, ActivityView};
use crate::router::{use_go, use_location};
use crate::routes::Route;
use crate::session::use_session;

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    activity,
    ActivityPage,
    crate::tr!(activity.loading_the_activity_log)
);

/// The Activity tab, for roles with `Activity:List`.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let session = use_session();
    let can_read = Memo::new(move |_| session.allows(Permission::ActivityList));
    view! {
        <Show
            when=move || can_read.get()
            fallback=|| view! {
                <Unavailable title={crate::tr!(activity.no_access_to_the_activity)} text={crate::tr!(activity.your_role_does_not_allow)}/>
            }
        >
            <ActivityLog/>
        </Show>
    }
}

#[component]
fn ActivityLog() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let route = use_location().route();
    // The log's filters while the address is the log's; on the way to another page the
    // last ones stay.
    let view_state = Memo::new(move |last: Option<&ActivityView>| match route.get() {
        Route::Activity(v) => v,
        _ => last.cloned().unwrap_or_default(),
    });
    let go = {
        let navigate = use_go();
        Callback::new(move |v: ActivityView| navigate(&Route::Activity(v), false))
    };
    let can_list_roles = Signal::derive(move || session.allows(Permission::PermissionList));
    let roles = roles::loaded(roles::use_roles(RwSignal::new(0), can_list_roles));
    let log = LocalResource::new(move || {
        let v = view_state.get();
        let api = api.clone();
        async move { activity::list(&api, &v.api_query()).await }
    });
    let reloading = RwSignal::new(false);
    let kind_id = unique_id("activity-kind");
    let on_kind = move |ev: web_sys::Event| {
        let kind = bintu_wire::ActivityKind::parse(&event_target_value(&ev));
        go.run(view_state.get_untracked().with_kind(kind));
    };
    let kind_value = move || {
        view_state
            .get()
            .kind
            .map(|k| k.as_str().to_string())
            .unwrap_or_default()
    };

    view! {
        <Card title={crate::tr!(activity.activity)} subtitle={crate::tr!(activity.changes_made_in_this_organisation)} class="oc-activity-card">
            <div class="oc-activity-toolbar">
                <div class="oc-field oc-field--inline">
                    <label class="oc-label" for=kind_id.clone()>{crate::tr!(activity.kind_of_change)}</label>
                    <select id=kind_id.clone() class="oc-input oc-select" prop:value=kind_value on:change=on_kind>
                        <option value="" selected=move || kind_value().is_empty()>{crate::tr!(activity.all_changes)}</option>
                        {ACTIVITY_KINDS.iter().map(|k| {
                            let name = k.as_str();
                            view! { <option value=name selected=move || kind_value() == name>{kind_label(*k)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                // Finding a user by email needs the user list.
                <Show when=move || session.allows(Permission::UserList)>
                    <ActivityUserFilter on_user=Callback::new(move |id| go.run(view_state.get_untracked().with_user(Some(id))))/>
                </Show>
                {move || view_state.get().user.map(|id| {
                    let all = Route::Activity(view_state.get_untracked().with_user(None)).href();
                    let who = log
                        .try_get()
                        .flatten()
                        .and_then(Result::ok)
                        .and_then(|p| user_label(&p.items, id))
                        .unwrap_or_else(|| crate::tr!(activity.user, id = id));
                    view! {
                        <p class="oc-activity-toolbar__user">
                            <span>{crate::tr!(activity.only_the_activity_of, who = who)}</span>
                            <a href=all class="oc-button oc-button--secondary oc-button--small">{crate::tr!(activity.show_everyone)}</a>
                        </p>
                    }
                })}
            </div>
            <Transition fallback=|| view! { <Loading label={crate::tr!(activity.loading_activity)}/> } set_pending=reloading.write_only()>
                {move || {
                // Built again when the roles arrive (their display names are in the
                // sentences), which can be after the entries.
                roles.track();
                log.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title={crate::tr!(activity.could_not_load_the_activity)} on_retry=Callback::new(move |_| log.refetch())/>
                    }
                    .into_any(),
                    Ok(page) if page.items.is_empty() => {
                        let v = view_state.get_untracked();
                        let text = if v.page > 1 && page.total > 0 {
                            crate::tr!(activity.page_has_no_entries_the, page = v.page, total = page.total)
                        } else if v.is_filtered() {
                            {crate::tr!(activity.no_activity_matches_these_filters)}.to_string()
                        } else {
                            {crate::tr!(activity.no_activity_yet_changes_made)}.to_string()
                        };
                        let reset = Route::Activity(ActivityView::default()).href();
                        view! {
                            <div class="oc-empty" role="status">
                                <p>{text}</p>
                                {(v.is_filtered() || v.page > 1).then(|| view! {
                                    <a href=reset class="oc-button oc-button--secondary oc-button--small">{crate::tr!(activity.show_all_activity)}</a>
                                })}
                            </div>
                        }
                        .into_any()
                    }
                    Ok(page) => {
                        let v = view_state.get_untracked();
                        let next = v.clone();
                        view! {
                            <div aria-busy=move || reloading.get().then_some("true")>
                                <ActivityList entries=page.items.clone() roles=roles base=v/>
                            </div>
                            <Pager label={crate::tr!(activity.activity_pages)} page=page.page page_size=page.page_size total=page.total on_page=Callback::new(move |p| go.run(next.with_page(p)))/>
                        }
                        .into_any()
                    }
                })
                }}
            </Transition>
        </Card>
    }
}

/// The email of user `id` as the entries name them, if they appear.
fn user_label(entries: &[ActivityEntry], id: i64) -> Option<String> {
    entries.iter().find_map(|e| {
        if e.actor_id == Some(id) {
            Some(e.actor.clone())
        } else if e.target_user_id == Some(id) {
            Some(e.target.clone())
        } else {
            None
        }
    })
}
