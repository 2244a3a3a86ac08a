//! "Export CSV" on User Management: every user the current filter, search and sort
//! select (all pages), fetched page by page with progress, built into one CSV file
//! and downloaded through an object URL. The button is on the page; what it runs is
//! in a wasm chunk of its own, fetched with the first click ([`exporter`]).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bintu_wire::Role;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::error_text::user_message;
use crate::api::{use_api, users, ApiClient, ApiError};
use crate::components::lazy_page::ChunkError;
use crate::components::unique_id;
use crate::domain::users_export::{self, page_query, progress_text, push_users, FILE_NAME};
use crate::domain::users_view::UsersView;

/// Where an export stands.
#[derive(Debug, Clone, PartialEq)]
enum ExportState {
    Idle,
    Running { done: u64, total: u64 },
    Done(u64),
    Failed(String),
}

/// The export button, its progress line and, after a failure, the retry.
#[component]
pub fn UsersExport(view: Memo<UsersView>, #[prop(into)] roles: Signal<Vec<Role>>) -> impl IntoView {
    let api = use_api();
    let state = RwSignal::new(ExportState::Idle);
    let hint_id = unique_id("export-hint");
    let running = move || matches!(state.get(), ExportState::Running { .. });
    let start = move || {
        if matches!(state.get_untracked(), ExportState::Running { .. }) {
            return;
        }
        let (api, view, roles) = (api.clone(), view.get_untracked(), roles.get_untracked());
        state.set(ExportState::Running { done: 0, total: 0 });
        leptos::task::spawn_local(async move {
            let job = ExportJob {
                api,
                view,
                roles,
                state,
            };
            let outcome = match exporter().await {
                Ok(run) => run(job).await,
                Err(_) => {
                    ExportState::Failed(crate::tr!(lazy_page.part_could_not_be_loaded).into())
                }
            };
            // The page may be gone by now (the user went elsewhere).
            let _ = state.try_set(outcome);
        });
    };
    let start_again = start.clone();
    view! {
        <div class="oc-export">
            <button
                type="button"
                class="oc-button oc-button--secondary"
                aria-describedby=hint_id.clone()
                disabled=running
                on:click=move |_| start()
            >
                {crate::tr!(users_export.export_csv)}
            </button>
            <span class="oc-visually-hidden" id=hint_id>{crate::tr!(users_export.downloads_every_user_of_the)}</span>
            <p class="oc-export__status" role="status">
                {move || match state.get() {
                    ExportState::Running { total: 0, .. } => {crate::tr!(users_export.exporting)}.to_string(),
                    ExportState::Running { done, total } => progress_text(done, total),
                    ExportState::Done(n) => crate::tr_count!(users_export.exported_users_to, n, file = FILE_NAME),
                    _ => String::new(),
                }}
            </p>
            <div class="oc-export__error" role="alert">
                {move || match state.get() {
                    ExportState::Failed(why) => {
                        let again = start_again.clone();
                        Some(view! {
                            <p class="oc-alert oc-alert--error">{crate::tr!(users_export.the_export_stopped_and_nothing, why = why)}</p>
                            <button type="button" class="oc-button oc-button--secondary oc-button--small" on:click=move |_| again()>{crate::tr!(users_export.retry_export)}</button>
                        })
                    }
                    _ => None,
                }}
            </div>
        </div>
    }
}

/// What an export needs.
struct ExportJob {
    api: ApiClient,
    view: UsersView,
    roles: Vec<Role>,
    state: RwSignal<ExportState>,
}

type RunExport = fn(ExportJob) -> Pin<Box<dyn Future<Output = ExportState>>>;

/// The export itself (the fetching, the CSV, the download) in a wasm chunk of its
/// own, loaded with the first click: most visits to the list never export.
#[leptos::wasm_split::wasm_split(users_export, wasm_split_path = ::leptos::wasm_split, fallible)]
fn exporter() -> Result<RunExport, ChunkError> {
    Ok(|job| Box::pin(run(job)))
}

async fn run(job: ExportJob) -> ExportState {
    match collect(&job.api, &job.view, &job.roles, job.state).await {
        Ok((csv, rows)) => match download(&csv) {
            Ok(()) => ExportState::Done(rows),
            Err(why) => ExportState::Failed(why),
        },
        Err(e) => ExportState::Failed(user_message(&e)),
    }
}

/// Fetches every page of `view`'s users and builds the file; updates `state` after
/// each page and gives the browser a turn between pages, so the page stays
/// responsive however many users there are. Answers the file and its row count.
async fn collect(
    api: &ApiClient,
    view: &UsersView,
    roles: &[Role],
    state: RwSignal<ExportState>,
) -> Result<(String, u64), ApiError> {
    let mut out = users_export::start();
    let (mut page, mut done) = (1u32, 0u64);
    loop {
        let got = users::list(api, &page_query(view, page)).await?;
        push_users(&mut out, &got.items, roles);
        done += got.items.len() as u64;
        let _ = state.try_set(ExportState::Running {
            done,
            total: got.total,
        });
        if got.items.is_empty() || page >= got.page_count() {
            return Ok((out, done));
        }
        page += 1;
        next_turn().await;
    }
}

/// Resolves on the next turn of the event loop (a zero-delay timeout), so rendering
/// and input run between two pages of the export.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if scheduled != Some(true) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Offers `csv` as the download `users.csv`: a Blob behind an object URL, clicked
/// through a detached link, the URL revoked once the browser has taken the file.
fn download(csv: &str) -> Result<(), String> {
    let fail = |what: &str| crate::tr!(users_export.the_browser_could_not, what = what);
    let parts = js_sys::Array::of1(&JsValue::from_str(csv));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail(crate::tr!(users_export.build_the_file)))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail(crate::tr!(users_export.offer_the_file)))?;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail(crate::tr!(users_export.offer_the_file)))?;
    link.set_href(&url);
    link.set_download(FILE_NAME);
    link.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
    Ok(())
}
