//! Content negotiation for the precompressed console files: which of the encodings we
//! hold a client accepts (RFC 9110 §12.5.3, with q-values), best compression first.

/// An encoding a console file may be stored in, best (smallest) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// Every encoding, in the server's order of preference.
    pub const PREFERENCE: [Encoding; 3] = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity];

    /// The `Content-Encoding` token; `None` for identity (the header is left out).
    pub fn header_token(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }

    /// The suffix of the precompressed file next to the original (`app.js.br`).
    pub fn file_suffix(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gz"),
            Encoding::Identity => None,
        }
    }

    fn token(self) -> &'static str {
        self.header_token().unwrap_or("identity")
    }
}

/// The q-value an `Accept-Encoding` header gives `encoding`, in thousandths.
/// A missing header accepts identity only; identity is acceptable unless the header
/// rules it out (`identity;q=0`, or `*;q=0` without an identity entry), but when the
/// header does not name it, it ranks below every coding the header does name.
fn quality(accept_encoding: Option<&str>, encoding: Encoding) -> u16 {
    let Some(header) = accept_encoding else {
        return if encoding == Encoding::Identity {
            1000
        } else {
            0
        };
    };
    let mut star = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .or_else(|| p.trim().strip_prefix("Q="))
            })
            .map(parse_q)
            .next()
            .unwrap_or(Some(1000));
        let Some(q) = q else { continue }; // a malformed q-value: ignore the entry
        if name.eq_ignore_ascii_case(encoding.token())
            || (encoding == Encoding::Gzip && name.eq_ignore_ascii_case("x-gzip"))
        {
            return q;
        }
        if name == "*" {
            star = Some(q);
        }
    }
    match (star, encoding) {
        (Some(q), _) => q,
        (None, Encoding::Identity) => 1,
        (None, _) => 0,
    }
}

/// `"0.8"` → 800; `None` for anything that is not a q-value (RFC 9110 §12.4.2).
fn parse_q(s: &str) -> Option<u16> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{frac:0<3}").parse::<u16>().ok()?;
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The encoding to answer with, out of those `available` for the file: the client's
/// highest q-value wins, ties go to the better compression. When the client accepts
/// none of them, identity (RFC 9110 allows it, and a page beats a 406).
pub fn choose(accept_encoding: Option<&str>, available: &[Encoding]) -> Encoding {
    Encoding::PREFERENCE
        .into_iter()
        .filter(|e| available.contains(e))
        .map(|e| (quality(accept_encoding, e), e))
        .filter(|(q, _)| *q > 0)
        // max_by_key keeps the last of equals: reverse the order so the best wins ties.
        .rev()
        .max_by_key(|(q, _)| *q)
        .map_or(Encoding::Identity, |(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    const ALL: [Encoding; 3] = [Brotli, Gzip, Identity];

    #[test]
    fn browsers_get_brotli_then_gzip() {
        assert_eq!(choose(Some("gzip, deflate, br, zstd"), &ALL), Brotli);
        assert_eq!(choose(Some("gzip, deflate"), &ALL), Gzip);
        assert_eq!(choose(Some("br"), &[Gzip, Identity]), Identity);
    }

    #[test]
    fn no_header_or_identity_only_gets_identity() {
        assert_eq!(choose(None, &ALL), Identity);
        assert_eq!(choose(Some(""), &ALL), Identity);
        assert_eq!(choose(Some("identity"), &ALL), Identity);
    }

    #[test]
    fn q_values_are_respected() {
        assert_eq!(choose(Some("br;q=0.5, gzip;q=0.9"), &ALL), Gzip);
        assert_eq!(choose(Some("br;q=0, gzip"), &ALL), Gzip);
        assert_eq!(choose(Some("gzip;q=0.8, identity;q=1"), &ALL), Identity);
        assert_eq!(choose(Some("*"), &ALL), Brotli);
        assert_eq!(choose(Some("*;q=0.5, br;q=0"), &ALL), Gzip);
        assert_eq!(choose(Some("x-gzip"), &ALL), Gzip);
        assert_eq!(choose(Some("GZIP ; Q=1.0"), &ALL), Gzip);
    }

    #[test]
    fn malformed_entries_are_ignored() {
        assert_eq!(choose(Some("br;q=2, gzip"), &ALL), Gzip);
        assert_eq!(choose(Some("br;q=abc"), &ALL), Identity);
        assert_eq!(choose(Some(",,;;=,"), &ALL), Identity);
    }

    #[test]
    fn parse_q_follows_the_grammar() {
        assert_eq!(parse_q("1"), Some(1000));
        assert_eq!(parse_q("1.000"), Some(1000));
        assert_eq!(parse_q("0.25"), Some(250));
        assert_eq!(parse_q("0"), Some(0));
        assert_eq!(parse_q("1.5"), None);
        assert_eq!(parse_q("0.1234"), None);
        assert_eq!(parse_q("-0"), None);
    }
}
