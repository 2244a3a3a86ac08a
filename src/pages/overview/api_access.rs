//! The API Access card: the session token, the API key and the player key (where
//! the role may see them), and the security disclaimer.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::icons::IconWarning;
use crate::components::secret_field::SecretField;
use crate::domain::time::format_utc;
use crate::session::use_session;

/// The keys the role may see, each masked until revealed.
#[component]
pub fn ApiAccessSection(api_key: Option<String>, player_key: Option<String>) -> impl IntoView {
    let session = use_session();
    let announce = RwSignal::new(String::new());
    let token = Signal::derive(move || session.token().unwrap_or_default());
    let expiry = Signal::derive(move || {
        session
            .me()
            .map(|m| format!("Expires {}", format_utc(&m.token_expires_at)))
            .unwrap_or_default()
    });
    view! {
        <Card title="API Access" subtitle="Security tokens and keys your role may use with the bintu API.">
            <div class="oc-secrets">
                <SecretField
                    label="Bintu Token"
                    value=token
                    meta=expiry
                    description="Session token generated at login; required for most dashboard actions."
                    announce=announce
                />
                {[
                    ("API Key", api_key, "Master key with access to all API features. Handle with extreme care."),
                    ("Player Key", player_key, "Used for embedding and controlling the nanoPlayer securely."),
                ]
                .into_iter()
                .filter_map(|(label, key, description)| key.map(|k| view! {
                    <SecretField
                        label=label
                        value=Signal::stored(k)
                        meta=Signal::stored("No expiry".to_string())
                        description=description
                        announce=announce
                    />
                }))
                .collect_view()}
            </div>
            <p class="oc-visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            <div class="oc-callout oc-callout--warning" role="note" aria-labelledby="oc-disclaimer-title">
                <IconWarning/>
                <div>
                    <p class="oc-callout__title" id="oc-disclaimer-title">"Security Disclaimer"</p>
                    <p>
                        "API keys are sensitive credentials. Do not share them in public environments "
                        "(e.g., GitHub, client-side JavaScript, forums). Always follow best practices "
                        "and limit access scopes where possible."
                    </p>
                </div>
            </div>
        </Card>
    }
}
