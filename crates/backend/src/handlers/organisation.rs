//! `GET /organisation`, `PUT /organisation/webhook`, `POST /organisation/webhook/test`,
//! `GET|PUT /organisation/vod`.

use axum::extract::State;
use axum::Json;
use bintu_wire::{validate, Organisation, VodBody, WebhookBody, WebhookTestResult};
use bintu_wire::{ActivityKind, Permission};

use crate::api_doc::responses::{BadRequest, Forbidden, PayloadTooLarge, Unauthorized};
use crate::caller::Caller;
use crate::db::organisation;
use crate::error::{ApiError, ApiResult};
use crate::extract::AuthedJson;
use crate::handlers::activity::{self, Change};
use crate::state::AppState;
use crate::webhook_delivery;

/// How the activity log names the organisation as a target.
const ORGANISATION_TARGET: &str = "organisation";

fn missing_org() -> ApiError {
    ApiError::Internal("no organisation in the database".into())
}

/// The organisation profile.
///
/// Permission `Organisation:Get`. `apiKey` is present only with
/// `Organisation:GetApiKey`, `playerKey` only with `Organisation:GetPlayerKey`;
/// otherwise the fields are absent (not null).
#[utoipa::path(
    get,
    path = "/organisation",
    tag = "organisation",
    operation_id = "getOrganisation",
    responses(
        (status = 200, description = "The organisation.", body = Organisation),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn get(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Organisation>> {
    caller.require(Permission::OrganisationGet)?;
    let (org, packages) = state
        .db
        .run(|conn| {
            let org = organisation::get(conn)?.ok_or_else(missing_org)?;
            Ok((org, organisation::packages(conn)?))
        })
        .await?;
    Ok(Json(Organisation {
        id: org.id,
        name: org.name,
        support_level: org.support_level,
        analytics_level: org.analytics_level,
        packages,
        webhook: org.webhook,
        vod_public: org.vod_public,
        api_key: caller
            .allows(Permission::OrganisationGetApiKey)
            .then_some(org.api_key),
        player_key: caller
            .allows(Permission::OrganisationGetPlayerKey)
            .then_some(org.player_key),
    }))
}

/// Set or remove the webhook.
///
/// Permission `Organisation:SetWebhook`. An absolute https URL to a public host (no
/// localhost, no loopback, private, link-local, unspecified or metadata IP address, in
/// any spelling: `127.1` is 127.0.0.1), at most 2048 characters, without credentials;
/// an empty string removes the webhook. Refused values get 400/1005 with
/// `userinfo.field = "webhook"`. A backend started with `--allow-internal-webhooks`
/// (local testing only) also accepts http URLs and internal hosts.
#[utoipa::path(
    put,
    path = "/organisation/webhook",
    tag = "organisation",
    operation_id = "setWebhook",
    request_body = WebhookBody,
    responses(
        (status = 200, description = "The stored webhook.", body = WebhookBody),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
    )
)]
pub async fn set_webhook(
    State(state): State<AppState>,
    AuthedJson(caller, body): AuthedJson<WebhookBody>,
) -> ApiResult<Json<WebhookBody>> {
    caller.require(Permission::OrganisationSetWebhook)?;
    let webhook = body.webhook.trim().to_owned();
    let check = if state.allow_internal_webhooks {
        validate::webhook_allowing_internal
    } else {
        validate::webhook
    };
    check(&webhook).map_err(|e| ApiError::invalid("webhook", e.message()))?;
    let stored = webhook.clone();
    let now = state.clock.now();
    let actor = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::OrganisationSetWebhook)?;
            let old = organisation::get(&tx)?.ok_or_else(missing_org)?.webhook;
            organisation::set_webhook(&tx, &stored)?;
            if old != stored {
                activity::record(
                    &tx,
                    &caller,
                    now,
                    Change {
                        kind: ActivityKind::WebhookChanged,
                        target: ORGANISATION_TARGET,
                        target_user_id: None,
                        from: Some(&old),
                        to: Some(&stored),
                    },
                )?;
            }
            tx.commit()?;
            Ok(caller.label())
        })
        .await?;
    tracing::info!(%actor, "webhook changed");
    Ok(Json(WebhookBody { webhook }))
}

/// Whether VOD content is public.
///
/// Permission `Organisation:Get`.
#[utoipa::path(
    get,
    path = "/organisation/vod",
    tag = "organisation",
    operation_id = "getVod",
    responses(
        (status = 200, description = "The VOD flag.", body = VodBody),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn get_vod(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<VodBody>> {
    caller.require(Permission::OrganisationGet)?;
    let org = state
        .db
        .run(|conn| organisation::get(conn)?.ok_or_else(missing_org))
        .await?;
    Ok(Json(VodBody {
        public: org.vod_public,
    }))
}

/// Make VOD content public or private.
///
/// Permission `Organisation:SetVod`.
#[utoipa::path(
    put,
    path = "/organisation/vod",
    tag = "organisation",
    operation_id = "setVod",
    request_body = VodBody,
    responses(
        (status = 200, description = "The stored flag.", body = VodBody),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
    )
)]
pub async fn set_vod(
    State(state): State<AppState>,
    AuthedJson(caller, body): AuthedJson<VodBody>,
) -> ApiResult<Json<VodBody>> {
    caller.require(Permission::OrganisationSetVod)?;
    let public = body.public;
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::OrganisationSetVod)?;
            let old = organisation::get(&tx)?.ok_or_else(missing_org)?.vod_public;
            organisation::set_vod_public(&tx, public)?;
            if old != public {
                activity::record(
                    &tx,
                    &caller,
                    now,
                    Change {
                        kind: ActivityKind::VodChanged,
                        target: ORGANISATION_TARGET,
                        target_user_id: None,
                        from: Some(vod_word(old)),
                        to: Some(vod_word(public)),
                    },
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(Json(VodBody { public }))
}

/// How the activity log spells the VOD flag.
fn vod_word(public: bool) -> &'static str {
    if public {
        "public"
    } else {
        "private"
    }
}

/// Send a sample publish call to the stored webhook.
///
/// Permission `Organisation:SetWebhook`. No body. The server POSTs
/// `application/x-www-form-urlencoded` fields as bintu does on a publish
/// (`call=publish`, `name`, `app`, `addr`, `clientid`; sample values) to the stored
/// webhook URL and reports the answer: 200 means a publish `would allow`, 403 `would
/// deny`, anything else or no answer means publishing would fail (`verdict`). Bounded:
/// 5 s for the whole exchange, redirects are not followed, at most 512 bytes of the
/// answer are read. Without `--allow-internal-webhooks` the host, and every address it
/// resolves to, must be public: a loopback, private, link-local or metadata target is
/// refused with 400/1005 (`userinfo.field = "webhook"`) and a message naming the flag,
/// and the request goes only to the addresses checked (no DNS rebinding). No webhook
/// stored is 400/1005. A target that gives no answer is a 200 with `verdict = fail` and
/// `error` (`dns`, `refused`, `timeout`, `tls` or `other`).
#[utoipa::path(
    post,
    path = "/organisation/webhook/test",
    tag = "organisation",
    operation_id = "testWebhook",
    responses(
        (status = 200, description = "What happened.", body = WebhookTestResult),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn test_webhook(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<WebhookTestResult>> {
    caller.require(Permission::OrganisationSetWebhook)?;
    let url = state
        .db
        .run(|conn| Ok(organisation::get(conn)?.ok_or_else(missing_org)?.webhook))
        .await?;
    if url.is_empty() {
        return Err(ApiError::invalid(
            "webhook",
            "No webhook is configured: save a webhook URL first.",
        ));
    }
    let result = webhook_delivery::send_test(&url, state.allow_internal_webhooks).await?;
    tracing::info!(actor = %caller.label(), verdict = ?result.verdict, status = ?result.status, "webhook test sent");
    Ok(Json(result))
}
