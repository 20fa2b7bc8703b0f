//! The page, embedded in the binary: it works offline and fetches nothing.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Every file of the page (`page/`), by the name it is served under;
/// `build.rs` lists them.
const ASSETS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/page_assets.rs"));

const ICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#9e1f1f\"/><path d=\"M5 3h7v2H7v2h4v2H7v4H5z\" fill=\"#fff\"/></svg>";

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn asset(name: &str) -> Response {
    let found = ASSETS
        .iter()
        .copied()
        .chain([("favicon.svg", ICON)])
        .find(|(asset, _)| *asset == name);
    match found {
        Some((_, body)) => {
            let mut response = (*body).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(name)),
            );
            response
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

pub async fn index() -> Response {
    asset("index.html")
}

pub async fn file(Path(name): Path<String>) -> Response {
    asset(&name)
}
