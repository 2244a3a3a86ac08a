//! The activity log's user filter: an email, looked up among the organisation's
//! users, becomes the log's `user` filter (an id, as the API takes it). The field is
//! on the page; the lookup (the users list's request and its query) is in a wasm chunk
//! of its own, fetched with the first submit ([`lookup`]): most visits never filter.

use std::future::Future;
use std::pin::Pin;

use bintu_wire::UserQuery;
use leptos::prelude::*;

use crate::api::error_text::user_message;
use crate::api::{use_api, users, ApiClient, ApiError};
use crate::components::lazy_page::ChunkError;
use crate::components::status::FormError;
use crate::components::unique_id;
use crate::domain::activity_view::user_with_email;

/// How many users a search for the email may find before the exact one is picked
/// (the search matches substrings: "anna@x" also finds "joanna@x").
const CANDIDATES: u32 = 100;

/// An email field and a "Filter" button; `on_user` gets the id of the user found.
#[component]
pub fn ActivityUserFilter(#[prop(into)] on_user: Callback<i64>) -> impl IntoView {
    let api = use_api();
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input_id = unique_id("activity-user");
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let wanted = email.get_untracked().trim().to_string();
        if wanted.is_empty() {
            error.set(Some(
                crate::tr!(activity_user_filter.enter_the_email_of_a).to_string(),
            ));
            return;
        }
        error.set(None);
        busy.set(true);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let found = match lookup().await {
                Ok(find) => find(api, wanted.clone())
                    .await
                    .map_err(|e| user_message(&e)),
                Err(_) => Err(crate::tr!(lazy_page.part_could_not_be_loaded).into()),
            };
            busy.try_set(false);
            match found {
                Ok(Some(id)) => {
                    email.try_set(String::new());
                    on_user.run(id);
                }
                Ok(None) => {
                    error.try_set(Some(crate::tr!(
                        activity_user_filter.no_user_has_the_email,
                        wanted = wanted
                    )));
                }
                Err(message) => {
                    error.try_set(Some(message));
                }
            }
        });
    };
    view! {
        <form class="oc-activity-user" role="search" aria-label={crate::tr!(activity_user_filter.activity_of_one_user)} on:submit=on_submit novalidate>
            <div class="oc-field">
                <label class="oc-label" for=input_id.clone()>{crate::tr!(activity_user_filter.user)}</label>
                <div class="oc-activity-user__row">
                    <input
                        id=input_id
                        class="oc-input"
                        type="email"
                        placeholder={crate::tr!(activity_user_filter.name_example_com)}
                        autocomplete="off"
                        prop:value=move || email.get()
                        on:input=move |ev| email.set(event_target_value(&ev))
                    />
                    <button type="submit" class="oc-button oc-button--secondary" disabled=move || busy.get()>
                        {crate::tr!(activity_user_filter.filter)}
                    </button>
                </div>
            </div>
            <FormError error=error/>
        </form>
    }
}

/// The id of the user with an email, if there is one.
type FindUser =
    fn(ApiClient, String) -> Pin<Box<dyn Future<Output = Result<Option<i64>, ApiError>>>>;

/// The lookup, in a wasm chunk of its own, loaded with the first submit.
#[leptos::wasm_split::wasm_split(user_lookup, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lookup() -> Result<FindUser, ChunkError> {
    Ok(|api, email| {
        Box::pin(async move {
            let query = UserQuery {
                q: Some(email.clone()),
                page_size: Some(CANDIDATES),
                ..Default::default()
            };
            let page = users::list(&api, &query).await?;
            Ok(user_with_email(&page.items, &email))
        })
    })
}
