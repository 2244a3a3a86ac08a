//! A list of activity entries: when (UTC), who, what; the people in it link to the
//! Activity tab filtered to them.

use bintu_wire::{ActivityEntry, Role};
use leptos::prelude::*;

use crate::domain::activity_view::{actor_name, describe, kind_label, ActivityView};
use crate::domain::time::format_utc;
use crate::routes::Route;

/// `entries`, newest first as they come. Emails of users link to `base` filtered to
/// that user (the log's own filters kept on the Activity tab).
#[component]
pub fn ActivityList(
    entries: Vec<ActivityEntry>,
    #[prop(into)] roles: Signal<Vec<Role>>,
    base: ActivityView,
) -> impl IntoView {
    let user_link = move |id: i64, text: String| {
        let href = Route::Activity(base.with_user(Some(id))).href();
        let title = crate::tr!(activity_list.only_the_activity_of, text = text);
        view! { <a href=href class="oc-activity__user" title=title>{text}</a> }
    };
    view! {
        <ol class="oc-activity">
            {entries.into_iter().map(|e| {
                let text = roles.with_untracked(|r| describe(&e, r));
                let actor = match e.actor_id {
                    Some(id) => user_link(id, e.actor.clone()).into_any(),
                    None => view! { <span class="oc-activity__user">{actor_name(&e.actor)}</span> }.into_any(),
                };
                let target = e
                    .target_user_id
                    .filter(|t| Some(*t) != e.actor_id)
                    .map(|id| view! {
                        <span class="oc-activity__about">{crate::tr!(activity_list.about)}{user_link(id, e.target.clone())}</span>
                    });
                view! {
                    <li class="oc-activity__entry">
                        <div class="oc-activity__meta">
                            <time class="oc-activity__time" datetime=e.at.clone()>{format_utc(&e.at)}</time>
                            <span class="oc-activity__kind">{kind_label(e.kind)}</span>
                        </div>
                        <p class="oc-activity__text">{actor}" "{text}</p>
                        {target}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
