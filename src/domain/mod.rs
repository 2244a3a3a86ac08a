//! Pure logic of the console, with native unit tests (`cargo test -p org-console --lib`).
//! Nothing here touches the browser.

pub mod activity_view;
pub mod bulk;
pub mod csv;
pub mod html;
pub mod locale_pick;
pub mod mask;
pub mod paging;
pub mod permissions;
pub mod query;
pub mod roles;
pub mod text;
pub mod theme;
pub mod time;
pub mod user_guards;
pub mod users_export;
pub mod users_view;
pub mod webhook_outcome;
