//! The Tags card: the organisation's tags, filtered by name and paged; for roles that
//! may see tags, among the Overview's lower cards (`LOWER_CARDS`).

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
pub(super) fn TagsSection() -> impl IntoView {
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
        <Card title={crate::tr!(overview_tags.tags)} subtitle={crate::tr!(overview_tags.all_tags_used_to_categorise)} class="oc-tags-card">
            <div class="oc-toolbar">
                <SearchField label={crate::tr!(overview_tags.filter_tags)} placeholder={crate::tr!(overview_tags.tag_name)} id_prefix="tag-filter" draft=filter on_settled=on_settled/>
            </div>
            <Transition fallback=|| view! { <Loading label={crate::tr!(overview_tags.loading_tags)}/> }>
                {move || tags.try_get().flatten().map(|result| match result {
                    Err(e) => view! {
                        <ErrorState error=e title={crate::tr!(overview_tags.could_not_load_tags)} on_retry=Callback::new(move |_| tags.refetch())/>
                    }
                    .into_any(),
                    Ok(list) if list.items.is_empty() => {
                        let q = query.get_untracked();
                        view! {
                            <div class="oc-empty" role="status">
                                {if q.is_empty() {
                                    {crate::tr!(overview_tags.no_tags_yet_tags_added)}.to_string()
                                } else {
                                    crate::tr!(overview_tags.no_tags_match, q = q)
                                }}
                            </div>
                        }
                        .into_any()
                    }
                    Ok(list) => {
                        view! {
                            <ul class="oc-tags" aria-label={crate::tr!(overview_tags.tags)}>
                                {list.items.into_iter().map(|t| view! {
                                    <li class="oc-tag">
                                        <span class="oc-tag__name">{t.name}</span>
                                        <span class="oc-tag__count">
                                            {crate::tr_count!(overview_tags.streams, t.stream_count)}
                                        </span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <Pager label={crate::tr!(overview_tags.tag_pages)} page=list.page page_size=list.page_size total=list.total on_page=Callback::new(move |p| page.set(p))/>
                        }
                        .into_any()
                    }
                })}
            </Transition>
        </Card>
    }
}
