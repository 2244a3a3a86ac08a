//! Showing the API's RFC 3339 UTC timestamps to people.

/// `2025-11-22T23:05:09Z` as `22 Nov 2025, 23:05 UTC` (`22. Nov. 2025, 23:05 UTC` in
/// German; the catalogs hold the pattern and the month names, as CLDR writes them);
/// anything unparsable is shown as it came. Not by the browser's `Intl`: making its
/// first formatter loads the browser's locale data, some 10 ms of the first visit to
/// a page with dates, and engines disagree on a month's short name ("Sep", "Sept").
pub fn format_utc(rfc3339: &str) -> String {
    parse(rfc3339)
        .map(|(y, mo, d, h, mi)| {
            crate::tr!(
                time.utc_minute,
                day = d,
                month = month_short(mo),
                year = y,
                hour = format!("{h:02}"),
                minute = format!("{mi:02}")
            )
        })
        .unwrap_or_else(|| rfc3339.to_string())
}

/// The short name of month `mo` (1 to 12, as [`parse`] gives it).
fn month_short(mo: usize) -> &'static str {
    match mo {
        1 => crate::tr!(time.jan),
        2 => crate::tr!(time.feb),
        3 => crate::tr!(time.mar),
        4 => crate::tr!(time.apr),
        5 => crate::tr!(time.may),
        6 => crate::tr!(time.jun),
        7 => crate::tr!(time.jul),
        8 => crate::tr!(time.aug),
        9 => crate::tr!(time.sep),
        10 => crate::tr!(time.oct),
        11 => crate::tr!(time.nov),
        _ => crate::tr!(time.dec),
    }
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
