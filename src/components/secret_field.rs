//! One row of API access: a secret shown masked, with Reveal (auto-hides after
//! [`REVEAL_SECONDS`]) and Copy (works without revealing; announced in a live region).

use std::time::Duration;

use leptos::prelude::*;

use crate::components::clipboard::copy_text;
use crate::components::debounce::Debouncer;
use crate::components::unique_id;
use crate::domain::mask::mask_secret;

/// How long a revealed secret stays visible.
pub const REVEAL_SECONDS: u64 = 20;

/// A labelled, masked secret with Reveal/Hide and Copy buttons.
#[component]
pub fn SecretField(
    /// Name of the secret, e.g. "API Key"; also names the buttons ("Copy API Key").
    #[prop(into)]
    label: String,
    /// The secret itself.
    #[prop(into)]
    value: Signal<String>,
    /// A line under the label, e.g. the expiry.
    #[prop(into)]
    meta: Signal<String>,
    /// What the secret is for.
    #[prop(into)]
    description: String,
    /// Where "Copied" is announced (a shared `role="status"` region's text).
    announce: RwSignal<String>,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    // Each reveal restarts the countdown to hiding again.
    let auto_hide = Debouncer::new(Duration::from_secs(REVEAL_SECONDS));
    let copied = RwSignal::new(false);
    let label_id = unique_id("secret-label");
    let desc_id = unique_id("secret-desc");
    let value_id = unique_id("secret-value");

    let toggle = move |_| {
        if revealed.get_untracked() {
            revealed.set(false);
            return;
        }
        revealed.set(true);
        auto_hide.call(move || {
            let _ = revealed.try_set(false);
        });
    };

    let copy_label = label.clone();
    let copy = move |_| {
        let text = value.get_untracked();
        let what = copy_label.clone();
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => {
                    let _ =
                        announce.try_set(crate::tr!(secret_field.copied_to_clipboard, what = what));
                    let _ = copied.try_set(true);
                    set_timeout(
                        move || {
                            let _ = copied.try_set(false);
                        },
                        Duration::from_secs(3),
                    );
                }
                Err(()) => {
                    let _ = announce.try_set(crate::tr!(
                        secret_field.could_not_copy_the_reveal,
                        what = what
                    ));
                }
            }
        });
    };

    let shown = move || {
        let v = value.get();
        if revealed.get() {
            v
        } else {
            mask_secret(&v)
        }
    };
    let reveal_name = {
        let label = label.clone();
        move || {
            if revealed.get() {
                crate::tr!(secret_field.hide_2, label = label)
            } else {
                crate::tr!(secret_field.reveal_2, label = label)
            }
        }
    };

    let copy_name = crate::tr!(secret_field.copy_2, label = label);
    view! {
        <div class="oc-secret" role="group" aria-labelledby=label_id.clone() aria-describedby=desc_id.clone()>
            <div class="oc-secret__head">
                <span class="oc-secret__label" id=label_id.clone()>{label.clone()}</span>
                <span class="oc-secret__meta">{move || meta.get()}</span>
            </div>
            <p class="oc-secret__desc" id=desc_id.clone()>{description}</p>
            <div class="oc-secret__row">
                <code
                    class="oc-secret__value"
                    class:oc-secret__value--revealed=move || revealed.get()
                    id=value_id.clone()
                >
                    {shown}
                </code>
                <div class="oc-secret__actions">
                    <button
                        type="button"
                        class="oc-button oc-button--secondary oc-button--small"
                        aria-label=reveal_name
                        aria-controls=value_id.clone()
                        on:click=toggle
                    >
                        {move || if revealed.get() { {crate::tr!(secret_field.hide)} } else { {crate::tr!(secret_field.reveal)} }}
                    </button>
                    <button
                        type="button"
                        class="oc-button oc-button--secondary oc-button--small"
                        aria-label=copy_name
                        on:click=copy
                    >
                        {crate::tr!(secret_field.copy)}
                    </button>
                    <span class="oc-secret__copied" aria-hidden="true" class:oc-secret__copied--on=move || copied.get()>
                        {crate::tr!(secret_field.copied)}
                    </span>
                </div>
            </div>
        </div>
    }
}
