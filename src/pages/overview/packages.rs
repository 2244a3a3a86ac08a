//! The Enabled Packages card: each package and its features, enabled or "Upgrade needed".

use bintu_wire::Package;
use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::icons::{IconCheck, IconUpgrade};

/// Enabled or "Upgrade needed", as text and icon (never colour alone).
#[component]
fn PackageStatus(enabled: bool) -> impl IntoView {
    if enabled {
        view! { <span class="oc-status oc-status--ok"><IconCheck/>{crate::tr!(overview_packages.enabled)}</span> }.into_any()
    } else {
        view! { <span class="oc-status oc-status--upgrade"><IconUpgrade/>{crate::tr!(overview_packages.upgrade_needed)}</span> }
            .into_any()
    }
}

/// The packages of the organisation, with their features.
#[component]
pub fn PackagesSection(packages: Vec<Package>) -> impl IntoView {
    let enabled = packages.iter().filter(|p| p.enabled).count();
    let total = packages.len();
    view! {
        <Card
            title={crate::tr!(overview_packages.enabled_packages)}
            subtitle=crate::tr!(overview_packages.of_packages_enabled_for_your, enabled = enabled, total = total)
        >
            <ul class="oc-packages">
                {packages
                    .into_iter()
                    .map(|p| {
                        let has_features = !p.features.is_empty();
                        view! {
                            <li class="oc-package" class:oc-package--off=!p.enabled class:oc-package--wide=has_features>
                                <div class="oc-package__row">
                                    <span class="oc-package__name">{p.name.clone()}</span>
                                    <PackageStatus enabled=p.enabled/>
                                </div>
                                {has_features.then(|| view! {
                                    <ul class="oc-features" aria-label=crate::tr!(overview_packages.features, name = p.name)>
                                        {p.features.iter().map(|f| view! {
                                            <li class="oc-feature">
                                                <span class="oc-feature__name">{f.name.clone()}</span>
                                                <PackageStatus enabled=f.enabled/>
                                            </li>
                                        }).collect_view()}
                                        <li class="oc-feature oc-feature--more">{crate::tr!(overview_packages.more_to_follow)}</li>
                                    </ul>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Card>
    }
}
