//! Building API paths with query strings.

/// `path?k=v&...` with keys and values percent-encoded; empty values are left out.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut out = path.to_string();
    let mut sep = if path.contains('?') { '&' } else { '?' };
    for (k, v) in params.iter().filter(|(_, v)| !v.is_empty()) {
        out.push(sep);
        out.push_str(&encode_component(k));
        out.push('=');
        out.push_str(&encode_component(v));
        sep = '&';
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_encodes() {
        assert_eq!(
            with_query("/tag", &[("page", "2"), ("pageSize", "25"), ("q", "a b&c")]),
            "/tag?page=2&pageSize=25&q=a%20b%26c"
        );
        assert_eq!(with_query("/tag", &[("q", "")]), "/tag");
        assert_eq!(with_query("/x?a=1", &[("b", "ü")]), "/x?a=1&b=%C3%BC");
    }
}
