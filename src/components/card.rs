//! The white card every section of a page sits in.

use leptos::prelude::*;

use super::unique_id;

/// A card with an `h2` that names the section for assistive technology.
#[component]
pub fn Card(
    #[prop(into)] title: String,
    #[prop(optional, into)] subtitle: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let id = unique_id("section");
    view! {
        <section class=format!("oc-card {}", class.unwrap_or_default()) aria-labelledby=id.clone()>
            <div class="oc-card__head">
                <h2 class="oc-card__title" id=id.clone()>{title}</h2>
                {subtitle.map(|s| view! { <p class="oc-card__subtitle">{s}</p> })}
            </div>
            {children()}
        </section>
    }
}
