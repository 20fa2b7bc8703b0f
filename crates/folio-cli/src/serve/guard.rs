//! What every request passes before a handler sees it: the host it names,
//! the token, the header that a foreign page cannot send, the limit on
//! requests at once, and the security headers on every answer.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::state::Shared;

/// The page's policy: its own script and style only, nothing fetched from
/// elsewhere, PDFs previewed from blobs the page made.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The header an API call must carry (or `Authorization`). A page of
/// another site can post a form or a plain-text body without asking, but
/// not with a header of its own choosing: the browser asks the server
/// first, and Folio never allows it.
pub const API_HEADER: &str = "x-folio";

pub async fn guard(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let is_api = path.starts_with("/api/");
    let mut response = match check(&state, request.method(), request.headers(), is_api) {
        Err(err) => err.into_response(),
        Ok(()) if is_api => match state.requests.clone().try_acquire_owned() {
            Ok(permit) => {
                let response = next.run(request).await;
                drop(permit);
                response
            }
            Err(_) => ApiError::busy(
                format!(
                    "Folio is already handling {} requests, its limit (--max-requests); try again in a moment",
                    state.limits.max_requests
                ),
                2,
            )
            .into_response(),
        },
        Ok(()) => next.run(request).await,
    };
    secure(response.headers_mut(), is_api);
    if !state.quiet {
        say!(
            "{method} {path} {} {:.0} ms",
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    response
}

fn check(
    state: &Shared,
    method: &Method,
    headers: &HeaderMap,
    is_api: bool,
) -> Result<(), ApiError> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if state.loopback && !is_loopback_host(host, state.port, &state.address) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "Folio answers only to http://{0}:{1}/ or http://localhost:{1}/ (the request named {host:?})",
                state.address, state.port
            ),
        ));
    }
    if !is_api {
        return Ok(());
    }
    if state.closing.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(ApiError::busy("Folio is shutting down", 5));
    }
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if let Some(token) = &state.token {
        let given = authorization
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .unwrap_or("");
        if !same_secret(given.as_bytes(), token.as_bytes()) {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "this Folio server needs its access token: send Authorization: Bearer TOKEN, the token folio serve was started with",
            ));
        }
    }
    if method != Method::GET && method != Method::HEAD {
        // Without a token, a browser may still add credentials of its own
        // (Basic auth it remembers): only the custom header proves a call
        // came from a page of this server or from a program.
        if state.token.is_none() && !headers.contains_key(API_HEADER) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "an API call must carry the header X-Folio: 1, so that another site's page cannot post to Folio",
            ));
        }
        // `Origin: null` comes from sandboxed frames and local files: as
        // foreign as any other site.
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
            && origin.split_once("://").map(|(_, rest)| rest) != Some(host)
        {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                format!("a call from another site's page ({origin}) is refused"),
            ));
        }
    }
    Ok(())
}

/// `localhost`, `127.0.0.1`, `[::1]` or the loopback address the server is
/// bound to (`127.0.0.2`), with this server's port or none.
fn is_loopback_host(host: &str, port: u16, own: &str) -> bool {
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(':') && !p.contains(']') => (name, Some(p)),
        _ => (host, None),
    };
    let name = name.to_ascii_lowercase();
    let name_ok = matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") || name == own;
    let port_ok = given_port.is_none_or(|p| p.parse::<u16>() == Ok(port));
    name_ok && port_ok
}

/// Compares a secret in time that does not depend on where it differs.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    given
        .iter()
        .zip(expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

fn secure(headers: &mut HeaderMap, is_api: bool) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if is_api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

#[cfg(test)]
mod tests {
    use super::{is_loopback_host, same_secret};

    #[test]
    fn only_loopback_names_with_our_port_pass() {
        let own = "127.0.0.1";
        assert!(is_loopback_host("127.0.0.1:8040", 8040, own));
        assert!(is_loopback_host("localhost:8040", 8040, own));
        assert!(is_loopback_host("LocalHost:8040", 8040, own));
        assert!(is_loopback_host("[::1]:8040", 8040, own));
        assert!(is_loopback_host("localhost", 8040, own));
        assert!(is_loopback_host("127.0.0.2:8040", 8040, "127.0.0.2"));
        assert!(!is_loopback_host("127.0.0.2:8040", 8040, own));
        assert!(!is_loopback_host("localhost:8041", 8040, own));
        assert!(!is_loopback_host("evil.example:8040", 8040, own));
        assert!(!is_loopback_host("127.0.0.1.evil.example:8040", 8040, own));
        assert!(!is_loopback_host("localhost.:8040", 8040, own));
        assert!(!is_loopback_host("", 8040, own));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abd", b"abc"));
        assert!(!same_secret(b"ab", b"abc"));
    }
}
