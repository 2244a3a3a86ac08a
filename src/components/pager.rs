//! "Previous page · Page 2 of 9 · 26–50 of 210 · Next page" under a paged list.

use leptos::prelude::*;

use crate::domain::paging::{page_count, range_text};

/// The pager of a list showing `page` (1-based) of `total` items, `page_size` a page.
#[component]
pub fn Pager(
    /// Accessible name of the pager, e.g. "User pages".
    #[prop(into)]
    label: String,
    page: u32,
    page_size: u32,
    total: u64,
    /// Called with the page to show.
    #[prop(into)]
    on_page: Callback<u32>,
) -> impl IntoView {
    let pages = page_count(page_size, total);
    let range = range_text(page, page_size, total);
    view! {
        <nav class="oc-pager" aria-label=label>
            <button
                type="button"
                class="oc-button oc-button--secondary oc-button--small"
                disabled={page <= 1}
                on:click=move |_| on_page.run(page.saturating_sub(1).max(1))
            >
                {crate::tr!(pager.previous_page)}
            </button>
            <span class="oc-pager__text" aria-live="polite">{crate::tr!(pager.page_of, page = page, pages = pages, range = range)}</span>
            <button
                type="button"
                class="oc-button oc-button--secondary oc-button--small"
                disabled={page >= pages}
                on:click=move |_| on_page.run(page + 1)
            >
                {crate::tr!(pager.next_page)}
            </button>
        </nav>
    }
}
