//! The paged user table of the current view, its loading and error states.

use bintu_wire::{Page, Permission, Role, User, UserQuery};
use leptos::prelude::*;

use super::ahead::ListAhead;
use super::empty_list::EmptyList;
use crate::api::{use_api, users};
use crate::components::busy_after::busy_after_a_moment;
use crate::components::pager::Pager;
use crate::components::status::{ErrorState, Loading};
use crate::components::users_table::{RowAction, UsersTable};
use crate::domain::bulk::Selection;
use crate::domain::users_view::UsersView;
use crate::session::early::EarlyUsers;
use crate::session::{use_session, Session};

/// The users of `view`, loaded again when `version` changes; row actions go to
/// `on_action`, sorting and paging to `go`. `arrived` turns true once a page of users
/// is in; until `shown` does, the loading line stays (see the users page). `listed`
/// follows `view` as each answer comes in: what the rows on screen are of.
#[component]
pub fn UserList(
    view: Memo<UsersView>,
    version: RwSignal<u32>,
    roles: Signal<Vec<Role>>,
    go: Callback<UsersView>,
    on_action: Callback<RowAction>,
    arrived: RwSignal<bool>,
    listed: RwSignal<UsersView>,
    /// A page asked for before the list's view changed to it, taken over when it does.
    ahead: ListAhead,
    #[prop(into)] shown: Signal<bool>,
    /// The bulk selection, when the role may act on many users.
    selection: Option<RwSignal<Selection>>,
    /// The page on screen and how many users match, for the bulk bar.
    on_screen: RwSignal<(Vec<User>, u64)>,
) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let caps = Memo::new(move |_| session.capabilities());
    // While a new page, filter or search loads, the old rows stay, dimmed once it
    // takes a moment.
    let reloading = RwSignal::new(false);
    let busy = busy_after_a_moment(reloading);
    let early = use_context::<EarlyUsers>();
    let list = LocalResource::new(move || {
        version.track();
        let view = view.get();
        let api = api.clone();
        async move {
            let _ = reloading.try_set(true);
            let query = view.api_query();
            let page = match early_page(early, session, &query).await {
                Some(page) => Ok(page),
                None => match ahead.take(&query).await {
                    Some(answer) => answer,
                    None => users::list(&api, &query).await,
                },
            };
            let _ = reloading.try_set(false);
            page
        }
    });
    Effect::new(move |_| {
        // Set once: a set notifies even when the value stays, and every reader of
        // the page's `shown` would build the table again.
        if list.with(Option::is_some) && !arrived.get_untracked() {
            arrived.set(true);
        }
        // The view now is the rows' own, but for an answer that a later click overtook:
        // the resource, which loads one run at a time, still shows that one, and the
        // later click's follows at once (asked ahead, it is usually in already).
        if list.with(Option::is_some) {
            let now = view.get_untracked();
            if listed.with_untracked(|l| *l != now) {
                listed.set(now);
            }
        }
        if let Some(Ok(page)) = list.get() {
            on_screen.set((page.items, page.total));
        }
    });
    let loading = || view! { <Loading label={crate::tr!(users_list.loading_users)}/> };
    let me_id = move || {
        untrack(|| session.me())
            .map(|m| m.user.id)
            .unwrap_or_default()
    };

    // A reload keeps the last answer in `list` until the next is in, so a plain match
    // does what a <Transition> would, without its code on the first screen.
    move || {
        if !shown.get() {
            return loading().into_any();
        }
        // Built again when the roles arrive, which can be after the users:
        // the badges and the empty state show the roles' display names.
        roles.track();
        match list.try_get().flatten() {
            None => loading().into_any(),
            Some(Err(e)) => view! {
                <ErrorState error=e title={crate::tr!(users_list.could_not_load_the_users)} on_retry=Callback::new(move |_| list.refetch())/>
            }
            .into_any(),
            Some(Ok(page)) if page.items.is_empty() => view! { <EmptyList view=view roles=roles total=page.total/> }.into_any(),
            Some(Ok(page)) => {
                let v = view.get_untracked();
                let c = caps.get_untracked();
                view! {
                    <div class="oc-table-wrap" aria-busy=move || busy.get().then_some("true")>
                        <UsersTable
                            users=page.items
                            roles=roles.get_untracked()
                            me=me_id()
                            view=view
                            on_sort=go
                            can_reset=c.allows(Permission::UserResetTokenKey)
                            can_delete=c.allows(Permission::UserDelete)
                            on_action=on_action
                            selection=selection
                        />
                    </div>
                    <Pager label={crate::tr!(users_list.user_pages)} page=page.page page_size=page.page_size total=page.total on_page=Callback::new(move |p| go.run(v.with_page(p)))/>
                }
                .into_any()
            }
        }
    }
}

/// The first page the standalone page's script asked for while the wasm loaded, if
/// it is the page of `query`, for this session, and a success (taken once: a later
/// load asks the API).
async fn early_page(
    early: Option<EarlyUsers>,
    session: Session,
    query: &UserQuery,
) -> Option<Page<User>> {
    let answer = early?.page.take().await?;
    if answer.path != users::list_path(query).ok()? {
        return None;
    }
    answer.value_for(session)
}
