//! `/organisation/overview`: packages, API access, webhook, VOD access and tags.
//! A thin composition of one section component per block of the spec.

use bintu_wire::Permission;
use std::time::Duration;

use bintu_wire::{validate, Organisation, Package};
use leptos::prelude::*;

use crate::api::{organisation, tags, use_api};
use crate::components::card::Card;
use crate::components::debounce::Debouncer;
use crate::components::dialog::{Dialog, DialogVariant};
use crate::components::icons::{IconCheck, IconLock, IconUpgrade, IconWarning};
use crate::components::pager::Pager;
use crate::components::secret_field::SecretField;
use crate::components::shell::use_organisation;
use crate::components::status::{ErrorState, Loading};
use crate::components::submit_button::SubmitButton;
use crate::components::unique_id;
use crate::domain::error_text::user_message;
use crate::domain::permissions::{VOD_READ_ONLY_REASON, WEBHOOK_READ_ONLY_REASON};
use crate::domain::time::format_utc;
use crate::session::use_session;

/// Tags per page in the Tags section.
const TAGS_PAGE_SIZE: u32 = 20;
/// Quiet time after typing before the tag filter is sent.
const FILTER_DEBOUNCE_MS: u64 = 300;

/// The Overview tab.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let org = use_organisation();
    let session = use_session();
    let can_see_tags = Memo::new(move |_| session.capabilities().allows(Permission::TagGet));
    view! {
        <div class="oc-overview">
            {move || match org.try_get().flatten() {
                None => view! { <Loading label="Loading organisation…"/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState
                        error=e
                        title="Could not load the organisation"
                        on_retry=Callback::new(move |_| org.refetch())
                    />
                }
                .into_any(),
                Some(Ok(o)) => view! { <OrganisationSections org=o/> }.into_any(),
            }}
            <Show when=move || can_see_tags.get()>
                <TagsSection/>
            </Show>
        </div>
    }
}

#[component]
fn OrganisationSections(org: Organisation) -> impl IntoView {
    view! {
        <PackagesSection packages=org.packages.clone()/>
        <ApiAccessSection api_key=org.api_key.clone() player_key=org.player_key.clone()/>
        <div class="oc-grid-2">
            <WebhookSection initial=org.webhook.clone()/>
            <VodSection initial=org.vod_public/>
        </div>
    }
}

/// Enabled or "Upgrade needed", as text and icon (never colour alone).
#[component]
fn PackageStatus(enabled: bool) -> impl IntoView {
    if enabled {
        view! { <span class="oc-status oc-status--ok"><IconCheck/>"Enabled"</span> }.into_any()
    } else {
        view! { <span class="oc-status oc-status--upgrade"><IconUpgrade/>"Upgrade needed"</span> }
            .into_any()
    }
}

#[component]
fn PackagesSection(packages: Vec<Package>) -> impl IntoView {
    let enabled = packages.iter().filter(|p| p.enabled).count();
    let total = packages.len();
    view! {
        <Card
            title="Enabled Packages"
            subtitle=format!("{enabled} of {total} packages enabled for your organisation.")
        >
            <ul class="oc-packages">
                {packages
                    .into_iter()
                    .map(|p| {
                        let has_features = !p.features.is_empty();
                        view! {
                            <li class="oc-package" class:oc-package--off=!p.enabled class:oc-package--wide=has_features>
                                <div class="oc-package__row">
                                    <span class="oc-package__name">{p.name.clone()}</span>
                                    <PackageStatus enabled=p.enabled/>
                                </div>
                                {has_features.then(|| view! {
                                    <ul class="oc-features" aria-label=format!("{} features", p.name)>
                                        {p.features.iter().map(|f| view! {
                                            <li class="oc-feature">
                                                <span class="oc-feature__name">{f.name.clone()}</span>
                                                <PackageStatus enabled=f.enabled/>
                                            </li>
                                        }).collect_view()}
                                        <li class="oc-feature oc-feature--more">"More to follow…"</li>
                                    </ul>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Card>
    }
}

#[component]
fn ApiAccessSection(api_key: Option<String>, player_key: Option<String>) -> impl IntoView {
    let session = use_session();
    let announce = RwSignal::new(String::new());
    let token = Signal::derive(move || session.token().unwrap_or_default());
    let expiry = Signal::derive(move || {
        session
            .me()
            .map(|m| format!("Expires {}", format_utc(&m.token_expires_at)))
            .unwrap_or_default()
    });
    view! {
        <Card title="API Access" subtitle="Security tokens and keys your role may use with the bintu API.">
            <div class="oc-secrets">
                <SecretField
                    label="Bintu Token"
                    value=token
                    meta=expiry
                    description="Session token generated at login; required for most dashboard actions."
                    announce=announce
                />
                {api_key.map(|k| view! {
                    <SecretField
                        label="API Key"
                        value=Signal::stored(k)
                        meta=Signal::stored("No expiry".to_string())
                        description="Master key with access to all API features. Handle with extreme care."
                        announce=announce
                    />
                })}
                {player_key.map(|k| view! {
                    <SecretField
                        label="Player Key"
                        value=Signal::stored(k)
                        meta=Signal::stored("No expiry".to_string())
                        description="Used for embedding and controlling the nanoPlayer securely."
                        announce=announce
                    />
                })}
            </div>
            <p class="oc-visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            <div class="oc-callout oc-callout--warning" role="note" aria-labelledby="oc-disclaimer-title">
                <IconWarning/>
                <div>
                    <p class="oc-callout__title" id="oc-disclaimer-title">"Security Disclaimer"</p>
                    <p>
                        "API keys are sensitive credentials. Do not share them in public environments "
                        "(e.g., GitHub, client-side JavaScript, forums). Always follow best practices "
                        "and limit access scopes where possible."
                    </p>
                </div>
            </div>
        </Card>
    }
}

#[component]
fn WebhookSection(initial: String) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let can_edit = Memo::new(move |_| {
        session
            .capabilities()
            .allows(Permission::OrganisationSetWebhook)
    });
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
                "Saved. The webhook is removed.".to_string()
            } else {
                "Saved.".to_string()
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
        <Card title="Webhook Config" subtitle="Receive real-time notifications about stream events.">
            <form class="oc-form oc-webhook" on:submit=on_submit novalidate>
                <div class="oc-field">
                    <label class="oc-label" for=input_id.clone()>"Webhook URL"</label>
                    <input
                        id=input_id.clone()
                        class="oc-input"
                        type="url"
                        inputmode="url"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=move || if can_edit.get() { "https://example.com/hooks/streams" } else { "No webhook configured" }
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
                            view! { "An https URL on a public host. Leave empty to remove the webhook." }.into_any()
                        } else {
                            view! { <span class="oc-readonly-reason"><IconLock/>{WEBHOOK_READ_ONLY_REASON}</span> }.into_any()
                        }}
                    </p>
                    <p class="oc-field-error" id=error_id.clone() role="alert">
                        {move || error.get()}
                    </p>
                </div>
                <Show when=move || can_edit.get()>
                    <div class="oc-form__actions">
                        <SubmitButton pending=pending label="Save webhook"/>
                        <span class="oc-saved" role="status">
                            {move || status.get().map(|s| view! { <IconCheck/>{s} })}
                        </span>
                        <Show when=move || dirty() && !pending.get()>
                            <span class="oc-unsaved">"Unsaved changes"</span>
                        </Show>
                    </div>
                </Show>
            </form>
        </Card>
    }
}

#[component]
fn VodSection(initial: bool) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let can_edit = Memo::new(move |_| {
        session
            .capabilities()
            .allows(Permission::OrganisationSetVod)
    });
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
                    "VOD content is now publicly accessible.".to_string()
                } else {
                    "VOD content now requires authentication.".to_string()
                }));
                Ok(())
            }
            Err(e) => {
                let _ = public.try_set(before);
                let message = format!("Not saved: {}", user_message(&e));
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
        <Card title="VOD Public Accessibility" subtitle="Whether VOD content can be requested through the API without authentication.">
            <div class="oc-switch-row">
                <span class="oc-switch-row__label" id=label_id.clone()>"Public VOD access"</span>
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
                    <span class="oc-switch__text">{move || if public.get() { "Public" } else { "Private" }}</span>
                </button>
            </div>
            <p class="oc-hint" id=desc_id.clone()>
                {move || if !can_edit.get() {
                    view! { <span class="oc-readonly-reason"><IconLock/>{VOD_READ_ONLY_REASON}</span> }.into_any()
                } else if public.get() {
                    view! { "Anyone who knows a VOD URL can play it without a token." }.into_any()
                } else {
                    view! { "VOD requests need a valid token or key." }.into_any()
                }}
            </p>
            <p class="oc-field-error" role="alert">{move || error.get()}</p>
            <p class="oc-saved" role="status">{move || status.get().map(|s| view! { <IconCheck/>{s} })}</p>
            <Dialog
                open=confirm_open
                title="Make VOD content public?"
                confirm_label="Make public"
                variant=DialogVariant::Danger
                on_confirm=move || save(true)
            >
                <p>
                    "Anyone who knows the URL of a VOD asset of your organisation will be able to "
                    "play it through the API without authentication. You can switch this off again at any time."
                </p>
            </Dialog>
        </Card>
    }
}

#[component]
fn TagsSection() -> impl IntoView {
    let api = use_api();
    let filter = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let filter_id = unique_id("tag-filter");

    let tags = LocalResource::new(move || {
        let api = api.clone();
        let (p, q) = (page.get(), query.get());
        async move { tags::list(&api, p, TAGS_PAGE_SIZE, &q).await }
    });

    let debounce = Debouncer::new(Duration::from_millis(FILTER_DEBOUNCE_MS));
    let on_input = move |ev: web_sys::Event| {
        filter.set(event_target_value(&ev));
        debounce.call(move || {
            let q = filter.get_untracked().trim().to_string();
            if query.get_untracked() != q {
                query.set(q);
                page.set(1);
            }
        });
    };

    view! {
        <Card title="Tags" subtitle="All tags used to categorise your organisation's streams." class="oc-tags-card">
            <div class="oc-toolbar">
                <div class="oc-field oc-field--inline">
                    <label class="oc-label" for=filter_id.clone()>"Filter tags"</label>
                    <input
                        id=filter_id.clone()
                        class="oc-input oc-input--search"
                        type="search"
                        placeholder="Tag name"
                        autocomplete="off"
                        prop:value=move || filter.get()
                        on:input=on_input
                    />
                </div>
            </div>
            <Transition fallback=|| view! { <Loading label="Loading tags…"/> }>
                {move || tags.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title="Could not load tags" on_retry=Callback::new(move |_| tags.refetch())/>
                    }
                    .into_any(),
                    Ok(list) if list.items.is_empty() => {
                        let q = query.get_untracked();
                        view! {
                            <div class="oc-empty" role="status">
                                {if q.is_empty() {
                                    "No tags yet. Tags added to streams appear here.".to_string()
                                } else {
                                    format!("No tags match “{q}”.")
                                }}
                            </div>
                        }
                        .into_any()
                    }
                    Ok(list) => {
                        view! {
                            <ul class="oc-tags" aria-label="Tags">
                                {list.items.into_iter().map(|t| view! {
                                    <li class="oc-tag">
                                        <span class="oc-tag__name">{t.name}</span>
                                        <span class="oc-tag__count">
                                            {format!("{} {}", t.stream_count, if t.stream_count == 1 { "stream" } else { "streams" })}
                                        </span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <Pager label="Tag pages" page=list.page page_size=list.page_size total=list.total on_page=Callback::new(move |p| page.set(p))/>
                        }
                        .into_any()
                    }
                })}
            </Transition>
        </Card>
    }
}
