//! `GET /tag?page&pageSize&q`.

use bintu_wire::{Page, Tag};

use super::{ApiClient, ApiError};
use crate::domain::query::with_query;

/// One page of the organisation's tags, filtered by a name substring.
pub async fn list(
    api: &ApiClient,
    page: u32,
    page_size: u32,
    q: &str,
) -> Result<Page<Tag>, ApiError> {
    let path = with_query(
        "/tag",
        &[
            ("page", &page.to_string()),
            ("pageSize", &page_size.to_string()),
            ("q", q.trim()),
        ],
    );
    api.get(&path).await
}
