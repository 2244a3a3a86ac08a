//! The bintu-style REST contract, as Rust types.
//!
//! The console and the reference backend both compile against this crate, so a
//! field renamed on one side fails to compile on the other. The same contract is
//! described for other clients as OpenAPI 3.1, derived from these types (feature
//! `openapi`) and the backend's handlers, and served at `<prefix>/openapi.json`.
//!
//! Conventions kept from the public bintu documentation: lower-case British paths
//! (`/organisation`), the `X-BINTU-TOKEN` / `X-BINTU-APIKEY` headers, and the error
//! envelope `{"error":{"message","code","userinfo"}}` with numeric codes.

pub mod activity;
pub mod auth;
pub mod error;
pub mod internal_host;
pub mod invite;
pub mod json_number;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod organisation;
pub mod page;
pub mod permission;
pub mod role;
pub mod tag;
pub mod user;
pub mod validate;
pub mod webhook_test;

pub use activity::*;
pub use auth::*;
pub use error::*;
pub use invite::*;
pub use organisation::*;
pub use page::*;
pub use permission::Permission;
pub use role::*;
pub use tag::*;
pub use user::*;
pub use webhook_test::*;

/// Header carrying the session token issued by `POST /user/validate`.
pub const HEADER_TOKEN: &str = "X-BINTU-TOKEN";
/// Header carrying the organisation's master API key.
pub const HEADER_APIKEY: &str = "X-BINTU-APIKEY";
/// Header carrying the player key (read-only stream listing).
pub const HEADER_PLAYERKEY: &str = "X-BINTU-PLAYERKEY";
