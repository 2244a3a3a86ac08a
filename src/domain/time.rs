//! Showing the API's RFC 3339 UTC timestamps to people.

/// `2025-11-22T23:05:09Z` as `22 Nov 2025, 23:05 UTC` (`22. Nov. 2025, 23:05 UTC` in
/// German: the browser's `Intl` writes it); anything unparsable is shown as it came.
pub fn format_utc(rfc3339: &str) -> String {
    parse(rfc3339)
        .map(|(y, mo, d, h, mi)| crate::lang::intl::utc_minute(y, mo as u32, d, h, mi))
        .unwrap_or_else(|| rfc3339.to_string())
}

fn parse(s: &str) -> Option<(u32, usize, u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, mo, d, h, mi) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
    );
    ((1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60).then_some((
        y,
        mo as usize,
        d,
        h,
        mi,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc() {
        assert_eq!(format_utc("2025-11-22T23:05:09Z"), "22 Nov 2025, 23:05 UTC");
        assert_eq!(
            format_utc("2024-01-03T07:00:00.123+00:00"),
            "3 Jan 2024, 07:00 UTC"
        );
    }

    #[test]
    fn leaves_garbage_alone() {
        assert_eq!(format_utc("soon"), "soon");
        assert_eq!(format_utc("2025-13-01T00:00:00Z"), "2025-13-01T00:00:00Z");
    }
}
