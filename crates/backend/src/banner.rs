//! What `serve` prints when it is ready.

use std::net::SocketAddr;
use std::time::Duration;

use crate::seed;

/// The facts the banner states.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub addr: SocketAddr,
    pub api_prefix: &'a str,
    pub db: &'a str,
    /// Whether this start seeded the demo data (and so the demo logins exist as seeded).
    pub seeded: bool,
    pub test_hooks: bool,
    /// `--allow-internal-webhooks` is on.
    pub internal_webhooks: bool,
    /// The console folder when it holds no built console.
    pub missing_console: Option<&'a str>,
    pub took: Duration,
}

/// The banner. The demo logins only when they were seeded just now: a reused
/// database may have changed or removed them, and its logs should not advertise them.
pub fn banner(f: &Facts<'_>) -> String {
    let (addr, prefix) = (f.addr, f.api_prefix);
    let mut out = format!(
        "bintu reference backend ready in {} ms\n  console:  http://{addr}/\n  API:      http://{addr}{prefix}\n  OpenAPI:  http://{addr}{prefix}/openapi.json\n  database: {}{}\n",
        f.took.as_millis(),
        f.db,
        if f.seeded { " (demo data seeded)" } else { "" },
    );
    if f.seeded {
        out.push_str("  demo logins (demo only), password `");
        out.push_str(seed::DEMO_PASSWORD);
        out.push_str("`:\n");
        for (email, role) in seed::DEMO_LOGINS {
            out.push_str(&format!("    {email:<22} {role}\n"));
        }
    }
    if f.test_hooks {
        out.push_str(&format!(
            "  TEST HOOKS ON: POST {prefix}/_test/advance-clock\n"
        ));
    }
    if f.internal_webhooks {
        out.push_str(
            "  INTERNAL WEBHOOKS ALLOWED (--allow-internal-webhooks): local testing only\n",
        );
    }
    if let Some(dist) = f.missing_console {
        out.push_str(&format!(
            "  note: no console in {dist} (the API works; / answers 503)\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(seeded: bool) -> Facts<'static> {
        Facts {
            addr: "127.0.0.1:8080".parse().unwrap(),
            api_prefix: "/api",
            db: "demo.sqlite",
            seeded,
            test_hooks: false,
            internal_webhooks: false,
            missing_console: None,
            took: Duration::from_millis(5),
        }
    }

    #[test]
    fn demo_logins_only_when_just_seeded() {
        let fresh = banner(&facts(true));
        assert!(fresh.contains(seed::DEMO_PASSWORD), "{fresh}");
        assert!(
            fresh.contains("console:  http://127.0.0.1:8080/"),
            "{fresh}"
        );
        let reused = banner(&facts(false));
        assert!(!reused.contains(seed::DEMO_PASSWORD), "{reused}");
        assert!(!reused.contains("demo logins"), "{reused}");
        for (email, _) in seed::DEMO_LOGINS {
            assert!(!reused.contains(email), "{reused}");
        }
    }
}
