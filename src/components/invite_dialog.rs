//! "Invite New User": pick a role (its permission overview shows beneath), generate
//! an invite token on the backend, and copy the invitation link it makes.

use bintu_wire::Permission;
use bintu_wire::{permission::ROLE_USER, CreatedInvite, Role, DEFAULT_INVITE_HOURS};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{invites, use_api};
use crate::components::clipboard::copy_text;
use crate::components::dialog::{self, Dialog};
use crate::components::permission_overview::PermissionOverview;
use crate::components::unique_id;
use crate::domain::roles::{display_name, grant_refusal};
use crate::domain::time::format_utc;
use crate::domain::users_view::Label;
use crate::routes::{use_base, Route};
use crate::session::use_session;

/// The validity choices offered, in hours.
const VALIDITY_CHOICES: &[(u32, Label)] = &[
    (24, || crate::tr!(invite_dialog.n_24_hours)),
    (DEFAULT_INVITE_HOURS, || crate::tr!(invite_dialog.n_3_days)),
    (24 * 7, || crate::tr!(invite_dialog.n_7_days)),
    (24 * 30, || crate::tr!(invite_dialog.n_30_days)),
];

crate::lazy_part!(
    /// The dialog in its own wasm chunk: loaded when the page is idle or when it is
    /// first opened.
    pub PART,
    invite_dialog,
    InviteDialog,
    InviteDialogProps,
    beside = dialog::MODAL
);

/// The invite dialog; `on_created` runs after each generated token (e.g. to refresh
/// the pending list).
#[component]
pub fn InviteDialog(
    open: RwSignal<bool>,
    /// Every role of the organisation.
    #[prop(into)]
    roles: Signal<Vec<Role>>,
    #[prop(into)] on_created: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let session = use_session();
    // Read now: the async confirm runs outside the reactive owner.
    let base = StoredValue::new(use_base());
    let role_id = unique_id("invite-role");
    let validity_id = unique_id("invite-validity");
    let link_id = unique_id("invite-link");
    let chosen = RwSignal::new(String::new());
    let hours = RwSignal::new(DEFAULT_INVITE_HOURS);
    let created = RwSignal::new(None::<(CreatedInvite, String)>);
    let copy_status = RwSignal::new(String::new());

    let own = move || session.me().map(|m| m.role.permissions).unwrap_or_default();
    let allowed = move |r: &Role| grant_refusal(&own(), &r.permissions).is_none();
    // Default choice: the member role if grantable, else the first grantable role.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let rs = roles.get();
        let pick = rs
            .iter()
            .find(|r| r.name == ROLE_USER && allowed(r))
            .or_else(|| rs.iter().find(|r| allowed(r)))
            .map(|r| r.name.clone())
            .unwrap_or_default();
        if chosen.get_untracked().is_empty() || !rs.iter().any(|r| r.name == chosen.get_untracked())
        {
            chosen.set(pick);
        }
    });
    let chosen_role = move || roles.with(|rs| rs.iter().find(|r| r.name == chosen.get()).cloned());

    let generate = move || async move {
        let role = chosen.get_untracked();
        if role.is_empty() {
            return Err(crate::tr!(invite_dialog.choose_a_role_first).to_string());
        }
        let invite = invites::create(&api.get_value(), role, hours.get_untracked())
            .await
            .map_err(|e| user_message(&e))?;
        let link = base
            .get_value()
            .absolute_url(&Route::Invitation(invite.token.clone()));
        copy_status.set(String::new());
        created.set(Some((invite, link)));
        on_created.run(());
        Ok(())
    };

    let copy = move |_| {
        let Some((_, link)) = created.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match copy_text(&link).await {
                Ok(()) => crate::tr!(invite_dialog.invitation_link_copied_to_clipboard),
                Err(()) => crate::tr!(invite_dialog.could_not_copy_the_link),
            };
            let _ = copy_status.try_set(text.to_string());
        });
    };

    view! {
        <Dialog
            open=open
            title={crate::tr!(invite_dialog.invite_new_user)}
            confirm_label={crate::tr!(invite_dialog.generate_new_invite_token)}
            cancel_label=Signal::derive(move || if created.get().is_some() { {crate::tr!(invite_dialog.done)}.to_string() } else { {crate::tr!(invite_dialog.cancel)}.to_string() })
            close_on_success=false
            confirm_disabled=Signal::derive(move || chosen.get().is_empty())
            class="oc-dialog--wide"
            on_close=Callback::new(move |_| {
                created.set(None);
                copy_status.set(String::new());
            })
            on_confirm=generate
        >
            <p>{crate::tr!(invite_dialog.the_invitee_signs_up_with)}</p>
            <div class="oc-form-row">
                <div class="oc-field">
                    <label class="oc-label" for=role_id.clone()>{crate::tr!(invite_dialog.role)}</label>
                    <select
                        id=role_id.clone()
                        class="oc-input oc-select"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        {move || roles.get().into_iter().map(|r| {
                            let ok = allowed(&r);
                            let label = if ok {
                                r.display_name.clone()
                            } else {
                                crate::tr!(invite_dialog.needs_permissions_you_lack, display_name = r.display_name)
                            };
                            view! {
                                <option value=r.name.clone() disabled=!ok selected=move || chosen.get() == r.name>{label}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="oc-field">
                    <label class="oc-label" for=validity_id.clone()>{crate::tr!(invite_dialog.link_valid_for)}</label>
                    <select
                        id=validity_id.clone()
                        class="oc-input oc-select"
                        on:change=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse() {
                                hours.set(h);
                            }
                        }
                    >
                        {VALIDITY_CHOICES.iter().map(|(h, label)| view! {
                            <option value=h.to_string() selected=*h == DEFAULT_INVITE_HOURS>{label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <Show when=move || !session.allows(Permission::PermissionList)>
                <p class="oc-alert oc-alert--warning">
                    {crate::tr!(invite_dialog.your_role_may_not_view)}
                </p>
            </Show>
            <section class="oc-invite-role" aria-label={crate::tr!(invite_dialog.permission_overview)}>
                {move || chosen_role().map(|r| view! {
                    <h3 class="oc-subheading">{crate::tr!(invite_dialog.permission_overview_2, display_name = r.display_name)}</h3>
                    <PermissionOverview role=r/>
                })}
            </section>
            {move || created.get().map(|(invite, link)| {
                let role = display_name(&roles.get_untracked(), &invite.invite.role);
                view! {
                    <div class="oc-invite-result">
                        <p class="oc-alert oc-alert--success" role="status">
                            {crate::tr!(invite_dialog.invitation_for_created_it_expires, role = role, expires_at = format_utc(&invite.invite.expires_at))}
                        </p>
                        <div class="oc-field">
                            <label class="oc-label" for=link_id.clone()>{crate::tr!(invite_dialog.invitation_link)}</label>
                            <div class="oc-copy-row">
                                <input id=link_id.clone() class="oc-input oc-input--mono" type="text" readonly prop:value=link.clone()
                                    on:focus=move |ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                            input.select();
                                        }
                                    }
                                />
                                <button type="button" class="oc-button oc-button--secondary" on:click=copy>{crate::tr!(invite_dialog.copy_link)}</button>
                            </div>
                            <p class="oc-hint">{crate::tr!(invite_dialog.share_it_with_the_person)}</p>
                        </div>
                        <p class="oc-visually-hidden" role="status" aria-live="polite">{move || copy_status.get()}</p>
                        <p class="oc-copy-status" aria-hidden="true">{move || copy_status.get()}</p>
                    </div>
                }
            })}
        </Dialog>
    }
}
