//! The hardening headers every answer carries besides the CSP.

/// Name and value of each.
pub const HARDENING: [(&str, &str); 2] = [
    // The console's URLs carry user ids and invitation tokens: never to other sites.
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
];
