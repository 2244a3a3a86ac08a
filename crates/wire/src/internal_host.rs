//! Which URL hosts point inside the server's own network: loopback, private,
//! link-local (cloud metadata), unspecified and other non-public addresses, and the
//! name `localhost`. A webhook must not reach them (server-side request forgery).
//!
//! IPv4 hosts are read the way browsers and most HTTP clients read them (the WHATWG
//! URL rules): `127.1`, `0x7f.0.0.1` and `2130706433` are all 127.0.0.1, while a
//! name whose last label is not a number (`127.attacker.example`) is an ordinary name.

use std::net::{Ipv4Addr, Ipv6Addr};

/// What a URL host is, as far as reachability goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// A public address or an ordinary DNS name.
    Public,
    /// Loopback, private, link-local, unspecified, metadata or another non-public range.
    Internal,
    /// Looks like an IP address but is not a valid one (e.g. `1.2.3.256`).
    Malformed,
}

/// Classifies `host` (lower-case, IPv6 without brackets, port removed).
pub fn classify(host: &str) -> HostKind {
    if let Ok(v6) = host.parse::<Ipv6Addr>() {
        return kind(!public_v6(v6));
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    if name == "localhost" || name.ends_with(".localhost") {
        return HostKind::Internal;
    }
    let last_label = name.rsplit('.').next().unwrap_or("");
    if !is_number(last_label) {
        return HostKind::Public;
    }
    match whatwg_ipv4(name) {
        Some(v4) => kind(!public_v4(v4)),
        None => HostKind::Malformed,
    }
}

fn kind(internal: bool) -> HostKind {
    if internal {
        HostKind::Internal
    } else {
        HostKind::Public
    }
}

/// Whether a label is a number in the WHATWG sense (decimal, `0x` hex, or octal).
fn is_number(label: &str) -> bool {
    if let Some(hex) = label
        .strip_prefix("0x")
        .or_else(|| label.strip_prefix("0X"))
    {
        return hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    !label.is_empty() && label.chars().all(|c| c.is_ascii_digit())
}

fn parse_number(label: &str) -> Option<u64> {
    if let Some(hex) = label
        .strip_prefix("0x")
        .or_else(|| label.strip_prefix("0X"))
    {
        return if hex.is_empty() {
            Some(0)
        } else {
            u64::from_str_radix(hex, 16).ok()
        };
    }
    if label.len() > 1 && label.starts_with('0') {
        return u64::from_str_radix(&label[1..], 8).ok();
    }
    label.parse().ok()
}

/// The WHATWG IPv4 parser: one to four numeric parts, the last filling the rest.
fn whatwg_ipv4(name: &str) -> Option<Ipv4Addr> {
    let parts: Vec<u64> = name.split('.').map(parse_number).collect::<Option<_>>()?;
    let (last, leading) = parts.split_last()?;
    if parts.len() > 4 || leading.iter().any(|p| *p > 255) {
        return None;
    }
    let room = 8 * (5 - parts.len() as u32);
    if room < 64 && *last >= 1u64 << room {
        return None;
    }
    let mut value = *last;
    for (i, p) in leading.iter().enumerate() {
        value += p << (8 * (3 - i as u32));
    }
    u32::try_from(value).ok().map(Ipv4Addr::from)
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network", 0.0.0.0
        || a == 10                             // private
        || a == 127                            // loopback
        || (a == 100 && (64..128).contains(&b)) // shared (CGNAT), Alibaba metadata
        || (a == 169 && b == 254)              // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 168)              // private
        || (a == 192 && b == 0 && c == 0)      // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 224) // multicast, reserved, broadcast
}

fn public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = embedded_v4(ip) {
        return public_v4(v4);
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || (s[0] & 0xfe00) == 0xfc00 // unique local (fd00:ec2::254 is a metadata address)
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] & 0xff00) == 0xff00) // multicast
}

/// The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let tail = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    let mapped = s[..5] == [0; 5] && s[5] == 0xffff;
    let compatible = s[..6] == [0; 6] && !ip.is_loopback() && !ip.is_unspecified();
    let nat64 = s[..6] == [0x64, 0xff9b, 0, 0, 0, 0];
    (mapped || compatible || nat64).then_some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use HostKind::*;

    #[test]
    fn internal_addresses_in_every_spelling() {
        for host in [
            "127.0.0.1",
            "127.1",
            "2130706433",
            "0x7f.0.0.1",
            "0177.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.100.100.200",
            "0.0.0.0",
            "0",
            "255.255.255.255",
            "localhost",
            "localhost.",
            "api.localhost",
            "::1",
            "::",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.1.2.3",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert_eq!(classify(host), Internal, "{host}");
        }
    }

    #[test]
    fn public_addresses_and_names() {
        for host in [
            "example.com",
            "127.attacker.example",
            "10.example.org",
            "8.8.8.8",
            "172.32.0.1",
            "2001:db8::1",
            "2a00:1450::1",
            "::ffff:8.8.8.8",
            "localhost.example.com",
        ] {
            assert_eq!(classify(host), Public, "{host}");
        }
    }

    #[test]
    fn numbers_that_are_no_address_are_malformed() {
        for host in ["1.2.3.256", "1.2.3.4.5", "4294967296", "example.09"] {
            assert_ne!(classify(host), Public, "{host}");
        }
        assert_eq!(classify("1.2.3.256"), Malformed);
    }
}
