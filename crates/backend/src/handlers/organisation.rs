//! `GET /organisation`, `PUT /organisation/webhook`, `GET|PUT /organisation/vod`.

use axum::extract::State;
use axum::Json;
use bintu_wire::Permission;
use bintu_wire::{validate, Organisation, VodBody, WebhookBody};

use crate::caller::Caller;
use crate::db::organisation;
use crate::error::{ApiError, ApiResult};
use crate::extract::JsonBody;
use crate::state::AppState;

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
    validate::webhook(&webhook).map_err(|e| ApiError::invalid("webhook", e.message()))?;
    let stored = webhook.clone();
    let actor = state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            let caller = caller.current(&tx)?;
            caller.require(Permission::OrganisationSetWebhook)?;
            organisation::set_webhook(&tx, &stored)?;
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
    state
        .db
        .run(move |conn| {
            let tx = conn.transaction()?;
            caller
                .current(&tx)?
                .require(Permission::OrganisationSetVod)?;
            organisation::set_vod_public(&tx, public)?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(Json(VodBody { public }))
}
