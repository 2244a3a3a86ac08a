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
use vod::VodSection;
use webhook::WebhookSection;

crate::lazy_page!(
    /// The page in its own wasm chunk, loaded on the first visit.
    PAGE,
    overview,
    OverviewPage,
    crate::tr!(overview.loading_the_overview)
);

/// The Overview tab.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let org = use_organisation();
    let session = use_session();
    let can_see_tags = Memo::new(move |_| session.allows(Permission::TagGet));
    // Tags come below the organisation's cards and appear once those are shown, so
    // the cards never push an already visible tag list down (layout shift). Their code
    // is fetched once the browser is idle after that.
    let org_shown = RwSignal::new(false);
    Effect::new(move |_| {
        if org.with(Option::is_some) {
            org_shown.set(true);
        }
    });
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
            <Show when=move || org_shown.get() && can_see_tags.get()>
                {lazy_card(&tags::PART, ())}
            </Show>
        </div>
    }
}

#[component]
fn OrganisationSections(org: Organisation) -> impl IntoView {
    view! {
        <PackagesSection packages=org.packages.clone()/>
        <ApiAccessSection api_key=org.api_key.clone() player_key=org.player_key.clone()/>
        <div class="oc-grid-2">
            <WebhookSection initial=org.webhook.clone()/>
            <VodSection initial=org.vod_public/>
        </div>
    }
}
