//! Input rules both sides apply: the console before sending, the backend always.

use crate::internal_host::{self, HostKind};

/// Why a webhook URL is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookError {
    /// Not an absolute URL with a scheme and a host.
    NotAbsolute,
    /// Not https.
    NotHttps,
    /// A loopback, private, link-local, unspecified or metadata address, or localhost.
    InternalHost,
    /// Contains white space or characters a URL may not hold.
    BadCharacters,
    /// Longer than [`MAX_WEBHOOK_LEN`].
    TooLong,
    /// Carries `user:password@` credentials.
    HasCredentials,
}

impl WebhookError {
    /// A sentence for people.
    pub fn message(self) -> &'static str {
        match self {
            Self::NotAbsolute => "Enter an absolute URL such as https://example.com/hook.",
            Self::NotHttps => "The webhook must use https.",
            Self::InternalHost => {
                "The webhook must point to a public host: localhost and loopback, private, link-local and metadata addresses are not allowed."
            }
            Self::BadCharacters => "The URL contains spaces or characters that are not allowed.",
            Self::TooLong => "The URL is too long (at most 2048 characters).",
            Self::HasCredentials => "Do not put a user name or password in the URL.",
        }
    }
}

/// Longest webhook URL accepted.
pub const MAX_WEBHOOK_LEN: usize = 2048;

/// Checks a webhook URL: absolute https to a public host (the server calls it, so an
/// internal address would let callers probe the server's own network). An empty
/// string means "no webhook" and is accepted.
pub fn webhook(url: &str) -> Result<(), WebhookError> {
    check_webhook(url, false)
}

/// [`webhook`] as a backend started for local testing applies it
/// (`--allow-internal-webhooks`): http, and internal hosts, are accepted too.
pub fn webhook_allowing_internal(url: &str) -> Result<(), WebhookError> {
    check_webhook(url, true)
}

fn check_webhook(url: &str, allow_internal: bool) -> Result<(), WebhookError> {
    if url.is_empty() {
        return Ok(());
    }
    if url.len() > MAX_WEBHOOK_LEN {
        return Err(WebhookError::TooLong);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
    {
        return Err(WebhookError::BadCharacters);
    }
    let (scheme, rest) = url.split_once("://").ok_or(WebhookError::NotAbsolute)?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(WebhookError::HasCredentials);
    }
    let host = host_of(authority).ok_or(WebhookError::NotAbsolute)?;
    let kind = internal_host::classify(&host);
    match scheme.as_str() {
        "https" | "http" if kind == HostKind::Malformed => Err(WebhookError::NotAbsolute),
        "https" | "http" if allow_internal => Ok(()),
        "https" | "http" if kind == HostKind::Internal => Err(WebhookError::InternalHost),
        "https" => Ok(()),
        "http" => Err(WebhookError::NotHttps),
        _ if scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            Err(WebhookError::NotHttps)
        }
        _ => Err(WebhookError::NotAbsolute),
    }
}

/// The host of `host[:port]` or `[v6]:port`, lower-cased; None if empty or malformed.
fn host_of(authority: &str) -> Option<String> {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        let (inner, after) = v6.split_once(']')?;
        if !(after.is_empty() || valid_port(after.strip_prefix(':')?)) {
            return None;
        }
        inner
    } else {
        match authority.rsplit_once(':') {
            Some((h, port)) if valid_port(port) => h,
            Some(_) => return None,
            None => authority,
        }
    };
    let ok = !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with("..")
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:".contains(c) || !c.is_ascii());
    ok.then(|| host.to_ascii_lowercase())
}

fn valid_port(port: &str) -> bool {
    !port.is_empty() && port.len() <= 5 && port.parse::<u32>().is_ok_and(|p| p <= 65535)
}

/// Longest email accepted (RFC 5321 path limit).
pub const MAX_EMAIL_LEN: usize = 254;

/// A pragmatic email check: one `@`, a non-empty local part, a dotted domain, no
/// white space. Deliverability is the mail server's business, not ours.
pub fn email(email: &str) -> bool {
    if email.len() > MAX_EMAIL_LEN
        || email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible_or_bidi(c))
    {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

/// Characters that show as nothing or reorder the text around them (zero-width
/// spaces and joiners, bidirectional overrides, the BOM, tag characters): an email
/// holding one looks like another account's address on screen.
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
        | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// White space as the OpenAPI document's patterns see it ([`crate::openapi`]'s
/// `NOT_BLANK`, `\S`): `\s` of the ECMAScript regular expressions JSON Schema uses.
/// Not Rust's `char::is_whitespace`, which also counts U+0085 (so a name of U+0085,
/// valid by the document, was refused as blank) and not U+FEFF.
pub fn is_schema_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{D}'
            | ' '
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

/// Whether `s` is blank as the document's `NOT_BLANK` pattern sees it.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_schema_space)
}

/// `s` without the white space [`is_blank`] sees at either end.
pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_schema_space)
}

/// Shortest password accepted at sign-up.
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest password accepted, in characters as the OpenAPI document's `maxLength`
/// counts them (bounds the hashing work: at most 1 KiB).
pub const MAX_PASSWORD_LEN: usize = 256;

/// Why a password is refused at sign-up, or None if it is acceptable.
pub fn password_problem(password: &str) -> Option<&'static str> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_LEN {
        Some("The password must have at least 10 characters.")
    } else if n > MAX_PASSWORD_LEN {
        Some("The password must have at most 256 characters.")
    } else if password.chars().any(char::is_control) {
        Some("The password must not contain control characters (such as tab or NUL).")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_what_the_documents_pattern_calls_blank() {
        for blank in ["", " ", "\t\n\r", "\u{A0}\u{3000}", "\u{FEFF}", "\u{2028}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        // `\S` matches these in ECMAScript, so the document calls them not blank.
        for name in ["nanoUser", "\u{85}", "\u{200B}", " a "] {
            assert!(!is_blank(name), "{name:?}");
        }
        assert_eq!(trim_blank("\u{FEFF} nanoUser\u{A0}"), "nanoUser");
        assert_eq!(trim_blank("\u{85}"), "\u{85}");
    }

    #[test]
    fn webhook_accepts_https_to_public_hosts() {
        for ok in [
            "",
            "https://example.com/hook",
            "https://hooks.example.com:8443/a/b?x=1#f",
            "HTTPS://EXAMPLE.COM",
            "https://127.attacker.example/hook",
            "https://8.8.8.8/hook",
            "https://[2001:db8::1]/h",
        ] {
            assert_eq!(webhook(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn webhook_refuses_what_it_should_with_the_right_reason() {
        use WebhookError::*;
        for (bad, why) in [
            ("example.com/hook", NotAbsolute),
            ("/relative", NotAbsolute),
            ("https://", NotAbsolute),
            ("https:///path", NotAbsolute),
            ("http://example.com/hook", NotHttps),
            ("ftp://example.com", NotHttps),
            ("javascript://alert(1)", NotAbsolute),
            ("javascript://example.com/x", NotHttps),
            ("https://exa mple.com", BadCharacters),
            ("https://example.com/<script>", BadCharacters),
            ("https://user:pw@example.com/", HasCredentials),
            ("https://example.com:99999/", NotAbsolute),
            ("https://example.com:port/", NotAbsolute),
            ("http://127.attacker.example/", NotHttps),
            ("https://1.2.3.256/", NotAbsolute),
        ] {
            assert_eq!(webhook(bad), Err(why), "{bad}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_WEBHOOK_LEN));
        assert_eq!(webhook(&long), Err(TooLong));
    }

    #[test]
    fn webhook_refuses_internal_hosts_for_http_and_https() {
        for host in [
            "localhost:9000",
            "127.0.0.1",
            "127.1",
            "10.1.2.3",
            "192.168.0.10",
            "169.254.169.254",
            "0.0.0.0",
            "[::1]:8080",
            "[::ffff:127.0.0.1]",
        ] {
            for scheme in ["http", "https"] {
                let url = format!("{scheme}://{host}/hook");
                assert_eq!(webhook(&url), Err(WebhookError::InternalHost), "{url}");
            }
        }
    }

    #[test]
    fn local_testing_accepts_http_and_internal_hosts_but_nothing_else() {
        for ok in [
            "http://127.0.0.1:8123/hook",
            "https://localhost/x",
            "http://example.com",
        ] {
            assert_eq!(webhook_allowing_internal(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            webhook_allowing_internal("ftp://127.0.0.1/x"),
            Err(WebhookError::NotHttps)
        );
        assert_eq!(
            webhook_allowing_internal("http://u:p@127.0.0.1/"),
            Err(WebhookError::HasCredentials)
        );
    }

    #[test]
    fn every_webhook_error_has_a_message() {
        use WebhookError::*;
        for e in [
            NotAbsolute,
            NotHttps,
            InternalHost,
            BadCharacters,
            TooLong,
            HasCredentials,
        ] {
            assert!(e.message().ends_with('.'));
        }
    }

    #[test]
    fn email_rules() {
        for ok in ["a@b.co", "first.last+tag@sub.example.com", "ü@exämple.de"] {
            assert!(email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@", "@b.co", "a@b", "a@.b.co", "a@b.co.", "a b@c.de", "a@b..co", "a@b@c.de",
        ] {
            assert!(!email(bad), "{bad}");
        }
        assert!(!email(&format!("{}@example.com", "a".repeat(65))));
    }

    #[test]
    fn emails_with_invisible_or_bidi_characters_are_refused() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{00AD}',
        ] {
            let address = format!("adm{c}in@demo.local");
            assert!(!email(&address), "{:?}", address);
        }
    }

    #[test]
    fn password_rules() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("long enough!").is_none());
        assert!(password_problem(&"x".repeat(300)).is_some());
        assert!(password_problem(&"\0".repeat(12)).is_some());
        assert!(password_problem("long enough\tpw").is_some());
        assert!(password_problem("lang genug, äöü ✓").is_none());
    }
}
