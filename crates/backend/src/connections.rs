//! The accept loop: hyper's HTTP/1 server with a header-read timeout (which also
//! closes idle keep-alive connections), a cap on open connections, the peer address
//! on every request (for the login throttle) and the Host check. `axum::serve` has
//! no knobs for the first two, and a client sending its headers one byte a minute
//! held a connection forever.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::header::HOST;
use axum::response::IntoResponse;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::error::ApiError;
use crate::host_check::AllowedHosts;

/// What bounds a connection.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Time to send a request's headers, counted from when the server waits for
    /// them: on a fresh connection, and after each answer on a keep-alive one.
    pub header_read_timeout: Duration,
    /// Open connections at most; one more is closed as soon as it is accepted.
    pub max_connections: usize,
}

/// How long open connections may finish their requests after a shutdown signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then lets open
/// connections finish (for [`SHUTDOWN_GRACE`] at most).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    hosts: AllowedHosts,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let hosts = Arc::new(hosts);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            tracing::warn!(
                max = limits.max_connections,
                "connection cap reached; closing a new connection"
            );
            drop(stream);
            continue;
        };
        let service = {
            let (router, hosts) = (router.clone(), hosts.clone());
            hyper::service::service_fn(move |req: Request<Incoming>| {
                handle(router.clone(), hosts.clone(), peer, req)
            })
        };
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _permit = permit;
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the shutdown grace period");
    }
}

/// One request: the Host check, the peer address, then the router.
async fn handle(
    router: Router,
    hosts: Arc<AllowedHosts>,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> Result<axum::response::Response, std::convert::Infallible> {
    let host = req.headers().get(HOST).and_then(|h| h.to_str().ok());
    if !hosts.allows(host) {
        return Ok(ApiError::invalid(
            "Host",
            "This server does not answer to this host name (see --public-host).",
        )
        .into_response());
    }
    let mut req = req.map(Body::new);
    req.extensions_mut().insert(ConnectInfo(peer));
    router.oneshot(req).await
}
