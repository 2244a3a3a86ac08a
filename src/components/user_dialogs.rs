//! The confirm dialogs that act on one user: Reset User Token, Delete User and
//! Update Permission. The list's quick actions and the user page share them.

use bintu_wire::{Role, User};
use leptos::prelude::*;

use std::future::Future;

use crate::api::error_text::user_message;
use crate::api::{use_api, users, ApiError};
use crate::components::dialog::{self, Dialog, DialogVariant};
use crate::components::icons::IconWarning;
use crate::components::permission_overview::{PermissionDiffView, PermissionOverview};
use crate::components::unique_id;
use crate::domain::roles::grant_refusal;
use crate::session::use_session;

/// What happens to a user's tokens; said in the reset, the delete and the Update
/// Permission dialogs (a role change renews the token key, as bintu does).
pub fn token_warning() -> &'static str {
    crate::tr!(user_dialogs.token_warning)
}
/// [`token_warning`] for the bulk actions on many users.
pub fn tokens_warning_many() -> &'static str {
    crate::tr!(user_dialogs.tokens_warning_many)
}

fn email_of(user: Signal<Option<User>>) -> String {
    user.with(|u| u.as_ref().map(|u| u.email.clone()).unwrap_or_default())
}

crate::lazy_part!(
    /// In a wasm chunk of its own, loaded when the page is idle or when first opened.
    pub RESET_TOKEN,
    reset_token_dialog,
    ResetTokenDialog,
    ResetTokenDialogProps,
    beside = dialog::MODAL
);

/// "Reset user token?": renews the user's token key; `on_done` gets the updated user.
#[component]
pub fn ResetTokenDialog(
    open: RwSignal<bool>,
    /// The user to act on (read when Confirm is pressed).
    #[prop(into)]
    user: Signal<Option<User>>,
    #[prop(into)] on_done: Callback<User>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let session = use_session();
    let is_me = move || {
        let me = session.me().map(|m| m.user.id);
        user.with(|u| u.as_ref().map(|u| u.id)) == me && me.is_some()
    };
    view! {
        <Dialog
            open=open
            title={crate::tr!(user_dialogs.reset_user_token)}
            confirm_label={crate::tr!(user_dialogs.reset_token)}
            variant=DialogVariant::Danger
            on_confirm=move || async move {
                let updated = on_selected(user, |t| async move {
                    users::reset_token_key(&api.get_value(), t.id).await
                })
                .await?;
                on_done.run(updated);
                Ok(())
            }
        >
            <p>{crate::tr!(user_dialogs.you_are_about_to_reset)} <strong>{move || email_of(user)}</strong> "."</p>
            <p>{token_warning()}</p>
            <Show when=is_me>
                <p class="oc-alert oc-alert--warning">{crate::tr!(user_dialogs.this_includes_your_own_session)}</p>
            </Show>
        </Dialog>
    }
}

crate::lazy_part!(
    /// In a wasm chunk of its own, loaded when the page is idle or when first opened.
    pub DELETE_USER,
    delete_user_dialog,
    DeleteUserDialog,
    DeleteUserDialogProps,
    beside = dialog::MODAL
);

/// "Delete user?": deletes the user; `on_done` gets the deleted user.
#[component]
pub fn DeleteUserDialog(
    open: RwSignal<bool>,
    #[prop(into)] user: Signal<Option<User>>,
    #[prop(into)] on_done: Callback<User>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    view! {
        <Dialog
            open=open
            title={crate::tr!(user_dialogs.delete_user)}
            confirm_label={crate::tr!(user_dialogs.delete_user_2)}
            variant=DialogVariant::Danger
            on_confirm=move || async move {
                let target = on_selected(user, |t| async move {
                    users::delete(&api.get_value(), t.id).await.map(|()| t)
                })
                .await?;
                on_done.run(target);
                Ok(())
            }
        >
            <p>
                <strong>{move || email_of(user)}</strong>
                {crate::tr!(user_dialogs.loses_access_to_the_organisation)}
            </p>
            <p>{token_warning()}</p>
        </Dialog>
    }
}

crate::lazy_part!(
    /// In a wasm chunk of its own, loaded when the page is idle or when first opened.
    pub UPDATE_PERMISSION,
    update_permission_dialog,
    UpdatePermissionDialog,
    UpdatePermissionDialogProps,
    beside = dialog::MODAL
);

/// "Update permission": pick a role, see what changes, confirm.
#[component]
pub fn UpdatePermissionDialog(
    open: RwSignal<bool>,
    #[prop(into)] user: Signal<Option<User>>,
    /// Every role of the organisation.
    #[prop(into)]
    roles: Signal<Vec<Role>>,
    #[prop(into)] on_done: Callback<User>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let session = use_session();
    let select_id = unique_id("new-role");
    let current_name =
        move || user.with(|u| u.as_ref().map(|u| u.role.clone()).unwrap_or_default());
    let chosen = RwSignal::new(String::new());
    // Every opening starts from the user's current role.
    Effect::new(move |_| {
        if open.get() {
            chosen.set(current_name());
        }
    });
    let find = move |name: &str| roles.with(|rs| rs.iter().find(|r| r.name == name).cloned());
    let own = move || session.me().map(|m| m.role.permissions).unwrap_or_default();
    let refusal = move |role: &Role| grant_refusal(&own(), &role.permissions);
    let unchanged = move || chosen.get() == current_name();
    let chosen_refusal = move || find(&chosen.get()).and_then(|r| refusal(&r));

    view! {
        <Dialog
            open=open
            title={crate::tr!(user_dialogs.update_permission)}
            confirm_label={crate::tr!(user_dialogs.confirm)}
            confirm_disabled=Signal::derive(move || unchanged() || chosen_refusal().is_some())
            class="oc-dialog--wide"
            on_confirm=move || async move {
                let role = chosen.get_untracked();
                let updated = on_selected(user, |t| async move {
                    users::set_role(&api.get_value(), t.id, role).await
                })
                .await?;
                on_done.run(updated);
                Ok(())
            }
        >
            <p>{crate::tr!(user_dialogs.choose_the_permission_level_of)} <strong>{move || email_of(user)}</strong> "."</p>
            <div class="oc-field">
                <label class="oc-label" for=select_id.clone()>{crate::tr!(user_dialogs.new_permission_level)}</label>
                <select
                    id=select_id.clone()
                    class="oc-input oc-select"
                    prop:value=move || chosen.get()
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    {move || roles.get().into_iter().map(|r| {
                        let current = r.name == current_name();
                        let blocked = refusal(&r).is_some();
                        let label = if current {
                            crate::tr!(user_dialogs.current, display_name = r.display_name)
                        } else if blocked {
                            crate::tr!(user_dialogs.needs_permissions_you_lack, display_name = r.display_name)
                        } else {
                            r.display_name.clone()
                        };
                        view! {
                            <option value=r.name.clone() disabled=blocked && !current selected=move || chosen.get() == r.name>
                                {label}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            {move || {
                let (Some(cur), Some(next)) = (find(&current_name()), find(&chosen.get())) else {
                    return view! { <p class="oc-hint">{crate::tr!(user_dialogs.pick_a_permission_level_to)}</p> }.into_any();
                };
                if cur.name == next.name {
                    return view! {
                        <p class="oc-hint">{crate::tr!(user_dialogs.currently_pick_another_level_to, display_name = cur.display_name)}</p>
                        <details class="oc-details">
                            <summary>{crate::tr!(user_dialogs.what_allows, display_name = cur.display_name)}</summary>
                            <PermissionOverview role=cur/>
                        </details>
                    }
                    .into_any();
                }
                let name = next.display_name.clone();
                view! {
                    <h3 class="oc-subheading">{crate::tr!(user_dialogs.changes_from_to, display_name = cur.display_name, name = name)}</h3>
                    <PermissionDiffView current=cur next=next.clone()/>
                    <details class="oc-details">
                        <summary>{crate::tr!(user_dialogs.everything_allows, name = name)}</summary>
                        <PermissionOverview role=next/>
                    </details>
                }
                .into_any()
            }}
            {move || chosen_refusal().map(|why| view! {
                <p class="oc-alert oc-alert--error">{crate::tr!(user_dialogs.you_cannot_grant_this_level, why = why)}</p>
            })}
            <p class="oc-callout oc-callout--warning">
                <IconWarning/>
                <span>
                    {crate::tr!(user_dialogs.changes_take_effect_immediately_the)}
                    {token_warning()}
                </span>
            </p>
        </Dialog>
    }
}

/// A confirm action on the dialog's user: `act` runs with the selected user; nothing
/// selected, or the server's refusal, becomes the sentence the dialog shows.
async fn on_selected<R, F: Future<Output = Result<R, ApiError>>>(
    user: Signal<Option<User>>,
    act: impl FnOnce(User) -> F,
) -> Result<R, String> {
    let target = user
        .get_untracked()
        .ok_or_else(|| crate::tr!(user_dialogs.no_user_selected).to_string())?;
    act(target).await.map_err(|e| user_message(&e))
}
