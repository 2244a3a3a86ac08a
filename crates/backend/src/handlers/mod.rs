//! Thin HTTP handlers, one module per resource: extract, check the permission, call
//! the SQL module, shape the answer.

pub mod activity;
pub mod auth;
pub mod invites;
pub mod meta;
pub mod organisation;
pub mod roles;
pub mod tags;
pub mod users;
