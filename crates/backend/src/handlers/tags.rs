//! `GET /tag?page&pageSize&q`.

use axum::extract::State;
use axum::Json;
use bintu_wire::Permission;
use bintu_wire::{Page, Tag, TagQuery};

use crate::api_doc::responses::{BadRequest, Forbidden, Unauthorized};
use crate::caller::Caller;
use crate::db::tags;
use crate::error::ApiResult;
use crate::extract::QueryParams;
use crate::paging::Window;
use crate::state::AppState;

/// One page of tags, sorted by name.
///
/// Permission `Tag:Get`.
#[utoipa::path(
    get,
    path = "/tag",
    tag = "tags",
    operation_id = "listTags",
    params(TagQuery),
    responses(
        (status = 200, description = "Tags.", body = Page<Tag>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    // Input first: the query or the path is read before the token is looked up.
    QueryParams(query): QueryParams<TagQuery>,
    caller: Caller,
) -> ApiResult<Json<Page<Tag>>> {
    caller.require(Permission::TagGet)?;
    let window = Window::new(query.page, query.page_size)?;
    let q = query.q.map(|q| q.trim().to_owned());
    let (total, items) = state
        .db
        .run(move |conn| {
            Ok(tags::list(
                conn,
                q.as_deref(),
                window.offset(),
                window.page_size,
            )?)
        })
        .await?;
    Ok(Json(window.wrap(total, items)))
}
