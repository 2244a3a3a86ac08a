//! Paging: `?page=1&pageSize=25` in, `Page<T>` out.

use serde::{Deserialize, Serialize};

/// Largest page a client may ask for.
pub const MAX_PAGE_SIZE: u32 = 200;
/// Page size when the client names none.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Items matching the filter over all pages.
    pub total: u64,
    /// 1-based.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::page_number))]
    pub page: u32,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::page_size))]
    pub page_size: u32,
}

impl<T> Page<T> {
    /// Number of pages (at least 1, so an empty list still has a page to show).
    pub fn page_count(&self) -> u32 {
        let size = u64::from(self.page_size.max(1));
        (self.total.div_ceil(size) as u32).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(total: u64, size: u32) -> Page<()> {
        Page {
            items: vec![],
            total,
            page: 1,
            page_size: size,
        }
    }

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        assert_eq!(page(0, 25).page_count(), 1);
        assert_eq!(page(25, 25).page_count(), 1);
        assert_eq!(page(26, 25).page_count(), 2);
        assert_eq!(page(10_000, 50).page_count(), 200);
    }
}
