//! Paging math for `?page=&pageSize=`.
//!
//! Decision: out-of-range values are refused with 400/1004 rather than clamped, so a
//! client bug shows up instead of silently returning a different page. A page past
//! the end is not an error: it is simply empty (the total tells the client).

use bintu_wire::page::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use bintu_wire::Page;

use crate::error::ApiError;

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// 1-based page number.
    pub page: u32,
    pub page_size: u32,
}

impl Window {
    /// Validates the query values; `None` means "use the default".
    pub fn new(page: Option<u32>, page_size: Option<u32>) -> Result<Self, ApiError> {
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if page == 0 {
            return Err(ApiError::WrongType("`page` starts at 1.".into()));
        }
        if page_size == 0 || page_size > MAX_PAGE_SIZE {
            return Err(ApiError::WrongType(format!(
                "`pageSize` must be between 1 and {MAX_PAGE_SIZE}."
            )));
        }
        Ok(Self { page, page_size })
    }

    /// Rows to skip.
    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.page_size)
    }

    /// Wraps one window of items into the wire shape.
    pub fn wrap<T>(&self, total: u64, items: Vec<T>) -> Page<T> {
        Page {
            items,
            total,
            page: self.page,
            page_size: self.page_size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_offsets() {
        let w = Window::new(None, None).unwrap();
        assert_eq!((w.page, w.page_size, w.offset()), (1, DEFAULT_PAGE_SIZE, 0));
        assert_eq!(Window::new(Some(3), Some(50)).unwrap().offset(), 100);
        // No overflow at the extremes.
        assert_eq!(
            Window::new(Some(u32::MAX), Some(MAX_PAGE_SIZE))
                .unwrap()
                .offset(),
            (u64::from(u32::MAX) - 1) * u64::from(MAX_PAGE_SIZE)
        );
    }

    #[test]
    fn out_of_range_is_refused() {
        assert!(Window::new(Some(0), None).is_err());
        assert!(Window::new(None, Some(0)).is_err());
        assert!(Window::new(None, Some(MAX_PAGE_SIZE + 1)).is_err());
        assert!(Window::new(None, Some(MAX_PAGE_SIZE)).is_ok());
    }
}

/// The paged lists' queries: their page and page size within range.
macro_rules! paged_query_rules {
    ($($query:ty),*) => {$(
        impl crate::extract::QueryRules for $query {
            fn check(&self) -> Result<(), ApiError> {
                Window::new(self.page, self.page_size).map(drop)
            }
        }
    )*};
}
paged_query_rules!(
    bintu_wire::UserQuery,
    bintu_wire::TagQuery,
    bintu_wire::activity::ActivityQuery
);
