//! The Tags card: the organisation's tags, filtered by name and paged.

use leptos::prelude::*;

use crate::api::{tags, use_api};
use crate::components::card::Card;
use crate::components::pager::Pager;
use crate::components::search_field::SearchField;
use crate::components::status::{ErrorState, Loading};

/// Tags per page in the Tags section.
const TAGS_PAGE_SIZE: u32 = 20;

/// The tag list with its name filter and pager.
#[component]
pub fn TagsSection() -> impl IntoView {
    let api = use_api();
    let filter = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);

    let tags = LocalResource::new(move || {
        let api = api.clone();
        let (p, q) = (page.get(), query.get());
        async move { tags::list(&api, p, TAGS_PAGE_SIZE, &q).await }
    });

    let on_settled = move || {
        let q = filter.get_untracked().trim().to_string();
        if query.get_untracked() != q {
            query.set(q);
            page.set(1);
        }
    };

    view! {
        <Card title="Tags" subtitle="All tags used to categorise your organisation's streams." class="oc-tags-card">
            <div class="oc-toolbar">
                <SearchField label="Filter tags" placeholder="Tag name" id_prefix="tag-filter" draft=filter on_settled=on_settled/>
            </div>
            <Transition fallback=|| view! { <Loading label="Loading tags…"/> }>
                {move || tags.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title="Could not load tags" on_retry=Callback::new(move |_| tags.refetch())/>
                    }
                    .into_any(),
                    Ok(list) if list.items.is_empty() => {
                        let q = query.get_untracked();
                        view! {
                            <div class="oc-empty" role="status">
                                {if q.is_empty() {
                                    "No tags yet. Tags added to streams appear here.".to_string()
                                } else {
                                    format!("No tags match “{q}”.")
                                }}
                            </div>
                        }
                        .into_any()
                    }
                    Ok(list) => {
                        view! {
                            <ul class="oc-tags" aria-label="Tags">
                                {list.items.into_iter().map(|t| view! {
                                    <li class="oc-tag">
                                        <span class="oc-tag__name">{t.name}</span>
                                        <span class="oc-tag__count">
                                            {format!("{} {}", t.stream_count, if t.stream_count == 1 { "stream" } else { "streams" })}
                                        </span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <Pager label="Tag pages" page=list.page page_size=list.page_size total=list.total on_page=Callback::new(move |p| page.set(p))/>
                        }
                        .into_any()
                    }
                })}
            </Transition>
        </Card>
    }
}
