//! The request path as the log shows it: invite tokens masked (the link
//! `/invite/<token>` is a capability, and logs travel further than the database),
//! and long paths cut so a 4 KB path cannot flood the log.

/// Bytes of a path the log keeps.
pub const MAX_LOGGED_PATH: usize = 200;

/// Bytes of one segment the log keeps.
pub const MAX_LOGGED_SEGMENT: usize = 64;

const MASK: &str = "***";

/// `path` fit for a log line.
pub fn for_log(path: &str) -> String {
    let mut out = String::with_capacity(path.len().min(MAX_LOGGED_PATH + 8));
    let mut previous = "";
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if previous == "invite" && is_token(segment) {
            out.push_str(MASK);
        } else {
            out.push_str(cut(segment, MAX_LOGGED_SEGMENT));
            if segment.len() > MAX_LOGGED_SEGMENT {
                out.push('…');
            }
        }
        if out.len() > MAX_LOGGED_PATH {
            let kept = cut(&out, MAX_LOGGED_PATH).len();
            out.truncate(kept);
            out.push_str(&format!("…({} bytes)", path.len()));
            break;
        }
        previous = segment;
    }
    out
}

/// Segments after `invite/` that are not the API's own words or numeric ids.
fn is_token(segment: &str) -> bool {
    !(segment.is_empty()
        || matches!(segment, "lookup" | "accept")
        || segment.bytes().all(|b| b.is_ascii_digit()))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_tokens_are_masked_wherever_the_link_is() {
        let token = "q8Jx0Zc2n3v4b5m6a7s8d9f0g1h2j3k4l5z6x7c8v9b";
        assert_eq!(for_log(&format!("/invite/{token}")), "/invite/***");
        assert_eq!(
            for_log(&format!("/embed/invite/{token}/x")),
            "/embed/invite/***/x"
        );
        assert_eq!(for_log("/api/invite/12"), "/api/invite/12");
        assert_eq!(for_log("/api/invite/accept"), "/api/invite/accept");
        assert_eq!(for_log("/api/invite"), "/api/invite");
    }

    #[test]
    fn long_segments_and_paths_are_cut_on_char_boundaries() {
        let segment = "é".repeat(300);
        let logged = for_log(&format!("/{segment}"));
        assert!(logged.len() <= MAX_LOGGED_SEGMENT + 4, "{}", logged.len());
        let path = "/abc".repeat(2000);
        let logged = for_log(&path);
        assert!(logged.len() <= MAX_LOGGED_PATH + 24, "{}", logged.len());
        assert!(logged.ends_with("…(8000 bytes)"), "{logged}");
        assert_eq!(for_log("/organisation/users/3"), "/organisation/users/3");
    }
}
