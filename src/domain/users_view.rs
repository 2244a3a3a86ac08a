//! The user list's view state (role filter, search, sort, page), its URL form and
//! the wire query it asks the API with.
//!
//! The state lives in the page URL (`?role=&q=&sort=&order=&page=`) so that the back
//! button and a reload restore it; defaults are left out of the URL. Anything
//! unparsable in the URL falls back to the default rather than failing.

use bintu_wire::{SortOrder, UserQuery, UserSort};

use super::query::with_query;

/// Rows per page of the user list: small enough that a 10,000-user organisation
/// never means more than this many rows in the DOM.
pub const USERS_PAGE_SIZE: u32 = 25;
/// Longest search text sent (an email is at most 254 characters).
const MAX_SEARCH_LEN: usize = 254;

/// What the user list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsersView {
    /// Internal role name to filter by; `None` for every role.
    pub role: Option<String>,
    /// Case-insensitive email substring; empty for no search.
    pub search: String,
    pub sort: UserSort,
    pub order: SortOrder,
    /// 1-based.
    pub page: u32,
}

impl Default for UsersView {
    fn default() -> Self {
        Self {
            role: None,
            search: String::new(),
            sort: UserSort::Email,
            order: SortOrder::Asc,
            page: 1,
        }
    }
}

impl UsersView {
    /// The view a URL's query describes; `get` reads one query parameter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let sort = non_empty("sort")
            .and_then(|s| parse_sort(&s))
            .unwrap_or_default();
        let order = match non_empty("order").as_deref() {
            Some("asc") => SortOrder::Asc,
            Some("desc") => SortOrder::Desc,
            _ => default_order(sort),
        };
        Self {
            role: non_empty("role"),
            search: non_empty("q").map(|q| clip(&q)).unwrap_or_default(),
            sort,
            order,
            page: non_empty("page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string for the page URL (`""` for the default view, else `?…`).
    pub fn to_query(&self) -> String {
        let page = self.page.to_string();
        let order = if self.order == default_order(self.sort) {
            ""
        } else {
            order_name(self.order)
        };
        let sort = if self.sort == UserSort::default() {
            ""
        } else {
            sort_name(self.sort)
        };
        with_query(
            "",
            &[
                ("role", self.role.as_deref().unwrap_or("")),
                ("q", &self.search),
                ("sort", sort),
                ("order", order),
                ("page", if self.page > 1 { &page } else { "" }),
            ],
        )
    }

    /// The wire query of `GET /user` for this view: sort and page always named.
    pub fn api_query(&self) -> UserQuery {
        UserQuery {
            role: self.role.clone(),
            q: (!self.search.is_empty()).then(|| self.search.clone()),
            sort: Some(self.sort),
            order: Some(self.order),
            page: Some(self.page),
            page_size: Some(USERS_PAGE_SIZE),
        }
    }

    /// Only users with `role` (or every role), from the first page.
    pub fn with_role(&self, role: Option<String>) -> Self {
        Self {
            role,
            page: 1,
            ..self.clone()
        }
    }

    /// A new search, from the first page.
    pub fn with_search(&self, search: &str) -> Self {
        Self {
            search: clip(search.trim()),
            page: 1,
            ..self.clone()
        }
    }

    /// Sorted by `sort` in `order`, from the first page.
    pub fn with_sort(&self, sort: UserSort, order: SortOrder) -> Self {
        Self {
            sort,
            order,
            page: 1,
            ..self.clone()
        }
    }

    /// A click on a column header: the other direction on the sorted column, the
    /// column's natural direction on another one.
    pub fn toggled_sort(&self, sort: UserSort) -> Self {
        let order = if sort == self.sort {
            match self.order {
                SortOrder::Asc => SortOrder::Desc,
                SortOrder::Desc => SortOrder::Asc,
            }
        } else {
            default_order(sort)
        };
        self.with_sort(sort, order)
    }

    /// Another page of the same list.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Whether a role filter or search narrows the list.
    pub fn is_filtered(&self) -> bool {
        self.role.is_some() || !self.search.is_empty()
    }
}

/// A label in the language shown.
pub type Label = fn() -> &'static str;

/// The sort options offered in the "Sort by" menu, with their labels.
pub const SORT_CHOICES: &[(UserSort, SortOrder, Label)] = &[
    (UserSort::Email, SortOrder::Asc, || {
        crate::tr!(users_view.email_a_z)
    }),
    (UserSort::Email, SortOrder::Desc, || {
        crate::tr!(users_view.email_z_a)
    }),
    (UserSort::Role, SortOrder::Asc, || {
        crate::tr!(users_view.permission_level_a_z)
    }),
    (UserSort::Role, SortOrder::Desc, || {
        crate::tr!(users_view.permission_level_z_a)
    }),
    (UserSort::CreatedAt, SortOrder::Desc, || {
        crate::tr!(users_view.newest_first)
    }),
    (UserSort::CreatedAt, SortOrder::Asc, || {
        crate::tr!(users_view.oldest_first)
    }),
];

/// `email`, `role` or `created_at`, as the API and the URL spell them.
pub fn sort_name(sort: UserSort) -> &'static str {
    match sort {
        UserSort::Email => "email",
        UserSort::Role => "role",
        UserSort::CreatedAt => "created_at",
    }
}

/// `asc` or `desc`.
pub fn order_name(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Asc => "asc",
        SortOrder::Desc => "desc",
    }
}

/// Parses a sort name (the inverse of [`sort_name`]).
pub fn parse_sort(s: &str) -> Option<UserSort> {
    match s {
        "email" => Some(UserSort::Email),
        "role" => Some(UserSort::Role),
        "created_at" => Some(UserSort::CreatedAt),
        _ => None,
    }
}

/// Newest first for dates, A–Z for text.
fn default_order(sort: UserSort) -> SortOrder {
    match sort {
        UserSort::CreatedAt => SortOrder::Desc,
        _ => SortOrder::Asc,
    }
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_SEARCH_LEN).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&str, &str)]) -> UsersView {
        UsersView::from_params(|k| {
            query
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn an_empty_url_is_the_default_view_and_round_trips() {
        let v = parse(&[]);
        assert_eq!(v, UsersView::default());
        assert_eq!(v.to_query(), "");
    }

    #[test]
    fn a_full_view_round_trips_through_the_url() {
        let v = UsersView {
            role: Some("streamManager".into()),
            search: "anna b".into(),
            sort: UserSort::CreatedAt,
            order: SortOrder::Asc,
            page: 3,
        };
        let q = v.to_query();
        assert_eq!(
            q,
            "?role=streamManager&q=anna%20b&sort=created_at&order=asc&page=3"
        );
        let pairs: Vec<(String, String)> = q
            .trim_start_matches('?')
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), v.replace("%20", " "))
            })
            .collect();
        let back =
            UsersView::from_params(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, v);
    }

    #[test]
    fn garbage_in_the_url_falls_back_to_defaults() {
        let v = parse(&[
            ("page", "-2"),
            ("sort", "password"),
            ("order", "sideways"),
            ("role", "  "),
        ]);
        assert_eq!(v, UsersView::default());
        assert_eq!(parse(&[("page", "0")]).page, 1);
        assert_eq!(parse(&[("page", "99999999999")]).page, 1);
    }

    #[test]
    fn the_natural_order_is_left_out_of_the_url() {
        let newest = UsersView::default().with_sort(UserSort::CreatedAt, SortOrder::Desc);
        assert_eq!(newest.to_query(), "?sort=created_at");
        assert_eq!(parse(&[("sort", "created_at")]).order, SortOrder::Desc);
    }

    #[test]
    fn a_new_filter_search_or_sort_goes_back_to_the_first_page() {
        let v = UsersView::default().with_page(4);
        assert_eq!(v.with_search(" x ").page, 1);
        assert_eq!(v.with_search(" x ").search, "x");
        assert_eq!(v.with_role(Some("analyst".into())).page, 1);
        assert_eq!(v.toggled_sort(UserSort::Role).page, 1);
        assert_eq!(v.with_page(0).page, 1);
    }

    #[test]
    fn clicking_the_sorted_column_flips_the_order() {
        let v = UsersView::default();
        let flipped = v.toggled_sort(UserSort::Email);
        assert_eq!(flipped.order, SortOrder::Desc);
        assert_eq!(flipped.toggled_sort(UserSort::Email).order, SortOrder::Asc);
        assert_eq!(v.toggled_sort(UserSort::CreatedAt).order, SortOrder::Desc);
    }

    #[test]
    fn a_huge_search_is_clipped() {
        let long = "a".repeat(1000);
        assert_eq!(parse(&[("q", &long)]).search.len(), MAX_SEARCH_LEN);
    }

    #[test]
    fn every_sort_choice_parses_back() {
        for (sort, _, _) in SORT_CHOICES {
            assert_eq!(parse_sort(sort_name(*sort)), Some(*sort));
        }
    }
}
