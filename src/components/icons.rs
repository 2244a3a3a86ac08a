//! Inline SVG icons (decorative: always `aria-hidden`, the text next to them speaks).

use leptos::prelude::*;

/// A check mark in a circle.
#[component]
pub fn IconCheck() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.15"/>
            <path d="M6 10.5l2.5 2.5L14 7.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// An upward arrow in a circle (upgrade).
#[component]
pub fn IconUpgrade() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.15"/>
            <path d="M10 14V6M6.5 9.5L10 6l3.5 3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// A person (the profile menu button).
#[component]
pub fn IconUser() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.8"/>
            <path d="M4.5 20c1.2-3.6 4-5.5 7.5-5.5s6.3 1.9 7.5 5.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>
        </svg>
    }
}

/// Three lines (the mobile menu button).
#[component]
pub fn IconMenu() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

/// A cross (close).
#[component]
pub fn IconClose() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

/// A warning triangle.
#[component]
pub fn IconWarning() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3.5L2.5 20h19L12 3.5z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>
            <path d="M12 10v4.5M12 17.2v.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

/// A lock (read-only controls).
#[component]
pub fn IconLock() -> impl IntoView {
    view! {
        <svg class="oc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/>
            <path d="M8 10.5V8a4 4 0 018 0v2.5" fill="none" stroke="currentColor" stroke-width="1.8"/>
        </svg>
    }
}
