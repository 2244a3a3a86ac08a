//! `/organisation/overview`: packages, API access, webhook, VOD access and tags.
//! A thin composition of one card per file.

mod api_access;
mod packages;
mod tags;
mod vod;
mod webhook;

use bintu_wire::{Organisation, Permission};
use leptos::prelude::*;

use crate::components::lazy_part::lazy_card;
use crate::components::shell::use_organisation;
use crate::components::status::{ErrorState, Loading};
use crate::session::use_session;
use api_access::ApiAccessSection;
use packages::PackagesSection;
use tags::TagsSection;
use vod::VodSection;
use webhook::WebhookSection;

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    overview,
    OverviewPage,
    crate::tr!(overview.loading_the_overview)
);

crate::lazy_part!(
    /// The cards after the packages and API access (the webhook, VOD access and tags),
    /// with their forms, the webhook's checks and test, and the tag list, in a wasm
    /// chunk of their own: fetched when the browser is idle after the cards above them
    /// were painted. Below a phone's first screen; on a wide one they come a moment
    /// after it, all at once.
    LOWER_CARDS,
    overview_lower,
    lower_cards,
    LowerCards
);

/// What the lower cards start from.
struct LowerCards {
    webhook: String,
    vod_public: bool,
}

/// The Overview tab.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let org = use_organisation();
    view! {
        <div class="oc-overview">
            {move || match org.try_get().flatten() {
                None => view! { <Loading label={crate::tr!(overview.loading_organisation)}/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState
                        error=e
                        title={crate::tr!(overview.could_not_load_the_organisation)}
                        on_retry=Callback::new(move |_| org.refetch())
                    />
                }
                .into_any(),
                Some(Ok(o)) => view! { <OrganisationSections org=o/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn OrganisationSections(org: Organisation) -> impl IntoView {
    let lower = LowerCards {
        webhook: org.webhook.clone(),
        vod_public: org.vod_public,
    };
    view! {
        <PackagesSection packages=org.packages.clone()/>
        <ApiAccessSection api_key=org.api_key.clone() player_key=org.player_key.clone()/>
        {lazy_card(&LOWER_CARDS, lower)}
    }
}

fn lower_cards(
    LowerCards {
        webhook,
        vod_public,
    }: LowerCards,
) -> impl IntoView {
    let session = use_session();
    let can_see_tags = Memo::new(move |_| session.allows(Permission::TagGet));
    view! {
        <div class="oc-grid-2">
            <WebhookSection initial=webhook/>
            <VodSection initial=vod_public/>
        </div>
        <Show when=move || can_see_tags.get()>
            <TagsSection/>
        </Show>
    }
}
