//! The OpenAPI document, derived rather than written: the schemas come from the wire
//! types (bintu-wire's `openapi` feature, whose limits are the constants the server
//! enforces), the operations from each handler's `#[utoipa::path]`, beside the code
//! that answers them. A test holds the operations to [`crate::routes::api_routes`].

pub mod responses;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, Ref, Server};
use utoipa::{Modify, OpenApi, ToResponse};

use bintu_wire::{ErrorBody, ErrorEnvelope, SortOrder, UserSort};

use crate::handlers::{activity, auth, invites, meta, organisation, roles, tags, users};
use responses::{
    BadRequest, Busy, Conflict, Forbidden, Gone, NotFound, PayloadTooLarge, RequestTimeout,
    ServerError, TooManyAttempts, Unauthorized, UnsupportedMediaType,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "bintu-style organisation admin API",
        description = include_str!("intro.md"),
        license(name = "MIT", identifier = "MIT"),
    ),
    security(("bintuToken" = []), ("bintuApiKey" = [])),
    tags(
        (name = "auth", description = "Login, logout, the current user."),
        (name = "organisation", description = "The organisation profile, webhook and VOD access."),
        (name = "users", description = "Users of the organisation and their roles."),
        (name = "roles", description = "Permission profiles (roles)."),
        (name = "invites", description = "Invite tokens and sign-up."),
        (name = "tags", description = "Stream tags."),
        (name = "activity", description = "The activity log: who changed what, when."),
        (name = "meta", description = "This document and test hooks."),
    ),
    paths(
        auth::login, auth::logout, auth::me,
        organisation::get, organisation::set_webhook, organisation::get_vod,
        organisation::set_vod, organisation::test_webhook,
        tags::list,
        users::list, users::get, users::delete, users::set_permission, users::reset_token_key,
        roles::list, roles::get,
        invites::create, invites::list, invites::revoke, invites::lookup, invites::accept,
        activity::list,
        meta::openapi_json,
    ),
    components(schemas(ErrorEnvelope, ErrorBody, UserSort, SortOrder), responses(
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Gone, PayloadTooLarge,
        RequestTimeout, UnsupportedMediaType, TooManyAttempts, ServerError, Busy,
    )),
    modifiers(&SecuritySchemes),
)]
struct Api;

/// The test hooks' operations, in the document only when they are routed.
#[derive(OpenApi)]
#[openapi(paths(meta::advance_clock))]
struct TestHooks;

/// The two ways to authenticate, as `security` names them.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        let header = |name: &str, description: &str| {
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                name,
                description,
            )))
        };
        components.add_security_scheme(
            "bintuToken",
            header(
                bintu_wire::HEADER_TOKEN,
                "Session token from `POST /user/validate` or `POST /invite/accept`.",
            ),
        );
        components.add_security_scheme(
            "bintuApiKey",
            header(
                bintu_wire::HEADER_APIKEY,
                "The organisation's master API key; acts with the rights of `nanoAdmin`.",
            ),
        );
    }
}

/// The answers an operation can give by its shape alone, added where its
/// `responses` do not name them: any request can meet a server failure (500) or name
/// a Host the server does not answer (400); one with a body can be over the limit
/// (413) or stall (408); one that takes the document's credentials can meet none, or
/// bad ones (401).
struct CommonAnswers;

impl Modify for CommonAnswers {
    fn modify(&self, doc: &mut Document) {
        fn name<'r, R: ToResponse<'r>>() -> &'r str {
            R::response().0
        }
        for item in doc.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                let has_body = operation.request_body.is_some();
                // No `security` of its own: the document's (a token or the key).
                let authenticated = operation.security.is_none();
                let answers = &mut operation.responses.responses;
                let mut add = |status: &str, response: &str| {
                    answers
                        .entry(status.to_owned())
                        .or_insert_with(|| Ref::from_response_name(response).into());
                };
                add("400", name::<BadRequest>());
                add("500", name::<ServerError>());
                if authenticated {
                    add("401", name::<Unauthorized>());
                }
                if has_body {
                    add("408", name::<RequestTimeout>());
                    add("413", name::<PayloadTooLarge>());
                }
            }
        }
    }
}

/// The document a server with this API `prefix` answers with; the test hooks'
/// operations only when `test_hooks` (an operation the server does not route must
/// not be in its contract).
pub fn document(prefix: &str, test_hooks: bool) -> Document {
    let mut doc = Api::openapi();
    if test_hooks {
        doc.merge(TestHooks::openapi());
    }
    CommonAnswers.modify(&mut doc);
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    let mut server = Server::new(prefix);
    server.description = Some("This server's API prefix (`--api-prefix`).".to_owned());
    doc.servers = Some(vec![server]);
    doc
}

/// [`document`] as the JSON `GET <prefix>/openapi.json` answers.
pub fn document_json(prefix: &str, test_hooks: bool) -> String {
    document(prefix, test_hooks)
        .to_json()
        .expect("an OpenAPI document is always JSON")
}

#[cfg(test)]
mod tests;
