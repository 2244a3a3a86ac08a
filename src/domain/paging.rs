//! Pager arithmetic for paged lists.

use crate::lang::intl::number;

/// "1–25 of 40": the items a page shows, or "No items" for an empty list.
pub fn range_text(page: u32, page_size: u32, total: u64) -> String {
    if total == 0 {
        return crate::tr!(paging.no_items).to_string();
    }
    let size = u64::from(page_size.max(1));
    let first = u64::from(page.max(1) - 1) * size + 1;
    let last = (first + size - 1).min(total);
    crate::tr!(
        paging.range,
        first = number(first),
        last = number(last),
        total = number(total)
    )
}

/// Number of pages for `total` items (at least one).
pub fn page_count(page_size: u32, total: u64) -> u32 {
    let size = u64::from(page_size.max(1));
    (total.div_ceil(size) as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(range_text(1, 25, 40), "1–25 of 40");
        assert_eq!(range_text(2, 25, 40), "26–40 of 40");
        assert_eq!(range_text(1, 25, 0), "No items");
    }

    #[test]
    fn counts() {
        assert_eq!(page_count(25, 0), 1);
        assert_eq!(page_count(25, 26), 2);
    }
}
