//! Extractors that answer bad input with the bintu error envelope instead of axum's
//! plain-text rejections.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::Required;

use crate::caller::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// A JSON request body, its [`BodyRules`] checked. The content type is not checked (the body is JSON or it is
/// refused), which spares clients a confusing 415; endpoints without authentication
/// use [`StrictJsonBody`] instead.
pub struct JsonBody<T>(pub T);

/// A JSON request body that must also say so: `Content-Type: application/json`, else
/// 415. For endpoints without a token or key: a browser posts `text/plain` to any
/// origin without a CORS preflight, so only this header keeps other sites from
/// submitting logins and sign-ups in a visitor's browser.
pub struct StrictJsonBody<T>(pub T);

/// What a body must satisfy beyond its shape (a name that is not blank, a number in
/// range): the limits the document states, checked as the body is read
/// (`crate::body_rules`).
pub trait BodyRules {
    fn check(&self) -> Result<(), ApiError>;
}

/// The caller and a JSON body ([`JsonBody`]) for an endpoint that needs both, read in
/// that order's reverse: input first, so a malformed body is answered 400 before the
/// token is looked up, whoever sends it.
pub struct AuthedJson<T>(pub Caller, pub T);

impl<T> FromRequest<AppState> for AuthedJson<T>
where
    T: DeserializeOwned + BodyRules + Send,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let (mut parts, body) = req.into_parts();
        let JsonBody(body) =
            JsonBody::from_request(Request::from_parts(parts.clone(), body), state).await?;
        let caller = Caller::from_request_parts(&mut parts, state).await?;
        Ok(AuthedJson(caller, body))
    }
}

impl<S, T> FromRequest<S> for StrictJsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned + BodyRules,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !is_json(content_type) {
            return Err(ApiError::NotJson);
        }
        JsonBody::from_request(req, state)
            .await
            .map(|JsonBody(t)| StrictJsonBody(t))
    }
}

/// Whether a Content-Type is `application/json`, parameters (charset) allowed.
fn is_json(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned + BodyRules,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let limit_hint = body_limit_hint(&req);
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::BodyTooLarge(limit_hint)
            } else if caused_by_timeout(&rejection) {
                ApiError::BodyTimeout
            } else {
                ApiError::WrongType("The request body could not be read.".into())
            }
        })?;
        let body: T = parse_json(&bytes)?;
        body.check()?;
        Ok(JsonBody(body))
    }
}

/// Whether the body timeout layer (`RequestBodyTimeoutLayer`) stopped the read.
fn caused_by_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        current = e.source();
    }
    false
}

/// The configured limit, recorded as a request extension by the router so the
/// error message can name it.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

fn body_limit_hint(req: &Request) -> usize {
    req.extensions()
        .get::<BodyLimit>()
        .map(|l| l.0)
        .unwrap_or(crate::config::DEFAULT_BODY_LIMIT)
}

/// Parses a JSON body: missing fields are 1002, anything else malformed is 1004.
/// Every body of the API is an object: serde would also read a struct from an array
/// of its fields in order (`[false]`), which the document does not allow.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let Some(&first) = bytes.iter().find(|b| !b.is_ascii_whitespace()) else {
        return Err(ApiError::Required("body".into()));
    };
    if first == b'[' {
        return Err(ApiError::WrongType(
            "The body must be a JSON object.".into(),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Data => match missing_field(&e.to_string()) {
                Some(field) => ApiError::Required(field),
                None => ApiError::WrongType(format!("Wrong data type: {e}.")),
            },
            Category::Syntax | Category::Eof => {
                ApiError::WrongType(format!("Malformed JSON: {e}."))
            }
            Category::Io => ApiError::WrongType("The request body could not be read.".into()),
        }
    })
}

/// The field name in serde's "missing field `name`" message.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// Query parameters, with type errors answered as 400/1004 and their limits
/// ([`QueryRules`]) checked as they are read: before the handler, and before the
/// caller's token is looked up when the handler takes the query first.
pub struct QueryParams<T>(pub T);

/// What a query must satisfy beyond its shape (a page within range, a name given).
pub trait QueryRules {
    fn check(&self) -> Result<(), ApiError>;
}

impl<S, T> FromRequestParts<S> for QueryParams<T>
where
    S: Send + Sync,
    T: DeserializeOwned + QueryRules,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let query = axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|r| ApiError::WrongType(format!("Bad query parameter: {}", r.body_text())))?
            .0;
        query.check()?;
        Ok(QueryParams(query))
    }
}

/// A numeric id in the path (`17`, or `17.0` as the document's integer allows),
/// answered as 400/1004 when it is not an integer.
pub struct IdPath(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let not_a_number = || ApiError::WrongType("The id in the path must be a number.".into());
        let text = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_a_number())?
            .0;
        bintu_wire::json_number::parse_integer(&text)
            .map(IdPath)
            .ok_or_else(not_a_number)
    }
}

/// The `{id}` of the document's paths.
impl utoipa::IntoParams for IdPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let id = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)));
        vec![ParameterBuilder::new()
            .name("id")
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .description(Some("Numeric id; not a number is 400/1004."))
            .schema(Some(id))
            .build()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::error::code;
    use bintu_wire::LoginRequest;

    fn code_of(r: Result<LoginRequest, ApiError>) -> u32 {
        r.err().unwrap().status_and_code().1
    }

    #[test]
    fn a_body_is_an_object_never_an_array_of_fields() {
        assert_eq!(
            code_of(parse_json(br#" ["a@b.example", "password"]"#)),
            code::WRONG_DATA_TYPE
        );
        assert!(parse_json::<LoginRequest>(br#"{"email":"a@b.example","password":"p"}"#).is_ok());
    }

    #[test]
    fn json_errors_map_to_codes() {
        assert_eq!(
            code_of(parse_json(br#"{"email":"a@b.c"}"#)),
            code::PARAMETER_REQUIRED
        );
        assert_eq!(code_of(parse_json(b"{not json")), code::WRONG_DATA_TYPE);
        assert_eq!(
            code_of(parse_json(br#"{"email":1,"password":"x"}"#)),
            code::WRONG_DATA_TYPE
        );
        assert_eq!(code_of(parse_json(b"  ")), code::PARAMETER_REQUIRED);
        assert!(parse_json::<LoginRequest>(br#"{"email":"a","password":"b"}"#).is_ok());
    }

    #[test]
    fn only_json_content_types_are_json() {
        for ok in ["application/json", "Application/JSON; charset=utf-8"] {
            assert!(is_json(ok), "{ok}");
        }
        for bad in [
            "",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ] {
            assert!(!is_json(bad), "{bad}");
        }
    }

    #[test]
    fn missing_field_is_extracted() {
        assert_eq!(
            missing_field("missing field `password` at line 1 column 2").as_deref(),
            Some("password")
        );
        assert_eq!(missing_field("invalid type"), None);
    }
}
