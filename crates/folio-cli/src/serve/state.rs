//! What every request shares: the limits, the token, the pools.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use folio_core::HouseStyle;
use tokio::sync::Semaphore;

/// The server's limits, each set by a flag of `folio serve`.
#[derive(Debug, Clone)]
pub struct Limits {
    /// `--max-body`, in bytes.
    pub max_body: usize,
    /// `--max-images`.
    pub max_images: usize,
    /// `--timeout`: the longest a conversion may take, waiting for a free
    /// core included.
    pub conversion: Duration,
    /// `--max-requests`.
    pub max_requests: usize,
    /// `--read-timeout`: for a request's headers, and again for its body.
    pub read: Duration,
    /// `--jobs`: conversions at once.
    pub jobs: usize,
}

#[derive(Debug)]
pub struct AppState {
    pub limits: Limits,
    /// `--token`: every API call must carry it.
    pub token: Option<String>,
    /// Bound to loopback: requests must then name the server by a loopback
    /// name in `Host`, so a page of another site whose name was pointed at
    /// 127.0.0.1 (DNS rebinding) cannot reach the API.
    pub loopback: bool,
    /// The address bound, as a URL writes it (`127.0.0.1`, `[::1]`).
    pub address: String,
    pub port: u16,
    /// Requests being handled; one permit each.
    pub requests: Arc<Semaphore>,
    /// Conversions running; one permit each, as many as `--jobs`.
    pub pool: Arc<Semaphore>,
    /// Set at Ctrl-C or SIGTERM: new requests are refused while the
    /// running ones finish.
    pub closing: AtomicBool,
    /// `--style`, or `folio.toml` in the folder the server started in.
    pub style: HouseStyle,
    pub source_date_epoch: Option<i64>,
    pub quiet: bool,
}

pub type Shared = Arc<AppState>;
