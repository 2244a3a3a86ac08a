//! Which `Host` headers the server answers. A server on a loopback address is
//! reachable by any web page the local user opens; with DNS rebinding such a page
//! makes its own name resolve to 127.0.0.1 and reads the answers. Accepting only
//! loopback names (and the names given with `--public-host`) defeats that.

use std::net::SocketAddr;

/// The Host names the server answers, fixed at start-up.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    /// False when listening on a public interface without `--public-host`: the
    /// server cannot know its names then, and accepts any.
    restricted: bool,
    /// `--public-host` entries, lower-cased; with a port only that port matches.
    public: Vec<String>,
}

const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

impl AllowedHosts {
    /// The rule for a server bound to `bound` with these `--public-host` names.
    pub fn new(bound: SocketAddr, public_hosts: &[String]) -> Self {
        Self {
            restricted: bound.ip().is_loopback() || !public_hosts.is_empty(),
            public: public_hosts
                .iter()
                .map(|h| h.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a request with this Host header (None if absent or not text) is answered.
    pub fn allows(&self, host: Option<&str>) -> bool {
        if !self.restricted {
            return true;
        }
        let Some(host) = host.map(|h| h.trim().to_ascii_lowercase()) else {
            return false;
        };
        let name = strip_port(&host);
        LOOPBACK_NAMES.contains(&name) || self.public.iter().any(|p| *p == host || p == name)
    }
}

/// `name` of `name:port` (or `[v6]:port`).
fn strip_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((name, port))
            if port.chars().all(|c| c.is_ascii_digit())
                && (!name.contains(':') || name.ends_with(']')) =>
        {
            name
        }
        _ => host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback(public: &[&str]) -> AllowedHosts {
        let public: Vec<String> = public.iter().map(|s| s.to_string()).collect();
        AllowedHosts::new("127.0.0.1:8080".parse().unwrap(), &public)
    }

    #[test]
    fn loopback_server_answers_loopback_names_with_any_port() {
        let hosts = loopback(&[]);
        for ok in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:9000",
            "[::1]:8080",
            "127.0.0.1",
        ] {
            assert!(hosts.allows(Some(ok)), "{ok}");
        }
        for bad in [
            "attacker.example",
            "attacker.example:8080",
            "127.0.0.1.nip.io:8080",
            "[::2]:8080",
            "",
        ] {
            assert!(!hosts.allows(Some(bad)), "{bad}");
        }
        assert!(!hosts.allows(None));
    }

    #[test]
    fn public_hosts_are_added_with_or_without_port() {
        let hosts = loopback(&["console.example.com", "other.example:8443"]);
        assert!(hosts.allows(Some("Console.Example.com:8080")));
        assert!(hosts.allows(Some("other.example:8443")));
        assert!(!hosts.allows(Some("other.example:9999")));
        assert!(hosts.allows(Some("localhost:8080")));
        assert!(!hosts.allows(Some("attacker.example")));
    }

    #[test]
    fn a_public_interface_without_names_answers_any_host() {
        let hosts = AllowedHosts::new("0.0.0.0:8080".parse().unwrap(), &[]);
        assert!(hosts.allows(Some("anything.example")));
        let named = AllowedHosts::new("0.0.0.0:8080".parse().unwrap(), &["a.example".into()]);
        assert!(!named.allows(Some("anything.example")));
    }
}
