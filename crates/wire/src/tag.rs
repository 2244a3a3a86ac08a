//! Tags: `GET /tag?page=&pageSize=&q=`.

use serde::{Deserialize, Serialize};

/// A tag used to categorise streams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub name: String,
    /// Streams carrying the tag.
    pub stream_count: u64,
}

/// Query of `GET /tag`: all fields optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct TagQuery {
    /// 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_number))]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = crate::openapi::page_size))]
    pub page_size: Option<u32>,
    /// Case-insensitive substring of the tag name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
}
