//! Inline SVG icons (decorative: always `aria-hidden`, the text next to them speaks).

use leptos::prelude::*;

/// The `<svg>` every icon shares, with `children` inside.
fn icon(view_box: &'static str, children: impl IntoView) -> impl IntoView {
    view! { <svg class="oc-icon" viewBox=view_box aria-hidden="true" focusable="false">{children}</svg> }
}

/// A stroked, unfilled path in the current colour.
fn stroke(
    d: &'static str,
    width: &'static str,
    cap: Option<&'static str>,
    join: Option<&'static str>,
) -> impl IntoView {
    view! { <path d=d fill="none" stroke="currentColor" stroke-width=width stroke-linecap=cap stroke-linejoin=join/> }
}

/// The faint disc behind the 20×20 status icons.
fn disc() -> impl IntoView {
    view! { <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.15"/> }
}

const ROUND: Option<&str> = Some("round");

/// A check mark in a circle.
#[component]
pub fn IconCheck() -> impl IntoView {
    icon(
        "0 0 20 20",
        (disc(), stroke("M6 10.5l2.5 2.5L14 7.5", "2", ROUND, ROUND)),
    )
}

/// An upward arrow in a circle (upgrade).
#[component]
pub fn IconUpgrade() -> impl IntoView {
    icon(
        "0 0 20 20",
        (
            disc(),
            stroke("M10 14V6M6.5 9.5L10 6l3.5 3.5", "2", ROUND, ROUND),
        ),
    )
}

/// A person (the profile menu button).
#[component]
pub fn IconUser() -> impl IntoView {
    let head = view! { <circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.8"/> };
    icon(
        "0 0 24 24",
        (
            head,
            stroke(
                "M4.5 20c1.2-3.6 4-5.5 7.5-5.5s6.3 1.9 7.5 5.5",
                "1.8",
                ROUND,
                None,
            ),
        ),
    )
}

/// Three lines (the mobile menu button).
#[component]
pub fn IconMenu() -> impl IntoView {
    icon(
        "0 0 24 24",
        stroke("M4 7h16M4 12h16M4 17h16", "2", ROUND, None),
    )
}

/// A cross (close).
#[component]
pub fn IconClose() -> impl IntoView {
    icon(
        "0 0 24 24",
        stroke("M6 6l12 12M18 6L6 18", "2", ROUND, None),
    )
}

/// A warning triangle.
#[component]
pub fn IconWarning() -> impl IntoView {
    icon(
        "0 0 24 24",
        (
            stroke("M12 3.5L2.5 20h19L12 3.5z", "1.8", None, ROUND),
            stroke("M12 10v4.5M12 17.2v.3", "2", ROUND, None),
        ),
    )
}

/// A lock (read-only controls).
#[component]
pub fn IconLock() -> impl IntoView {
    let body = view! { <rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/> };
    icon(
        "0 0 24 24",
        (body, stroke("M8 10.5V8a4 4 0 018 0v2.5", "1.8", None, None)),
    )
}
