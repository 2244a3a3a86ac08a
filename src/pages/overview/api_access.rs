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
            .map(|m| {
                crate::tr!(
                    overview_api_access.expires,
                    token_expires_at = format_utc(&m.token_expires_at)
                )
            })
            .unwrap_or_default()
    });
    view! {
        <Card title={crate::tr!(overview_api_access.api_access)} subtitle={crate::tr!(overview_api_access.security_tokens_and_keys_your)}>
            <div class="oc-secrets">
                <SecretField
                    label={crate::tr!(overview_api_access.bintu_token)}
                    value=token
                    meta=expiry
                    description={crate::tr!(overview_api_access.session_token_generated_at_login)}
                    announce=announce
                />
                {[
                    ({crate::tr!(overview_api_access.api_key)}, api_key, {crate::tr!(overview_api_access.master_key_with_access_to)}),
                    ({crate::tr!(overview_api_access.player_key)}, player_key, {crate::tr!(overview_api_access.used_for_embedding_and_controlling)}),
                ]
                .into_iter()
                .filter_map(|(label, key, description)| key.map(|k| view! {
                    <SecretField
                        label=label
                        value=Signal::stored(k)
                        meta=Signal::stored({crate::tr!(overview_api_access.no_expiry)}.to_string())
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
                    <p class="oc-callout__title" id="oc-disclaimer-title">{crate::tr!(overview_api_access.security_disclaimer)}</p>
                    <p>
                        {crate::tr!(overview_api_access.api_keys_are_sensitive_credentials)}
                        {crate::tr!(overview_api_access.e_g_github_client_side)}
                        {crate::tr!(overview_api_access.and_limit_access_scopes_where)}
                    </p>
                </div>
            </div>
        </Card>
    }
}
