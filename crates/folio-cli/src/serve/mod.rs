//! `folio serve`: the page and the HTTP API on one port. The server is thin
//! like the command line: it reads requests, calls the same readers and
//! writers with the same options, and answers.

/// A line on standard error, which may have been closed: never a reason
/// for the server to stop.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod api;
mod error;
mod guard;
mod openapi;
mod page;
mod state;
mod submission;
mod work;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::cli::ServeArgs;
use crate::input::UsageError;
use state::{AppState, Limits};

pub fn run(args: &ServeArgs) -> Result<()> {
    let limits = limits(args)?;
    if !args.bind.is_loopback() && args.token.as_deref().is_none_or(str::is_empty) {
        bail!(UsageError(format!(
            "--bind {} lets other computers reach Folio: it needs --token (or FOLIO_TOKEN), which every API call must then carry",
            args.bind
        )));
    }
    if args.token.as_deref().is_some_and(|t| t.trim().len() < 16) {
        bail!(UsageError(
            "--token must be at least 16 characters, so that it cannot be guessed".into()
        ));
    }
    let style = crate::style::resolve(args.style.as_deref())?;
    let source_date_epoch = crate::convert::source_date_epoch()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(limits.jobs.max(1) * 2 + 2)
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    let result = runtime.block_on(serve(args, limits, style, source_date_epoch));
    // A conversion past its time may still run on its thread; serve()
    // already gave the running requests their time, so the process does
    // not wait for it.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

fn limits(args: &ServeArgs) -> Result<Limits> {
    let positive = |value: f64, flag: &str| -> Result<Duration> {
        if value.is_finite() && value > 0.0 && value < 86_400.0 {
            Ok(Duration::from_secs_f64(value))
        } else {
            bail!(UsageError(format!(
                "{flag} must be a number of seconds above 0 and below a day, got {value}"
            )))
        }
    };
    if !(args.max_body.is_finite() && args.max_body > 0.0 && args.max_body <= 4096.0) {
        bail!(UsageError(format!(
            "--max-body must be a number of megabytes above 0 and at most 4096, got {}",
            args.max_body
        )));
    }
    if args.max_requests == 0 {
        bail!(UsageError("--max-requests must be at least 1".into()));
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    Ok(Limits {
        max_body: (args.max_body * 1024.0 * 1024.0) as usize,
        max_images: args.max_images,
        conversion: positive(args.timeout, "--timeout")?,
        max_requests: args.max_requests,
        read: positive(args.read_timeout, "--read-timeout")?,
        jobs: match args.jobs {
            None | Some(0) => cores,
            Some(n) => n.min(256),
        },
    })
}

async fn serve(
    args: &ServeArgs,
    limits: Limits,
    style: folio_core::HouseStyle,
    source_date_epoch: Option<i64>,
) -> Result<()> {
    let address = SocketAddr::new(args.bind, args.port);
    let listener = TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    let bound = listener.local_addr().context("cannot tell the port")?;
    let host = match bound.ip() {
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        std::net::IpAddr::V4(ip) => ip.to_string(),
    };
    let state = Arc::new(AppState {
        requests: Arc::new(Semaphore::new(limits.max_requests)),
        pool: Arc::new(Semaphore::new(limits.jobs)),
        limits,
        token: args.token.clone().filter(|t| !t.is_empty()),
        loopback: args.bind.is_loopback(),
        address: host.clone(),
        port: bound.port(),
        closing: AtomicBool::new(false),
        style,
        source_date_epoch,
        quiet: args.quiet,
    });
    let url = format!("http://{host}:{}/", bound.port());
    if !args.bind.is_loopback() {
        say!(
            "warning: Folio listens on {bound}: other computers can reach it; API calls need the token"
        );
    }
    // Written, not printed: a supervisor that closed our standard output
    // must not stop the server.
    {
        use std::io::{IsTerminal as _, Write as _};
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "Folio is serving on {url}");
        // The token goes in the page's address after `#`, which the browser
        // never sends: the page reads it and keeps it. It is shown only on
        // a terminal, never into a log.
        let page = match &state.token {
            Some(token) if std::io::stdout().is_terminal() => format!("{url}#token={token}"),
            Some(_) => format!("{url} (the page asks for the token)"),
            None => url.clone(),
        };
        let _ = writeln!(out, "Open {page} in a browser; press Ctrl-C to stop.");
        let _ = out.flush();
    }
    // The browser gets the address without the token: another user of
    // this computer could read it in the process list of the opener.
    if args.open
        && let Err(err) = open::that_detached(&url)
    {
        say!("warning: cannot open a browser ({err}); open {url} yourself");
    }

    let router = api::router(state.clone());
    let graceful = GracefulShutdown::new();
    // Connections open at once: each costs memory even when idle, and a
    // client that never reads its answers keeps one.
    let connections = Arc::new(Semaphore::new(state.limits.max_requests.saturating_mul(4)));
    let mut stop = std::pin::pin!(stop_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(err) => {
                        // Out of file descriptors, say: wait rather than spin.
                        say!("warning: cannot accept a connection: {err}");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let Ok(permit) = connections.clone().try_acquire_owned() else {
                    // Too many open: closed at once, before a byte is read.
                    drop(stream);
                    continue;
                };
                let service = TowerToHyperService::new(router.clone());
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(state.limits.read)
                    .serve_connection(TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                    drop(permit);
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    state.closing.store(true, Ordering::SeqCst);
    say!("stopping: new requests are refused; waiting for those running to finish");
    let patience = state.limits.conversion + state.limits.read + Duration::from_secs(5);
    tokio::select! {
        () = graceful.shutdown() => say!("stopped"),
        () = tokio::time::sleep(patience) => say!("stopped, leaving requests that did not finish within {} s", patience.as_secs()),
    }
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
