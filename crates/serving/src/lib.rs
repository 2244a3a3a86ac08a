//! What a web server must know to serve the console's `dist/`: which files are
//! immutable ([`cache`]), which paths are client routes ([`fallback`]), and the
//! page's Content-Security-Policy ([`csp`]) and the other security headers
//! ([`headers`]). The reference backend serves by these
//! rules, and `cargo xtask package` writes them out for nginx, Caddy or a CDN.

pub mod cache;
pub mod csp;
pub mod fallback;
pub mod headers;
