//! The table rows' quick actions: Reset User Token and Delete User, each behind its
//! confirmation dialog.

use std::time::Duration;

use bintu_wire::User;
use leptos::prelude::*;

use crate::components::lazy_part::lazy_dialog;
use crate::components::user_dialogs::{self, DeleteUserDialogProps, ResetTokenDialogProps};
use crate::components::users_table::RowAction;
use crate::session::use_session;

/// Which user a quick action is for and which dialog is open.
#[derive(Debug, Clone, Copy)]
pub struct QuickActions {
    selected: RwSignal<Option<User>>,
    reset_open: RwSignal<bool>,
    delete_open: RwSignal<bool>,
}

impl QuickActions {
    /// No action under way.
    pub fn new() -> Self {
        Self {
            selected: RwSignal::new(None),
            reset_open: RwSignal::new(false),
            delete_open: RwSignal::new(false),
        }
    }

    /// Opens the dialog a row asked for.
    pub fn on_action(self) -> Callback<RowAction> {
        Callback::new(move |action: RowAction| {
            let (user, open) = match action {
                RowAction::ResetToken(u) => (u, self.reset_open),
                RowAction::Delete(u) => (u, self.delete_open),
            };
            self.selected.set(Some(user));
            open.set(true);
        })
    }
}

/// The two dialogs; after each the list reloads (`version`) and `status` says what
/// happened. Resetting one's own token ends one's session.
#[component]
pub fn QuickActionDialogs(
    actions: QuickActions,
    status: RwSignal<String>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let me_id = move || {
        untrack(|| session.me())
            .map(|m| m.user.id)
            .unwrap_or_default()
    };
    let after_reset = Callback::new(move |u: User| {
        if u.id == me_id() {
            // Not synchronously: ending the session tears down this page, and with it
            // the dialog whose confirm is still finishing (a disposed-signal panic).
            set_timeout(move || session.expire(), Duration::ZERO);
            return;
        }
        status.set(crate::tr!(
            users_quick_actions.token_of_reset_their_bintu,
            email = u.email
        ));
        version.update(|v| *v += 1);
    });
    let after_delete = Callback::new(move |u: User| {
        status.set(crate::tr!(users_quick_actions.deleted, email = u.email));
        version.update(|v| *v += 1);
    });
    let reset = ResetTokenDialogProps::builder()
        .open(actions.reset_open)
        .user(actions.selected)
        .on_done(after_reset)
        .build();
    let delete = DeleteUserDialogProps::builder()
        .open(actions.delete_open)
        .user(actions.selected)
        .on_done(after_delete)
        .build();
    view! {
        {lazy_dialog(&user_dialogs::RESET_TOKEN, reset, actions.reset_open)}
        {lazy_dialog(&user_dialogs::DELETE_USER, delete, actions.delete_open)}
    }
}
