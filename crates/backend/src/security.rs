//! Security headers: the page's Content-Security-Policy (its rules live in
//! `org-console-serving`, shared with `cargo xtask package`) and the fixed hardening
//! headers.

pub use org_console_serving::csp::{
    check_frame_ancestors, content_security_policy, inline_script_hashes,
};
