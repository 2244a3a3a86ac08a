//! The VOD Public Accessibility card: a switch, with a confirmation before VOD
//! content becomes public.

use bintu_wire::Permission;
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{organisation, use_api};
use crate::components::card::Card;
use crate::components::dialog::{Dialog, DialogVariant};
use crate::components::icons::{IconCheck, IconLock};
use crate::components::unique_id;
use crate::domain::permissions::vod_read_only_reason;
use crate::session::use_session;

/// The VOD switch: shows the new value at once, reverts if the server refuses.
#[component]
pub fn VodSection(initial: bool) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let can_edit = Memo::new(move |_| session.allows(Permission::OrganisationSetVod));
    let public = RwSignal::new(initial);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let label_id = unique_id("vod-label");
    let desc_id = unique_id("vod-desc");
    let api = StoredValue::new(api);

    // Shows the new value at once; reverts (with the reason) if the server refuses.
    let save = move |value: bool| async move {
        pending.set(true);
        error.set(None);
        status.set(None);
        let before = public.get_untracked();
        public.set(value);
        let result = organisation::set_vod(&api.get_value(), value).await;
        let _ = pending.try_set(false);
        match result {
            Ok(body) => {
                let _ = public.try_set(body.public);
                let _ = status.try_set(Some(if body.public {
                    crate::tr!(overview_vod.vod_content_is_now_publicly).to_string()
                } else {
                    crate::tr!(overview_vod.vod_content_now_requires_authentication).to_string()
                }));
                Ok(())
            }
            Err(e) => {
                let _ = public.try_set(before);
                let message = crate::tr!(overview_vod.not_saved, e = user_message(&e));
                let _ = error.try_set(Some(message.clone()));
                Err(message)
            }
        }
    };

    let on_toggle = move |_| {
        if !can_edit.get_untracked() || pending.get_untracked() {
            return;
        }
        if public.get_untracked() {
            leptos::task::spawn_local(async move {
                let _ = save(false).await;
            });
        } else {
            confirm_open.set(true);
        }
    };

    view! {
        <Card title={crate::tr!(overview_vod.vod_public_accessibility)} subtitle={crate::tr!(overview_vod.when_off_vods_are_left)}>
            <div class="oc-switch-row">
                <span class="oc-switch-row__label" id=label_id.clone()>{crate::tr!(overview_vod.public_vod_access)}</span>
                <button
                    type="button"
                    role="switch"
                    class="oc-switch"
                    aria-checked=move || if public.get() { "true" } else { "false" }
                    aria-labelledby=label_id.clone()
                    aria-describedby=desc_id.clone()
                    disabled=move || !can_edit.get() || pending.get()
                    aria-busy=move || pending.get().then_some("true")
                    on:click=on_toggle
                >
                    <span class="oc-switch__track" aria-hidden="true"><span class="oc-switch__thumb"></span></span>
                    <span class="oc-switch__text">{move || if public.get() { {crate::tr!(overview_vod.public)} } else { {crate::tr!(overview_vod.private)} }}</span>
                </button>
            </div>
            <p class="oc-hint" id=desc_id.clone()>
                {move || if !can_edit.get() {
                    view! { <span class="oc-readonly-reason"><IconLock/>{vod_read_only_reason()}</span> }.into_any()
                } else if public.get() {
                    view! { {crate::tr!(overview_vod.vods_are_included_in_public)} }.into_any()
                } else {
                    view! { {crate::tr!(overview_vod.vods_are_left_out_of)} }.into_any()
                }}
            </p>
            <p class="oc-field-error" role="alert">{move || error.get()}</p>
            <p class="oc-saved" role="status">{move || status.get().map(|s| view! { <IconCheck/>{s} })}</p>
            <Dialog
                open=confirm_open
                title={crate::tr!(overview_vod.make_vod_content_public)}
                confirm_label={crate::tr!(overview_vod.make_public)}
                variant=DialogVariant::Danger
                on_confirm=move || save(true)
            >
                <p>
                    {crate::tr!(overview_vod.your_organisation_s_vods_will)}
                    {crate::tr!(overview_vod.api_key_or_token_anyone)}
                </p>
            </Dialog>
        </Card>
    }
}
