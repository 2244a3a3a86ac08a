//! `GET /activity`.

use bintu_wire::{ActivityEntry, ActivityQuery, Page};

use super::{ApiClient, ApiError};

/// One page of the activity log as `query` filters it, newest first.
pub async fn list(api: &ApiClient, query: &ActivityQuery) -> Result<Page<ActivityEntry>, ApiError> {
    api.get_query("/activity", query).await
}

#[cfg(test)]
mod tests {
    use crate::api::encode_query;
    use crate::domain::activity_view::ActivityView;
    use bintu_wire::ActivityKind;

    #[test]
    fn the_query_is_what_the_backend_reads() {
        let q = ActivityView::default()
            .with_kind(Some(ActivityKind::RoleChanged))
            .with_user(Some(3))
            .api_query();
        assert_eq!(
            encode_query(&q).unwrap(),
            "kind=role_changed&user=3&page=1&pageSize=25"
        );
    }
}
