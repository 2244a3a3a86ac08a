//! The organisation's pending invitations, with Revoke (after a confirm). A part of
//! the users page ([`PART`]): the card comes below the list, once the list is shown,
//! and only for roles that may see invitations.

use bintu_wire::{Invite, Role};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{invites, use_api};
use crate::components::card::Card;
use crate::components::dialog::{self, Dialog, DialogVariant};
use crate::components::status::{ErrorState, Loading};
use crate::domain::activity_view::actor_name;
use crate::domain::roles::display_name;
use crate::domain::time::format_utc;

crate::lazy_part!(
    /// The card in a wasm chunk of its own, fetched when the browser is idle after
    /// the list above it was painted.
    pub PART,
    pending_invites,
    PendingInvites,
    PendingInvitesProps,
    beside = dialog::MODAL
);

/// The "Pending invitations" card. Bump `version` to reload it.
#[component]
pub fn PendingInvites(
    #[prop(into)] roles: Signal<Vec<Role>>,
    version: RwSignal<u32>,
    /// Whether the role may revoke invitations.
    can_revoke: bool,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let list = LocalResource::new(move || {
        version.track();
        let api = api.get_value();
        async move { invites::list(&api).await }
    });
    let target = RwSignal::new(None::<Invite>);
    let confirm_open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let role_name = move |name: &str| roles.with(|rs| display_name(rs, name));

    view! {
        <Card title={crate::tr!(pending_invites.pending_invitations)} subtitle={crate::tr!(pending_invites.invitation_links_that_have_not)} class="oc-invites-card">
            <p class="oc-visually-hidden" role="status">{move || status.get()}</p>
            <Transition fallback=|| view! { <Loading label={crate::tr!(pending_invites.loading_invitations)}/> }>
                {move || list.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title={crate::tr!(pending_invites.could_not_load_the_invitations)} on_retry=Callback::new(move |_| list.refetch())/>
                    }
                    .into_any(),
                    Ok(items) if items.is_empty() => view! {
                        <p class="oc-empty">{crate::tr!(pending_invites.no_pending_invitations)}</p>
                    }
                    .into_any(),
                    Ok(items) => view! {
                        <table class="oc-table oc-table--stack oc-invites">
                            <caption class="oc-visually-hidden">{crate::tr!(pending_invites.pending_invitations)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{crate::tr!(pending_invites.role)}</th>
                                    <th scope="col">{crate::tr!(pending_invites.created_by)}</th>
                                    <th scope="col">{crate::tr!(pending_invites.created_at_utc)}</th>
                                    <th scope="col">{crate::tr!(pending_invites.expires_utc)}</th>
                                    {can_revoke.then(|| view! { <th scope="col"><span class="oc-visually-hidden">{crate::tr!(pending_invites.actions)}</span></th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|inv| {
                                    let role = role_name(&inv.role);
                                    let created_by = actor_name(&inv.created_by);
                                    let revoke_name = crate::tr!(pending_invites.revoke_the_invitation_from, role = role, created_by = created_by);
                                    let chosen = inv.clone();
                                    view! {
                                        <tr>
                                            <td data-label={crate::tr!(pending_invites.role)}><span class="oc-role-badge">{role}</span></td>
                                            <td data-label={crate::tr!(pending_invites.created_by)}>{created_by}</td>
                                            <td data-label={crate::tr!(pending_invites.created_at_utc)}>{format_utc(&inv.created_at)}</td>
                                            <td data-label={crate::tr!(pending_invites.expires_utc)}>{format_utc(&inv.expires_at)}</td>
                                            {can_revoke.then(|| view! {
                                                <td class="oc-table__actions">
                                                    <button
                                                        type="button"
                                                        class="oc-button oc-button--secondary oc-button--small oc-button--danger-text"
                                                        aria-label=revoke_name
                                                        on:click=move |_| {
                                                            target.set(Some(chosen.clone()));
                                                            confirm_open.set(true);
                                                        }
                                                    >
                                                        {crate::tr!(pending_invites.revoke)}
                                                    </button>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                })}
            </Transition>
            <Dialog
                open=confirm_open
                title={crate::tr!(pending_invites.revoke_invitation)}
                confirm_label={crate::tr!(pending_invites.revoke_invitation_2)}
                variant=DialogVariant::Danger
                on_confirm=move || async move {
                    let Some(inv) = target.get_untracked() else { return Err({crate::tr!(pending_invites.no_invitation_selected)}.to_string()) };
                    invites::revoke(&api.get_value(), inv.id).await.map_err(|e| user_message(&e))?;
                    status.set({crate::tr!(pending_invites.invitation_revoked)}.to_string());
                    version.update(|v| *v += 1);
                    Ok(())
                }
            >
                <p>
                    {move || target.get().map(|inv| crate::tr!(pending_invites.the_invitation_created_by_stops, role = role_name(&inv.role), created_by = actor_name(&inv.created_by)))}
                </p>
            </Dialog>
        </Card>
    }
}
