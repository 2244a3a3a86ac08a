//! A link to one of the console's pages, marked `aria-current="page"` while its page,
//! or a page under it, is on screen. The router takes its clicks over.

use leptos::prelude::*;

use crate::router::{is_current, use_location};
use crate::routes::Route;

/// `<a href>` to `to`, under the router base.
#[component]
pub fn Link(to: Route, class: &'static str, children: Children) -> impl IntoView {
    let location = use_location();
    let path = to.path();
    let here = location.in_app();
    let current = move || here.with(|here| is_current(&path, here)).then_some("page");
    view! {
        <a href=to.href() class=class aria-current=current>{children()}</a>
    }
}
