//! `GET /organisation`, `PUT /organisation/webhook`, `POST /organisation/webhook/test`,
//! `GET|PUT /organisation/vod`.

use axum::extract::State;
use axum::Json;
use bintu_wire::{validate, Organisation, VodBody, WebhookBody, WebhookTestResult};
use bintu_wire::{ActivityKind, Permission};

use crate::caller::Caller;
use crate::db::organisation;
use crate::error::{ApiError, ApiResult};
use crate::extract::JsonBody;
use crate::handlers::activity::{self, Change};
use crate::state::AppState;
use crate::webhook_delivery;

/// How the activity log names the organisation as a target.
const ORGANISATION_TARGET: &str = "organisation";

fn missing_org() -> ApiError {
    ApiError::Internal("no organisation in the database".into())
}

/// The organisation profile; the keys only for roles allowed to see them.
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

/// Sets (or, with an empty string, removes) the webhook.
pub async fn set_webhook(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<WebhookBody>,
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

/// Makes VOD content public or private.
pub async fn set_vod(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<VodBody>,
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

/// Sends a sample `publish` call to the stored webhook and reports what its answer
/// would mean for a real publish. Only roles that may set the webhook may test it:
/// the server makes an outbound request on their behalf.
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
