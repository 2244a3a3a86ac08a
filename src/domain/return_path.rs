//! Where to send a user back after they log in again.

/// `path` if it is safe to return to: an in-app absolute path (not `//host`, not a
/// URL, not the login page itself). Anything else gives `None`, so a crafted link
/// cannot send the user to another site.
pub fn sanitize(path: &str) -> Option<String> {
    let path = path.trim();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control() || c == '\\')
        && !is_login(path);
    ok.then(|| path.to_string())
}

fn is_login(path: &str) -> bool {
    let p = path.split(['?', '#']).next().unwrap_or("");
    p == "/login" || p == "/login/"
}

/// Removes the router base from a browser path: `/embed/organisation` with base
/// `/embed` is `/organisation`. A path outside the base is returned unchanged.
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return path;
    }
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') || rest.starts_with('?') => rest,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_in_app_paths() {
        assert_eq!(
            sanitize("/organisation/users?page=2").as_deref(),
            Some("/organisation/users?page=2")
        );
    }

    #[test]
    fn refuses_other_sites_and_the_login_page() {
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "organisation",
            "/login",
            "/login?reason=expired",
            "",
        ] {
            assert_eq!(sanitize(bad), None, "{bad}");
        }
    }

    #[test]
    fn strips_the_base() {
        assert_eq!(strip_base("/embed/organisation", "/embed"), "/organisation");
        assert_eq!(strip_base("/embed", "/embed/"), "/");
        assert_eq!(strip_base("/embedded/x", "/embed"), "/embedded/x");
        assert_eq!(strip_base("/organisation", ""), "/organisation");
    }
}
