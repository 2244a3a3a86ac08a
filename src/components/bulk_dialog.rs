//! One bulk action from review to summary, in one modal dialog:
//! - the review names who the action applies to and who it skips, and why (for a
//!   role change, grouped by current role with what each group gains and loses);
//!   deleting more than ten users asks for their number to be typed;
//! - the run makes the calls a few at a time ("12 of 40"); Cancel (or Escape) stops
//!   further calls, a lost session or network stops the run where it is;
//! - the summary says what was done, skipped and failed with each reason, and
//!   offers "Retry the failed ones".
//!
//! The bintu API changes one user per call; every call is the single-user one, so
//! each change reaches the Activity log as usual.
//!
//! A part of the users page in a chunk of its own ([`PART`]): the page's first load
//! does not carry it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use bintu_wire::{Role, User};
use leptos::html;
use leptos::prelude::*;

use super::bulk_bar::BulkKind;
use crate::api::error_text::user_message;
use crate::api::{use_api, users, ApiClient, ApiError};
use crate::components::dialog::{
    active_element, built_once_opened, keep_tab_inside, return_focus, show_modal_once_built,
};
use crate::components::permission_overview::PermissionDiffView;
use crate::components::unique_id;
use crate::components::user_dialogs::tokens_warning_many;
use crate::domain::bulk::{
    self, by_role, first_emails, needs_typed_count, users_text, BulkAction, CallOutcome, Plan,
    Selection, Tally, PARALLEL_CALLS,
};
use crate::domain::roles::{admin_count, display_name, grant_refusal};
use crate::session::use_session;

/// Where the dialog stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Review,
    Running,
    Summary,
}

crate::lazy_part!(
    /// The dialog in its own wasm chunk: loaded when the page is idle or when a bulk
    /// action is first chosen.
    pub PART,
    bulk_dialog,
    BulkDialog,
    BulkDialogProps
);

/// The dialog of the bulk action `kind` (None: closed) on `selection`; `on_changed`
/// runs after a run changed something (to reload the list and the role counts).
#[component]
pub fn BulkDialog(
    kind: RwSignal<Option<BulkKind>>,
    selection: RwSignal<Selection>,
    #[prop(into)] roles: Signal<Vec<Role>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let session = use_session();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("bulk-title");
    let role_id = StoredValue::new(unique_id("bulk-role"));
    let typed_id = StoredValue::new(unique_id("bulk-typed"));
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let phase = RwSignal::new(Phase::Review);
    let chosen_role = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let tally = RwSignal::new(Tally::default());
    let cancelled = RwSignal::new(false);
    // The users of the run under way, for "Retry the failed ones".
    let planned = StoredValue::new(Vec::<User>::new());
    // The selection's size when the dialog opened: the title keeps it while the run
    // takes the done users out of the selection.
    let opened_with = RwSignal::new(0usize);

    let me = move || session.me().map(|m| m.user.id);
    let action = Memo::new(move |_| match kind.get() {
        Some(BulkKind::ChangeRole) => Some(BulkAction::ChangeRole(chosen_role.get())),
        Some(BulkKind::ResetTokens) => Some(BulkAction::ResetTokens),
        Some(BulkKind::Delete) => Some(BulkAction::Delete),
        None => None,
    });
    let plan = Memo::new(move |_| {
        let Some(action) = action.get() else {
            return Plan::default();
        };
        let admins = roles.with(|r| admin_count(r));
        selection.with(|s| bulk::plan(&action, &s.users(), me(), admins))
    });
    let find_role = move |name: &str| roles.with(|rs| rs.iter().find(|r| r.name == name).cloned());
    let own = move || session.me().map(|m| m.role.permissions).unwrap_or_default();
    let role_refusal =
        move || find_role(&chosen_role.get()).and_then(|r| grant_refusal(&own(), &r.permissions));
    let n = move || plan.with(|p| p.apply.len());
    let confirm_blocked = move || {
        let Some(action) = action.get() else {
            return true;
        };
        n() == 0
            || (kind.get() == Some(BulkKind::ChangeRole)
                && (chosen_role.with(String::is_empty) || role_refusal().is_some()))
            || (needs_typed_count(&action, n()) && typed.with(|t| t.trim() != n().to_string()))
    };

    let built = built_once_opened(move || kind.with(Option::is_some));
    // Opens with a fresh review; closes when `kind` is set back to None.
    Effect::new(move |_| {
        let open = kind.with(Option::is_some);
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open && !dialog.open() {
            opener.set_value(active_element());
            opened_with.set(selection.with_untracked(Selection::len));
            phase.set(Phase::Review);
            chosen_role.set(String::new());
            typed.set(String::new());
            show_modal_once_built(dialog, move || kind.with_untracked(Option::is_some));
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    let on_closed = move |_| {
        kind.set(None);
        if let (Some(d), Some(el)) = (dialog_ref.get_untracked(), opener.get_value()) {
            return_focus(&d, &el);
        }
    };
    // Escape during a run is Cancel: the calls under way finish, no more start.
    let on_cancel = move |ev: web_sys::Event| {
        if phase.get_untracked() == Phase::Running {
            ev.prevent_default();
            cancelled.set(true);
        }
    };

    let run = move |targets: Vec<User>| {
        let Some(action) = action.get_untracked() else {
            return;
        };
        planned.set_value(targets.clone());
        tally.set(Tally::new(targets.len()));
        cancelled.set(false);
        phase.set(Phase::Running);
        let queue = Rc::new(RefCell::new(VecDeque::from(targets)));
        let running = Rc::new(Cell::new(PARALLEL_CALLS));
        for _ in 0..PARALLEL_CALLS {
            let (queue, running, action) = (queue.clone(), running.clone(), action.clone());
            leptos::task::spawn_local(async move {
                let api = api.get_value();
                loop {
                    let stop = cancelled.try_get_untracked().unwrap_or(true)
                        || tally.with_untracked(|t| t.stopped.is_some());
                    let next = (!stop).then(|| queue.borrow_mut().pop_front()).flatten();
                    let Some(user) = next else { break };
                    let outcome = call(&api, &action, &user).await;
                    if tally.try_update(|t| t.record(user, outcome)).is_none() {
                        return; // the page is gone
                    }
                }
                running.set(running.get() - 1);
                if running.get() == 0 {
                    finish(tally, cancelled, phase, selection);
                    on_changed.run(());
                }
            });
        }
    };
    let confirm = move |_| {
        if !confirm_blocked() {
            run(plan.get_untracked().apply);
        }
    };
    let retry = move |_| {
        let left = tally.with_untracked(|t| {
            let done: Vec<i64> = t.done.iter().map(|u| u.id).collect();
            planned.with_value(|p| {
                p.iter()
                    .filter(|u| !done.contains(&u.id))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        run(left);
    };
    let title = move || {
        let who = users_text(opened_with.get());
        match kind.get() {
            Some(BulkKind::ChangeRole) => crate::tr!(bulk_dialog.change_the_role_of, who = who),
            Some(BulkKind::ResetTokens) => crate::tr!(bulk_dialog.reset_the_tokens_of, who = who),
            Some(BulkKind::Delete) => crate::tr!(bulk_dialog.delete, who = who),
            None => String::new(),
        }
    };
    let danger = move || kind.get() == Some(BulkKind::Delete);
    let confirm_label = move || {
        let who = users_text(n());
        match kind.get() {
            Some(BulkKind::ChangeRole) => crate::tr!(bulk_dialog.change_the_role_of, who = who),
            Some(BulkKind::ResetTokens) => crate::tr!(bulk_dialog.reset_the_tokens_of_2, who = who),
            _ => crate::tr!(bulk_dialog.delete_2, who = who),
        }
    };

    let review = move || {
        let plan = plan.get();
        let Some(action) = action.get() else {
            return ().into_any();
        };
        let body = match &action {
            BulkAction::ChangeRole(role) => {
                change_role_review(role, &plan, roles, find_role, role_refusal()).into_any()
            }
            _ => {
                let last_words = if action == BulkAction::Delete {
                    crate::tr!(bulk_dialog.lose_access_to_the_organisation)
                } else {
                    crate::tr!(bulk_dialog.get_a_new_token_key)
                };
                view! {
                    <p>
                        <strong>{users_text(plan.apply.len())}</strong>
                        {last_words}
                    </p>
                    {(!plan.apply.is_empty()).then(|| view! { <p class="oc-bulk-emails">{first_emails(&plan.apply)}</p> })}
                    <p>{tokens_warning_many()}</p>
                }
                .into_any()
            }
        };
        view! {
            {body}
            {skipped_list(&plan, &action)}
            {plan.apply.is_empty().then(|| view! {
                <p class="oc-alert oc-alert--warning">{crate::tr!(bulk_dialog.nothing_to_do_the_action)}</p>
            })}
        }
        .into_any()
    };
    // The controls stay the same elements while the review below them changes, so
    // the focus stays on them.
    let role_select = move || {
        view! {
            <div class="oc-field">
                <label class="oc-label" for=role_id.get_value()>{crate::tr!(bulk_dialog.new_permission_level)}</label>
                <select
                    id=role_id.get_value()
                    class="oc-input oc-select"
                    prop:value=move || chosen_role.get()
                    on:change=move |ev| chosen_role.set(event_target_value(&ev))
                >
                    <option value="">{crate::tr!(bulk_dialog.choose_a_permission_level)}</option>
                    {move || roles.get().into_iter().map(|r| {
                        let label = match grant_refusal(&own(), &r.permissions) {
                            Some(_) => crate::tr!(bulk_dialog.needs_permissions_you_lack, display_name = r.display_name),
                            None => r.display_name.clone(),
                        };
                        view! { <option value=r.name.clone()>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let typed_count =
        move || action.with(|a| a.as_ref().is_some_and(|a| needs_typed_count(a, n())));
    let typed_field = move || {
        view! {
            <div class="oc-field">
                <label class="oc-label" for=typed_id.get_value()>
                    {move || crate::tr!(bulk_dialog.type_to_confirm_the_deletion, n = n())}
                </label>
                <input
                    id=typed_id.get_value()
                    class="oc-input oc-bulk-typed"
                    inputmode="numeric"
                    autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let progress = move || {
        tally.with(|t| {
            let verb = match kind.get_untracked() {
                Some(BulkKind::ChangeRole) => crate::tr!(bulk_dialog.changing_roles),
                Some(BulkKind::ResetTokens) => crate::tr!(bulk_dialog.resetting_tokens),
                _ => crate::tr!(bulk_dialog.deleting_users),
            };
            view! {
                <p>{verb} " " <strong>{t.progress_text()}</strong></p>
                <progress class="oc-bulk-progress" max=t.total.to_string() value=t.finished().to_string() aria-label={crate::tr!(bulk_dialog.progress)}></progress>
                {move || cancelled.get().then(|| view! { <p class="oc-hint">{crate::tr!(bulk_dialog.stopping_after_the_calls_under)}</p> })}
            }
        })
    };
    let summary =
        move || tally.with(|t| summary_view(t, &plan.get_untracked(), kind.get_untracked()));

    let heading_id = title_id.clone();
    view! {
        <dialog
            node_ref=dialog_ref
            class="oc-dialog oc-dialog--wide oc-bulk-dialog"
            class:oc-dialog--danger=danger
            aria-labelledby=title_id.clone()
            on:close=on_closed
            on:cancel=on_cancel
            on:keydown=move |ev| {
                if let Some(d) = dialog_ref.get_untracked() {
                    keep_tab_inside(&ev, &d);
                }
            }
        >
            {move || built.get().then(|| view! {
            <div class="oc-dialog__surface">
                <h2 class="oc-dialog__title" id=heading_id.clone()>
                    {move || danger().then(|| view! { <span class="oc-dialog__icon" aria-hidden="true">"!"</span> })}
                    {title}
                </h2>
                <div class="oc-dialog__body" aria-live="polite">
                    {move || match phase.get() {
                        Phase::Review => view! {
                            <Show when=move || kind.get() == Some(BulkKind::ChangeRole)>{role_select}</Show>
                            {review}
                            <Show when=typed_count>{typed_field}</Show>
                        }.into_any(),
                        Phase::Running => progress().into_any(),
                        Phase::Summary => summary().into_any(),
                    }}
                </div>
                <div class="oc-dialog__actions">
                    {move || match phase.get() {
                        Phase::Review => view! {
                            <button type="button" class="oc-button oc-button--secondary" on:click=move |_| kind.set(None)>{crate::tr!(bulk_dialog.cancel)}</button>
                            <button
                                type="button"
                                class=move || if danger() { "oc-button oc-button--danger" } else { "oc-button oc-button--primary" }
                                disabled=confirm_blocked
                                on:click=confirm
                            >
                                {confirm_label}
                            </button>
                        }.into_any(),
                        Phase::Running => view! {
                            <button type="button" class="oc-button oc-button--secondary" disabled=move || cancelled.get() on:click=move |_| cancelled.set(true)>
                                {crate::tr!(bulk_dialog.cancel)}
                            </button>
                        }.into_any(),
                        Phase::Summary => view! {
                            {move || tally.with(|t| !t.failed.is_empty() || t.not_reached() > 0).then(|| view! {
                                <button type="button" class="oc-button oc-button--secondary" on:click=retry>{crate::tr!(bulk_dialog.retry_the_failed_ones)}</button>
                            })}
                            <button type="button" class="oc-button oc-button--primary" on:click=move |_| kind.set(None)>{crate::tr!(bulk_dialog.close)}</button>
                        }.into_any(),
                    }}
                </div>
            </div>
            })}
        </dialog>
    }
}

/// One call of a run and what its answer means for the run.
async fn call(api: &ApiClient, action: &BulkAction, user: &User) -> CallOutcome {
    let answer = match action {
        BulkAction::ChangeRole(role) => users::set_role(api, user.id, role.clone()).await.map(drop),
        BulkAction::ResetTokens => users::reset_token_key(api, user.id).await.map(drop),
        BulkAction::Delete => users::delete(api, user.id).await,
    };
    match answer {
        Ok(()) => CallOutcome::Done,
        Err(e @ ApiError::Network(_)) => CallOutcome::Stop(user_message(&e)),
        Err(e) if e.is_session_invalid() => CallOutcome::Stop(user_message(&e)),
        Err(e) => CallOutcome::Failed(user_message(&e)),
    }
}

/// The end of a run: Cancel noted, done users leave the selection, the summary shows.
fn finish(
    tally: RwSignal<Tally>,
    cancelled: RwSignal<bool>,
    phase: RwSignal<Phase>,
    selection: RwSignal<Selection>,
) {
    let was_cancelled = cancelled.try_get_untracked().unwrap_or(false);
    let _ = tally.try_update(|t| {
        if was_cancelled && t.not_reached() > 0 {
            t.stopped
                .get_or_insert_with(|| crate::tr!(bulk_dialog.cancelled).to_string());
        }
    });
    if let Some(done) = tally.try_with_untracked(|t| t.done.clone()) {
        let _ = selection.try_update(|s| s.set_all(&done, false));
    }
    let _ = phase.try_set(Phase::Summary);
}

/// The review of a role change to `chosen`: each current role's group with what it
/// gains and loses.
fn change_role_review(
    chosen: &str,
    plan: &Plan,
    roles: Signal<Vec<Role>>,
    find_role: impl Fn(&str) -> Option<Role> + Copy + 'static,
    refusal: Option<String>,
) -> impl IntoView {
    let groups = find_role(chosen).map(|next| {
        by_role(&plan.apply)
            .into_iter()
            .map(|(from, members)| {
                let heading = crate::tr!(
                    bulk_dialog.from,
                    value = roles.with_untracked(|r| display_name(r, &from)),
                    value2 = users_text(members.len()),
                    members = first_emails(&members)
                );
                let diff = find_role(&from).map(
                    |current| view! { <PermissionDiffView current=current next=next.clone()/> },
                );
                view! {
                    <section class="oc-bulk-group">
                        <h3 class="oc-subheading">{heading}</h3>
                        {diff}
                    </section>
                }
            })
            .collect_view()
    });
    view! {
        {groups}
        {refusal.map(|why| view! { <p class="oc-alert oc-alert--error">{crate::tr!(bulk_dialog.you_cannot_grant_this_level, why = why)}</p> })}
        <p class="oc-callout oc-callout--warning">{tokens_warning_many()}</p>
    }
}

/// The selected users the action leaves out, each with why.
fn skipped_list(plan: &Plan, action: &BulkAction) -> Option<impl IntoView> {
    (!plan.skipped.is_empty()).then(|| {
        let items = plan
            .skipped
            .iter()
            .map(|(u, why)| view! { <li><strong>{u.email.clone()}</strong> ": " {why.text(action)}</li> })
            .collect_view();
        view! {
            <h3 class="oc-subheading">{crate::tr!(bulk_dialog.skipped, value = users_text(plan.skipped.len()))}</h3>
            <ul class="oc-bulk-list">{items}</ul>
        }
    })
}

/// What a run did.
fn summary_view(t: &Tally, plan: &Plan, kind: Option<BulkKind>) -> impl IntoView {
    let done = match kind {
        Some(BulkKind::ChangeRole) => {
            crate::tr!(bulk_dialog.role_changed, value = users_text(t.done.len()))
        }
        Some(BulkKind::ResetTokens) => {
            crate::tr!(bulk_dialog.tokens_reset, value = users_text(t.done.len()))
        }
        _ => crate::tr!(bulk_dialog.deleted, value = users_text(t.done.len())),
    };
    let stopped = t.stopped.clone().map(|why| {
        view! {
            <p class="oc-alert oc-alert--warning">
                {crate::tr!(bulk_dialog.stopped_after_not_reached, progress_text = t.progress_text(), why = why, not_reached = users_text(t.not_reached()))}
            </p>
        }
    });
    let failed = (!t.failed.is_empty()).then(|| {
        let items = t
            .failed
            .iter()
            .map(
                |(u, why)| view! { <li><strong>{u.email.clone()}</strong> ": " {why.clone()}</li> },
            )
            .collect_view();
        view! {
            <h3 class="oc-subheading">{crate::tr!(bulk_dialog.failed, value = users_text(t.failed.len()))}</h3>
            <ul class="oc-bulk-list">{items}</ul>
        }
    });
    view! {
        <p class="oc-bulk-done"><strong>{done}</strong></p>
        {(!plan.skipped.is_empty()).then(|| view! { <p>{crate::tr!(bulk_dialog.skipped_2, value = users_text(plan.skipped.len()))}</p> })}
        {stopped}
        {failed}
    }
}
