//! Tags: `GET /tag?page=&pageSize=&q=`.

use serde::{Deserialize, Serialize};

/// A tag used to categorise streams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub name: String,
    /// Streams carrying the tag.
    pub stream_count: u64,
}
