//! The page's main landmark: `<main>` standalone, a labelled `<section>` when the
//! console is embedded (the host page owns `<main>`; landmarks must not nest).

use leptos::prelude::*;

/// Whether the console is mounted inside a host page (provided by `App`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embedded(pub bool);

/// `<main>` or, embedded, `<section aria-label=label>`.
#[component]
pub fn MainRegion(
    /// Classes of the element.
    #[prop(into)]
    class: String,
    /// Accessible name when rendered as a section.
    #[prop(into)]
    label: String,
    /// `id` of the element (e.g. the skip link's target).
    #[prop(optional, into)]
    id: Option<String>,
    /// The page content.
    children: Children,
) -> impl IntoView {
    let embedded = use_context::<Embedded>().is_some_and(|e| e.0);
    if embedded {
        view! { <section class=class id=id tabindex="-1" aria-label=label>{children()}</section> }
            .into_any()
    } else {
        view! { <main class=class id=id tabindex="-1">{children()}</main> }.into_any()
    }
}
