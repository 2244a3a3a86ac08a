//! The Content-Security-Policy of the console's page: the hashes of the inline
//! scripts `cargo xtask build` writes into `index.html`, the API's origin, and who
//! may frame it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` sources for every inline `<script>` (one without `src`) in `html`,
/// hashing the exact text between the tags as the browser does.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_scripts(html)
        .into_iter()
        .map(|body| {
            format!(
                "'sha256-{}'",
                STANDARD.encode(Sha256::digest(body.as_bytes()))
            )
        })
        .collect()
}

/// The bodies of inline scripts, in document order.
fn inline_scripts(html: &str) -> Vec<&str> {
    // ASCII lower-casing keeps byte offsets identical to `html`.
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = lower[pos..].find("<script").map(|i| i + pos) {
        let after_name = start + "<script".len();
        // `<scripts>` or `<script-x>` are other elements.
        if !lower[after_name..]
            .starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        {
            pos = after_name;
            continue;
        }
        let Some(tag_end) = find_tag_end(&lower, after_name) else {
            break;
        };
        let attrs = &lower[after_name..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = lower[body_start..].find("</script").map(|i| i + body_start) else {
            break;
        };
        if !has_attribute(attrs, "src") {
            out.push(&html[body_start..close]);
        }
        pos = close + "</script".len();
    }
    out
}

/// Index of the `>` closing the tag that starts before `from`, skipping quoted values.
fn find_tag_end(s: &str, from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, &b) in s.as_bytes()[from..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(from + i),
            _ => {}
        }
    }
    None
}

/// Whether the (lower-cased) attribute text of a tag has attribute `name`.
fn has_attribute(attrs: &str, name: &str) -> bool {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        if &attrs[start..i] == name {
            return true;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
            }
        }
        if i == start {
            i += 1;
        }
    }
    false
}

/// The Content-Security-Policy: same-origin everything, wasm compilation allowed,
/// inline scripts only by hash, the API's origin (`api_origin`, when it is another)
/// for fetches, and `frame-ancestors` as configured.
pub fn content_security_policy(
    script_hashes: &[String],
    api_origin: Option<&str>,
    frame_ancestors: &str,
) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push(' ');
        script_src.push_str(h);
    }
    let connect_src = match api_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src {connect_src}; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors {frame_ancestors}"
    )
}

/// The origin (`https://api.example.com:8443`) of an absolute http(s) `apiBaseUrl`;
/// `None` for a path on the page's own origin.
pub fn api_origin(api_base_url: &str) -> Option<String> {
    let url = api_base_url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!authority.is_empty()).then(|| format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// Refuses a `frame-ancestors` value that would break out of its directive.
pub fn check_frame_ancestors(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err("--frame-ancestors must not be empty (use 'none' to forbid embedding)".into());
    }
    if value
        .chars()
        .any(|c| c == ';' || c == ',' || c.is_control())
    {
        return Err(format!(
            "--frame-ancestors has a character it may not: {value}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_exactly_the_inline_script_text() {
        let html = "<html><head>\
            <script src=\"/app.js\"></script>\
            <SCRIPT type=\"module\">import init from '/a.js';\ninit();</SCRIPT>\
            <script>x</script>\
            </head></html>";
        assert_eq!(
            inline_scripts(html),
            vec!["import init from '/a.js';\ninit();", "x"]
        );
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // sha256("x") in base64, as the browser computes it.
        assert_eq!(
            hashes[1],
            "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
        );
    }

    #[test]
    fn src_in_a_quoted_value_is_not_the_src_attribute() {
        let html = "<script data-note=\"src=x > y\">body</script>";
        assert_eq!(inline_scripts(html), vec!["body"]);
        assert_eq!(
            inline_scripts("<script defer src='/a.js'></script>"),
            Vec::<&str>::new()
        );
        assert_eq!(inline_scripts("<scripts>no</scripts>"), Vec::<&str>::new());
    }

    #[test]
    fn policy_has_no_unsafe_inline() {
        let csp = content_security_policy(
            &["'sha256-abc'".into()],
            None,
            "'self' https://host.example",
        );
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(csp.ends_with("frame-ancestors 'self' https://host.example"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
    }

    #[test]
    fn connect_src_names_an_api_on_another_origin() {
        let csp = content_security_policy(&[], None, "'none'");
        assert!(csp.contains("connect-src 'self';"));
        let origin = api_origin("https://API.example.com:8443/api/v1").unwrap();
        assert_eq!(origin, "https://api.example.com:8443");
        let csp = content_security_policy(&[], Some(&origin), "'none'");
        assert!(csp.contains("connect-src 'self' https://api.example.com:8443;"));
        assert_eq!(api_origin("/api"), None);
        assert_eq!(api_origin("ftp://x/api"), None);
    }

    #[test]
    fn frame_ancestors_cannot_inject_directives() {
        assert!(check_frame_ancestors("'self'").is_ok());
        assert!(check_frame_ancestors("'none'; script-src *").is_err());
        assert!(check_frame_ancestors("").is_err());
    }
}
