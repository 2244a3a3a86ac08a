//! One file per route.

pub mod activity;
pub mod invite_accept;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod user_detail;
pub mod users;
