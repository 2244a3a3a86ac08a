//! The reference bintu-style backend: the organisation admin API over SQLite, plus
//! the built console with strict security headers.
//!
//! [`app`] opens the database (migrating and seeding it) and builds the router;
//! [`serve`] runs it until Ctrl-C; [`spawn`] runs it in the background, which is
//! what the integration tests use (port 0, `:memory:`).

pub mod api_doc;
pub mod banner;
pub mod body_rules;
pub mod caller;
pub mod client_addr;
pub mod clock;
pub mod config;
pub mod connections;
pub mod console;
pub mod cors;
pub mod crypto;
pub mod db;
pub mod error;
pub mod extract;
pub mod guards;
pub mod handlers;
pub mod hash_queue;
pub mod host_check;
pub mod log_path;
pub mod paging;
pub mod routes;
pub mod security;
pub mod seed;
pub mod seed_history;
pub mod shed_report;
pub mod state;
pub mod throttle;
pub mod webhook_delivery;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::{Extension, Router};
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

pub use config::Config;

use crate::clock::Clock;
use crate::connections::ConnectionLimits;
use crate::db::Db;
use crate::extract::BodyLimit;
use crate::hash_queue::HashQueue;
use crate::host_check::AllowedHosts;
use crate::state::AppState;
use crate::throttle::LoginThrottle;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("configuration: {0}")]
    Config(String),
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

/// A ready-to-serve application.
pub struct App {
    pub router: Router,
    pub state: AppState,
    /// The normalised API prefix, e.g. `/api`.
    pub api_prefix: String,
    /// Whether the demo organisation was seeded by this start.
    pub seeded: bool,
    /// The CSP every answer carries.
    pub csp: String,
}

/// Opens (migrates, seeds) the database and builds the whole router.
pub fn app(config: &Config) -> Result<App, StartError> {
    let prefix = config.normalised_prefix().map_err(StartError::Config)?;
    security::check_frame_ancestors(&config.frame_ancestors).map_err(StartError::Config)?;
    let token_ttl_secs = i64::try_from(config.token_ttl_secs)
        .ok()
        .filter(|t| *t > 0)
        .ok_or_else(|| StartError::Config("--token-ttl-secs must be positive".into()))?;

    let db = Db::open(&config.db)?;
    let clock = Arc::new(Clock::new());
    let now = clock.now();
    let seeded = db.run_sync(|conn| -> rusqlite::Result<bool> {
        if seed::is_empty(conn)? {
            seed::seed_demo(conn, now)?;
            Ok(true)
        } else {
            Ok(false)
        }
    })?;
    if config.seed_users > 0 {
        let added = db.run_sync(|conn| seed::seed_synthetic_users(conn, config.seed_users, now))?;
        tracing::info!(added, "synthetic users seeded");
    }

    let state = AppState {
        db,
        clock: clock.clone(),
        token_ttl_secs,
        dummy_hash: crypto::hash_password(&crypto::new_token()).into(),
        login_throttle: Arc::new(LoginThrottle::new(
            clock.clone(),
            config.account_throttle,
            config.address_throttle,
        )),
        hash_queue: HashQueue::with_report_interval(
            config.hash_workers,
            config.hash_waiting,
            config.shed_report_interval,
        ),
        allow_internal_webhooks: config.allow_internal_webhooks,
    };

    let cors_origins = config
        .cors_origins
        .iter()
        .map(|o| cors::parse_origin(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StartError::Config)?;
    let cors_origins = cors::AllowedOrigins::new(cors_origins);

    let script_hashes = console::index_html(&config.dist)
        .map(|html| security::inline_script_hashes(&html))
        .unwrap_or_default();
    let csp = security::content_security_policy(&script_hashes, None, &config.frame_ancestors);
    let csp_value = HeaderValue::from_str(&csp)
        .map_err(|_| StartError::Config("the CSP is not a valid header value".into()))?;

    let mut router = Router::new()
        .route("/config.json", config_json(prefix.clone()))
        .nest(&prefix, api_router(state.clone(), &prefix, config))
        .merge(console::router(&config.dist));
    // The API and the console's files alike: a host page on a listed origin imports
    // `/org-console.js` and fetches the wasm with CORS.
    if !cors_origins.is_empty() {
        router = router.layer(axum::middleware::from_fn(move |req, next| {
            cors::middleware(cors_origins.clone(), req, next)
        }));
    }
    let mut router = router.layer(SetResponseHeaderLayer::overriding(
        CONTENT_SECURITY_POLICY,
        csp_value,
    ));
    for (name, value) in org_console_serving::headers::HARDENING {
        let name = axum::http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| StartError::Config(format!("{name} is not a header name")))?;
        router = router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    let router = router
        // Inside the trace layer, so timed-out requests are logged with their 408.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(RequestBodyTimeoutLayer::new(config.body_read_timeout))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO))
                // Each answer is logged once above, at INFO, with its status. A 5xx is
                // not an ERROR by itself: a 503 of the hashing queue is refusal by
                // design (summed up by `shed_report`), and a real failure is logged
                // as ERROR where it happens (`ApiError::Internal`).
                .on_failure(()),
        );

    Ok(App {
        router,
        state,
        api_prefix: prefix,
        seeded,
        csp,
    })
}

/// The API below the prefix: every route of [`routes::api_routes`], JSON envelopes
/// for unknown paths and methods, the body limit, and `Cache-Control: no-store`.
fn api_router(state: AppState, prefix: &str, config: &Config) -> Router {
    let mut api = Router::new();
    for route in routes::api_routes(prefix, config.test_hooks) {
        api = api.route(route.path, route.handler);
    }
    api.fallback(handlers::meta::api_not_found)
        .method_not_allowed_fallback(handlers::meta::api_method_not_allowed)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(Extension(BodyLimit(config.body_limit)))
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// `GET /config.json`: tells the console where the API is; revalidated by ETag like
/// index.html.
fn config_json(prefix: String) -> axum::routing::MethodRouter {
    let body = serde_json::json!({ "apiBaseUrl": prefix }).to_string();
    console::generated_file("application/json", body.into_bytes())
}

/// Request logging: method, path (never the query, headers or body; invite tokens
/// masked and long paths cut, see [`log_path`]), status and latency.
fn request_span(req: &Request) -> tracing::Span {
    tracing::info_span!("http", method = %req.method(), path = %log_path::for_log(req.uri().path()))
}

/// Binds `config.host:config.port` and returns the listener with what bounds its
/// connections and the Host names it answers.
async fn bind(
    config: &Config,
) -> Result<(TcpListener, AllowedHosts, ConnectionLimits), StartError> {
    let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let hosts = AllowedHosts::new(listener.local_addr()?, &config.public_hosts);
    let limits = ConnectionLimits {
        header_read_timeout: config.header_read_timeout,
        max_connections: config.max_connections,
    };
    Ok((listener, hosts, limits))
}

/// Builds the app, binds `config.host:config.port` and serves in the background;
/// returns the bound address (tests pass port 0).
pub async fn spawn(config: Config) -> Result<(SocketAddr, App), StartError> {
    let app = app(&config)?;
    let (listener, hosts, limits) = bind(&config).await?;
    let addr = listener.local_addr()?;
    let router = app.router.clone();
    tokio::spawn(connections::serve(
        listener,
        router,
        hosts,
        limits,
        std::future::pending(),
    ));
    Ok((addr, app))
}

/// Builds the app, prints where it listens (and the demo logins when it has just
/// seeded them), and serves until Ctrl-C (or SIGTERM).
pub async fn serve(config: Config) -> Result<(), StartError> {
    let started = std::time::Instant::now();
    let app = app(&config)?;
    let (listener, hosts, limits) = bind(&config).await?;
    let addr = listener.local_addr()?;
    let dist = config.dist.display().to_string();
    println!(
        "{}",
        banner::banner(&banner::Facts {
            addr,
            api_prefix: &app.api_prefix,
            db: &config.db,
            seeded: app.seeded,
            test_hooks: config.test_hooks,
            internal_webhooks: config.allow_internal_webhooks,
            missing_console: console::index_html(&config.dist)
                .is_none()
                .then_some(dist.as_str()),
            took: started.elapsed(),
        })
    );
    connections::serve(listener, app.router, hosts, limits, shutdown_signal()).await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
