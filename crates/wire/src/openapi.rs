//! The OpenAPI schemas of the fields whose limits are this crate's constants (feature
//! `openapi`): the derives in the other modules point here with `schema_with`, so a
//! limit is written once, as the constant the server enforces, and the document
//! follows it.

use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, SchemaFormat};
use utoipa::openapi::{RefOr, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::error::code;
use crate::invite::{DEFAULT_INVITE_HOURS, MAX_INVITE_HOURS};
use crate::page::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use crate::permission::{self, Permission};
use crate::validate::{MAX_EMAIL_LEN, MAX_PASSWORD_LEN, MAX_WEBHOOK_LEN, MIN_PASSWORD_LEN};

/// A string with at least one character that is not white space (a name that must
/// not be blank; a blank one is 400/1002). The backend's blank is the same:
/// [`crate::validate::is_blank`].
pub const NOT_BLANK: &str = r"\S";

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn integer(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .description(Some(description))
}

/// `ErrorBody.code`: exactly the codes of [`code::ALL`].
pub fn error_code() -> Object {
    integer("What went wrong, for programs (see the codes in the introduction).")
        .enum_values(Some(code::ALL.iter().copied()))
        .build()
}

/// A 1-based page number, as `?page=` and in a page's answer.
pub fn page_number() -> Object {
    integer("1-based page number; 0 or more than 4294967295 is refused (400/1004).")
        .minimum(Some(1))
        .maximum(Some(u32::MAX))
        .default(Some(1.into()))
        .build()
}

/// Items per page, as `?pageSize=` and in a page's answer.
pub fn page_size() -> Object {
    integer(&format!(
        "Items per page, 1..{MAX_PAGE_SIZE}; out of range is refused (400/1004)."
    ))
    .minimum(Some(1))
    .maximum(Some(MAX_PAGE_SIZE))
    .default(Some(DEFAULT_PAGE_SIZE.into()))
    .build()
}

/// The email of a sign-up.
pub fn signup_email() -> Object {
    string(
        "The server accepts any address with one `@`, a local part of at most 64 bytes and a dotted domain of letters, digits and `-` (international ones too); the pattern is the ASCII part of that.",
    )
    .max_length(Some(MAX_EMAIL_LEN))
    .pattern(Some(r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"))
    .build()
}

/// The password of a sign-up.
pub fn signup_password() -> Object {
    string(&format!(
        "{MIN_PASSWORD_LEN} to {MAX_PASSWORD_LEN} characters, no control characters."
    ))
    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Password)))
    .min_length(Some(MIN_PASSWORD_LEN))
    .max_length(Some(MAX_PASSWORD_LEN))
    .pattern(Some(r"^[^\u0000-\u001f\u007f-\u009f]*$"))
    .build()
}

/// The webhook URL, as set and as stored.
pub fn webhook_url() -> Object {
    string("Absolute https URL (http only for loopback), or empty to remove.")
        .max_length(Some(MAX_WEBHOOK_LEN))
        .build()
}

/// An invitation's validity in hours.
pub fn invite_hours() -> Object {
    integer("Hours until the invite expires.")
        .minimum(Some(1))
        .maximum(Some(MAX_INVITE_HOURS))
        .default(Some(DEFAULT_INVITE_HOURS.into()))
        .build()
}

/// A role's internal name in a request: not blank.
pub fn role_name(description: &str) -> Object {
    string(description).pattern(Some(NOT_BLANK)).build()
}

/// The role of `PUT /user/permission`.
pub fn new_role() -> Object {
    role_name("Internal name of the new role; blank is 400/1002.")
}

/// The role of `POST /invite`.
pub fn invited_role() -> Object {
    role_name("Internal name of the role the invitee gets; blank is 400/1002.")
}

/// A permission travels as its `Resource:Verb` name; a real backend may send names
/// this contract does not know, so the known ones are examples, not an enum.
impl PartialSchema for Permission {
    fn schema() -> RefOr<Schema> {
        string("`Resource:Verb`, e.g. `Organisation:Get`.")
            .examples(permission::ALL.iter().map(|p| p.to_string()))
            .into()
    }
}

impl ToSchema for Permission {}
