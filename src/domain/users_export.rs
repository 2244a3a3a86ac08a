//! The CSV export of the user list: every user the current filter, search and sort
//! select, fetched page by page with the largest page the API allows.

use bintu_wire::page::MAX_PAGE_SIZE;
use bintu_wire::{Role, User, UserQuery};

use super::csv::push_row;
use super::roles::display_name;
use super::users_view::UsersView;

/// The header row of the file, in the language shown.
pub fn header() -> [&'static str; 5] {
    [
        crate::tr!(users_export.email),
        crate::tr!(users_export.permission_level),
        crate::tr!(users_export.role_internal_name),
        crate::tr!(users_export.user_id),
        crate::tr!(users_export.created_at_utc),
    ]
}

/// The file name offered for the download.
pub const FILE_NAME: &str = "users.csv";

/// The query of page `page` (1-based) of the export of `view`: the same filter,
/// search and sort, the largest page size.
pub fn page_query(view: &UsersView, page: u32) -> UserQuery {
    UserQuery {
        page: Some(page.max(1)),
        page_size: Some(MAX_PAGE_SIZE),
        ..view.api_query()
    }
}

/// Appends the rows of `users` to `out` (the token key stays out of the file).
pub fn push_users(out: &mut String, users: &[User], roles: &[Role]) {
    for u in users {
        push_row(
            out,
            &[
                u.email.as_str(),
                &display_name(roles, &u.role),
                &u.role,
                &u.id.to_string(),
                &u.created_at,
            ],
        );
    }
}

/// A new file holding the header row.
pub fn start() -> String {
    let mut out = String::new();
    push_row(&mut out, &header());
    out
}

/// "Exporting… 3,000 of 10,000 users".
pub fn progress_text(done: u64, total: u64) -> String {
    crate::tr_count!(
        users_export.exporting_of_users,
        total,
        done = crate::lang::intl::number(done.min(total))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::{SortOrder, UserSort};

    fn user(id: i64, email: &str) -> User {
        User {
            id,
            email: email.into(),
            role: "nanoUser".into(),
            token_key: "secret-key".into(),
            created_at: "2025-01-02T03:04:05Z".into(),
        }
    }

    #[test]
    fn pages_keep_filter_search_and_sort_but_not_the_page_shown() {
        let view = UsersView::default()
            .with_role(Some("nanoUser".into()))
            .with_search("anna")
            .with_sort(UserSort::CreatedAt, SortOrder::Asc)
            .with_page(7);
        let q = page_query(&view, 3);
        assert_eq!(q.role.as_deref(), Some("nanoUser"));
        assert_eq!(q.q.as_deref(), Some("anna"));
        assert_eq!(
            (q.sort, q.order),
            (Some(UserSort::CreatedAt), Some(SortOrder::Asc))
        );
        assert_eq!((q.page, q.page_size), (Some(3), Some(MAX_PAGE_SIZE)));
    }

    #[test]
    fn the_file_has_a_header_and_defused_rows_without_token_keys() {
        let mut out = start();
        push_users(&mut out, &[user(1, "a@b.c"), user(2, "=cmd@b.c")], &[]);
        assert_eq!(
            out,
            "Email,Permission level,Role (internal name),User ID,Created at (UTC)\r\n\
             a@b.c,nanoUser,nanoUser,1,2025-01-02T03:04:05Z\r\n\
             '=cmd@b.c,nanoUser,nanoUser,2,2025-01-02T03:04:05Z\r\n"
        );
        assert!(!out.contains("secret-key"));
    }

    #[test]
    fn progress_reads_with_thousands_separators() {
        assert_eq!(
            progress_text(3000, 10_000),
            "Exporting… 3,000 of 10,000 users"
        );
        assert_eq!(progress_text(250, 12), "Exporting… 12 of 12 users");
    }
}
