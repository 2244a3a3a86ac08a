//! The organisation profile: `GET /organisation`, `PUT /organisation/webhook`,
//! `GET|PUT /organisation/vod`.

use serde::{Deserialize, Serialize};

/// Answer of `GET /organisation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    /// e.g. "Basic Support".
    pub support_level: String,
    /// e.g. "Premium Analytics".
    pub analytics_level: String,
    /// Every package the product has, enabled or not, in display order.
    pub packages: Vec<Package>,
    /// Webhook endpoint; empty when none is set.
    pub webhook: String,
    /// Whether VOD content is reachable without authentication.
    pub vod_public: bool,
    /// Present only for roles with `Organisation:GetApiKey`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub api_key: Option<String>,
    /// Present only for roles with `Organisation:GetPlayerKey`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub player_key: Option<String>,
}

/// A product package, e.g. "Live Processing", with its sub-features.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Package {
    /// Stable key, e.g. `live_processing`.
    pub key: String,
    /// Name shown to people, e.g. "Live Processing".
    pub name: String,
    pub enabled: bool,
    /// Sub-features (Live Processing: Thumbnail, Motion Clip, ...); often empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion, required = true))]
    pub features: Vec<Package>,
}

/// Body and answer of `PUT /organisation/webhook`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookBody {
    /// Absolute https URL, or empty to remove the webhook.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::webhook_url))]
    pub webhook: String,
}

/// Body and answer of `GET|PUT /organisation/vod`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VodBody {
    /// Whether VOD content is publicly accessible.
    pub public: bool,
}
