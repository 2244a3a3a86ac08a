//! Invite New User on the list page: opened by the toolbar button or by arriving
//! with the invite flag (the profile menu's entry); closing it drops the flag.

use bintu_wire::Role;
use leptos::prelude::*;

use crate::components::invite_dialog::{self, InviteDialogProps};
use crate::components::lazy_part::lazy_dialog;
use crate::router::use_go;
use crate::routes::Route;

/// The invite dialog of the list page. `route` is the page's current route; `open`
/// is shared with the toolbar button.
#[component]
pub fn InviteFlow(
    route: Memo<Route>,
    open: RwSignal<bool>,
    roles: Signal<Vec<Role>>,
    /// Bumped after each invitation, so the pending list loads again.
    invites_version: RwSignal<u32>,
) -> impl IntoView {
    let navigate = use_go();
    let flagged = move || matches!(route.get(), Route::Users { invite: true, .. });
    Effect::new(move |_| {
        if flagged() {
            open.set(true);
        }
    });
    Effect::new(move |prev: Option<bool>| {
        let now = open.get();
        if prev == Some(true) && !now {
            if let Route::Users { view, invite: true } = route.get_untracked() {
                navigate(&Route::users(view), true);
            }
        }
        now
    });
    let props = InviteDialogProps::builder()
        .open(open)
        .roles(roles)
        .on_created(Callback::new(move |_| invites_version.update(|v| *v += 1)))
        .build();
    lazy_dialog(&invite_dialog::PART, props, open)
}
