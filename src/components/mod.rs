//! Widgets, one per file.

pub mod activity_list;
pub mod activity_user_filter;
pub mod api_problem;
pub mod brand;
pub mod bulk_bar;
pub mod bulk_dialog;
pub mod busy_after;
pub mod card;
pub mod clipboard;
pub mod config_problem;
pub mod credential_fields;
pub mod debounce;
pub mod dialog;
pub mod host_bridge;
pub mod icons;
pub mod invite_dialog;
pub mod language_choice;
pub mod lazy_page;
pub mod lazy_part;
pub mod link;
pub mod main_region;
pub mod nav_drawer;
pub mod pager;
pub mod pending_invites;
pub mod permission_overview;
pub mod problem_screen;
pub mod profile_menu;
pub mod retry_notice;
pub mod role_filter;
pub mod search_field;
pub mod secret_field;
pub mod session_ended;
pub mod shell;
pub mod status;
pub mod submit_button;
pub mod theme_choice;
pub mod user_dialogs;
pub mod users_export;
pub mod users_table;
pub mod webhook_test;

use std::sync::atomic::{AtomicUsize, Ordering};

/// A document-unique id such as `oc-dialog-title-3`, for `aria-labelledby` & co.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("oc-{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
