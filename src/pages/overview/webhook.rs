//! The Webhook Config card: the webhook URL, editable by roles with
//! `Organisation:SetWebhook`, checked before it is sent.

use bintu_wire::{validate, Permission};
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{organisation, use_api};
use crate::components::card::Card;
use crate::components::icons::{IconCheck, IconLock};
use crate::components::submit_button::SubmitButton;
use crate::components::unique_id;
use crate::components::webhook_test::WebhookTest;
use crate::domain::permissions::webhook_read_only_reason;
use crate::session::use_session;

/// The webhook form; read-only (with the reason) for roles that may not set it.
#[component]
pub fn WebhookSection(initial: String) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let can_edit = Memo::new(move |_| session.allows(Permission::OrganisationSetWebhook));
    let saved = RwSignal::new(initial.clone());
    let draft = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let input_id = unique_id("webhook");
    let hint_id = unique_id("webhook-hint");
    let error_id = unique_id("webhook-error");

    let save = Action::new_local(move |url: &String| {
        let api = api.clone();
        let url = url.clone();
        async move { organisation::set_webhook(&api, url).await }
    });
    let pending = save.pending();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(body)) => {
            saved.set(body.webhook.clone());
            draft.set(body.webhook.clone());
            error.set(None);
            status.set(Some(if body.webhook.is_empty() {
                crate::tr!(overview_webhook.saved_the_webhook_is_removed).to_string()
            } else {
                crate::tr!(overview_webhook.saved).to_string()
            }));
        }
        Some(Err(e)) => {
            status.set(None);
            error.set(Some(user_message(&e)));
        }
        None => {}
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if !can_edit.get_untracked() || pending.get_untracked() {
            return;
        }
        let url = draft.get_untracked().trim().to_string();
        status.set(None);
        match validate::webhook(&url) {
            Err(why) => error.set(Some(why.message().to_string())),
            Ok(()) => {
                error.set(None);
                save.dispatch(url);
            }
        }
    };
    let dirty = move || draft.get().trim() != saved.get();

    let described_by = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{h} {e}")
            } else {
                h.clone()
            }
        }
    };

    view! {
        <Card title={crate::tr!(overview_webhook.webhook_config)} subtitle={crate::tr!(overview_webhook.receive_real_time_notifications_about)}>
            <form class="oc-form oc-webhook" on:submit=on_submit novalidate>
                <div class="oc-field">
                    <label class="oc-label" for=input_id.clone()>{crate::tr!(overview_webhook.webhook_url)}</label>
                    <input
                        id=input_id.clone()
                        class="oc-input"
                        type="url"
                        inputmode="url"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=move || if can_edit.get() { "https://example.com/hooks/streams" } else { {crate::tr!(overview_webhook.no_webhook_configured)} }
                        readonly=move || !can_edit.get()
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=described_by
                        prop:value=move || draft.get()
                        on:input=move |ev| {
                            draft.set(event_target_value(&ev));
                            status.set(None);
                        }
                    />
                    <p class="oc-hint" id=hint_id.clone()>
                        {move || if can_edit.get() {
                            view! { {crate::tr!(overview_webhook.an_https_url_on_a)} }.into_any()
                        } else {
                            view! { <span class="oc-readonly-reason"><IconLock/>{webhook_read_only_reason()}</span> }.into_any()
                        }}
                    </p>
                    <p class="oc-field-error" id=error_id.clone() role="alert">
                        {move || error.get()}
                    </p>
                </div>
                <Show when=move || can_edit.get()>
                    <div class="oc-form__actions">
                        <SubmitButton pending=pending label={crate::tr!(overview_webhook.save_webhook)}/>
                        <span class="oc-saved" role="status">
                            {move || status.get().map(|s| view! { <IconCheck/>{s} })}
                        </span>
                        <Show when=move || dirty() && !pending.get()>
                            <span class="oc-unsaved">{crate::tr!(overview_webhook.unsaved_changes)}</span>
                        </Show>
                    </div>
                </Show>
            </form>
            <Show when=move || can_edit.get()>
                <WebhookTest saved=saved dirty=Signal::derive(dirty)/>
            </Show>
        </Card>
    }
}
