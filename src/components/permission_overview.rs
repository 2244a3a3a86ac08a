//! A role explained: description, audiences and permissions grouped by resource;
//! and the difference between two roles.

use bintu_wire::permission::split;
use bintu_wire::Role;
use leptos::prelude::*;

use crate::components::lazy_part::Lazy;
use crate::domain::roles::{describe, diff, group_by_resource};

crate::lazy_part!(
    /// In a wasm chunk of its own for the pages that show the role in closed details
    /// ([`RoleDetails`]): loaded when the page is idle or when they are first opened.
    pub ROLE_OVERVIEW,
    role_overview,
    PermissionOverview,
    PermissionOverviewProps
);

/// `overview` in a closed `<details>` under `summary`: its code comes with the first
/// opening (or while the browser is idle), not with the page. A failed fetch's
/// Dismiss closes the details again.
#[component]
pub fn RoleDetails(summary: String, overview: PermissionOverviewProps) -> impl IntoView {
    let details = NodeRef::<leptos::html::Details>::new();
    let is_open = move || details.get_untracked().is_some_and(|d| d.open());
    let explained = RwSignal::new(false);
    let close_details = Callback::new(move |()| {
        if let Some(d) = details.get_untracked() {
            d.set_open(false);
        }
        explained.set(false);
    });
    view! {
        <details class="oc-details" node_ref=details on:toggle=move |_| explained.set(is_open())>
            <summary>{summary}</summary>
            <Lazy part=&ROLE_OVERVIEW props=overview wanted=explained on_dismiss=close_details/>
        </details>
    }
}

/// Description, audiences and permissions of `role`.
#[component]
pub fn PermissionOverview(
    role: Role,
    /// The heading level's text above the permissions (e.g. "Permissions").
    #[prop(default = "Permissions")]
    heading: &'static str,
    /// Whether the overview stands right below the page's `<h1>` (the invitation
    /// page): its headings are then `<h2>` and `<h3>`, else `<h3>` and `<h4>`.
    #[prop(optional)]
    below_page_title: bool,
) -> impl IntoView {
    let groups = group_by_resource(&role.permissions);
    let count = role.permissions.len();
    let title = format!("{heading} ({count})");
    let title = if below_page_title {
        view! { <h2 class="oc-role-overview__heading">{title}</h2> }.into_any()
    } else {
        view! { <h3 class="oc-role-overview__heading">{title}</h3> }.into_any()
    };
    let group_name = move |name: String| {
        if below_page_title {
            view! { <h3 class="oc-perm-group__name">{name}</h3> }.into_any()
        } else {
            view! { <h4 class="oc-perm-group__name">{name}</h4> }.into_any()
        }
    };
    view! {
        <div class="oc-role-overview">
            <p class="oc-role-overview__desc">{role.description.clone()}</p>
            <Audiences audiences=role.audiences.clone()/>
            {title}
            {if groups.is_empty() {
                view! { <p class="oc-hint">{crate::tr!(permission_overview.this_role_grants_no_permissions)}</p> }.into_any()
            } else {
                view! {
                    <div class="oc-perm-groups">
                        {groups.into_iter().map(|g| view! {
                            <div class="oc-perm-group">
                                {group_name(g.resource.clone())}
                                <ul class="oc-perm-list">
                                    {g.permissions.into_iter().map(|p| view! { <PermissionItem name=p/> }).collect_view()}
                                </ul>
                            </div>
                        }).collect_view()}
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}

/// The systems a role's tokens reach, as chips.
#[component]
pub fn Audiences(audiences: Vec<String>) -> impl IntoView {
    view! {
        <div class="oc-audiences">
            <span class="oc-audiences__label">{crate::tr!(permission_overview.audiences)}</span>
            {if audiences.is_empty() {
                view! { <span class="oc-hint">{crate::tr!(permission_overview.none)}</span> }.into_any()
            } else {
                view! {
                    <ul class="oc-audiences__list" aria-label={crate::tr!(permission_overview.audiences)}>
                        {audiences.into_iter().map(|a| view! { <li class="oc-pill">{a}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

/// "Permissions gained" and "Permissions lost" going from `current` to `next`.
#[component]
pub fn PermissionDiffView(current: Role, next: Role) -> impl IntoView {
    let d = diff(&current.permissions, &next.permissions);
    if d.is_empty() {
        return view! {
            <p class="oc-diff-none">
                {crate::tr!(permission_overview.and_allow_exactly_the_same, display_name = current.display_name, display_name2 = next.display_name)}
            </p>
        }
        .into_any();
    }
    let list =
        |title: &'static str, class: &'static str, sign: &'static str, items: Vec<String>| {
            (!items.is_empty()).then(|| {
                view! {
                    <div class=format!("oc-diff {class}")>
                        <h3 class="oc-diff__title">{format!("{title} ({})", items.len())}</h3>
                        <ul class="oc-perm-list">
                            {items.into_iter().map(|p| view! {
                                <li class="oc-perm">
                                    <span class="oc-diff__sign" aria-hidden="true">{sign}</span>
                                    <span class="oc-perm__text">{describe(&p).to_string()}</span>
                                    <code class="oc-perm__code">{p.clone()}</code>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        };
    view! {
        <div class="oc-diffs">
            {list({crate::tr!(permission_overview.permissions_gained)}, "oc-diff--gained", "+", d.gained)}
            {list({crate::tr!(permission_overview.permissions_lost)}, "oc-diff--lost", "−", d.lost)}
        </div>
    }
    .into_any()
}

#[component]
fn PermissionItem(name: String) -> impl IntoView {
    let verb = split(&name).1.to_string();
    view! {
        <li class="oc-perm">
            <span class="oc-perm__text">{describe(&name).to_string()}</span>
            <code class="oc-perm__code" title=name.clone()>{if verb.is_empty() { name.clone() } else { verb }}</code>
        </li>
    }
}
