//! `GET /tag?page&pageSize&q`.

use bintu_wire::{Page, Tag, TagQuery};

use super::{ApiClient, ApiError};

/// One page of the organisation's tags, filtered by a name substring.
pub async fn list(
    api: &ApiClient,
    page: u32,
    page_size: u32,
    q: &str,
) -> Result<Page<Tag>, ApiError> {
    let q = q.trim();
    let query = TagQuery {
        page: Some(page),
        page_size: Some(page_size),
        q: (!q.is_empty()).then(|| q.to_string()),
    };
    api.get_query("/tag", &query).await
}
