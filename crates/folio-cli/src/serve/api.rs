//! The routes: the page, and the API's handlers. Each handler reads the
//! request, hands the work to the pool and answers; the work itself is in
//! `work.rs`.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};

use super::error::ApiError;
use super::state::Shared;
use super::submission::{self, Submission};
use super::work::{self, Written};
use super::{guard, openapi, page};

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/{file}", get(page::file))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi_document))
        .route("/api/schema.json", get(schema))
        .route("/api/inspect", post(inspect))
        .route("/api/convert", post(convert))
        .route("/api/book", post(book))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), guard::guard))
        .with_state(state)
}

async fn health(State(state): State<Shared>) -> Json<Value> {
    let limits = &state.limits;
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "limits": {
            "max_body_bytes": limits.max_body,
            "max_images": limits.max_images,
            "conversion_seconds": limits.conversion.as_secs_f64(),
            "max_requests": limits.max_requests,
            "read_timeout_seconds": limits.read.as_secs_f64(),
            "jobs": limits.jobs,
        }
    }))
}

async fn openapi_document() -> Json<Value> {
    Json(openapi::document())
}

async fn schema() -> Json<Value> {
    Json(folio_core::interview_schema())
}

async fn inspect(State(state): State<Shared>, request: Request) -> Result<Json<Value>, ApiError> {
    let submission = read_submission(&state, request).await?;
    let shared = state.clone();
    let value = work::in_pool(&state, move || inspect_now(&submission, &shared)).await?;
    Ok(Json(value))
}

fn inspect_now(submission: &Submission, state: &super::state::AppState) -> Result<Value, ApiError> {
    let upload = submission.single_interview()?;
    let (style, _) = work::house_style(submission, state)?;
    let options = work::read_options(submission, &style)?;
    let parsed = work::read(upload, &options)?;
    Ok(json!({
        "name": upload.name,
        "format": parsed.format.name(),
        "model": parsed.interview,
        "warnings": parsed.warnings,
        "roles": parsed.roles,
    }))
}

async fn convert(State(state): State<Shared>, request: Request) -> Result<Response, ApiError> {
    let submission = read_submission(&state, request).await?;
    // The folder belongs to this handler: it is removed when the answer is
    // sent, even if the conversion ran past its time and still runs.
    let folder = work::upload_folder(&submission)?;
    let (shared, uploads) = (state.clone(), folder.uploads());
    let written = work::in_pool(&state, move || {
        work::convert(&submission, &shared, &uploads)
    })
    .await;
    drop(folder);
    Ok(file_response(written?))
}

async fn book(State(state): State<Shared>, request: Request) -> Result<Response, ApiError> {
    let submission = read_submission(&state, request).await?;
    let folder = work::upload_folder(&submission)?;
    let (shared, uploads) = (state.clone(), folder.uploads());
    let written = work::in_pool(&state, move || work::book(&submission, &shared, &uploads)).await;
    drop(folder);
    Ok(file_response(written?))
}

fn file_response(written: Written) -> Response {
    let Written {
        file_name,
        content_type,
        bytes,
        warnings,
    } = written;
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert("x-folio-warnings", HeaderValue::from(warnings.len()));
    response
}

/// `attachment; filename="…"` in ASCII for old clients, and the name as
/// it is in `filename*` (RFC 6266).
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

async fn not_found(request: Request) -> Response {
    if request.uri().path().starts_with("/api/") {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!(
                "no such API call: {}; /api/openapi.json lists them",
                request.uri().path()
            ),
        )
        .into_response()
    } else {
        (StatusCode::NOT_FOUND, "not found").into_response()
    }
}

async fn method_not_allowed(request: Request) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{} does not take {}; /api/openapi.json lists the calls",
            request.uri().path(),
            request.method()
        ),
    )
    .into_response()
}

/// Reads a request's body within the size and time limits, then what it
/// holds. A body over the limit is still read, up to as much again, and
/// thrown away, so that a browser gets the 413 instead of a broken
/// connection; past that the connection is dropped.
async fn read_submission(state: &Shared, request: Request) -> Result<Submission, ApiError> {
    let limit = state.limits.max_body;
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let too_large = || {
        ApiError::too_large(format!(
            "the request is larger than {} (the server's --max-body)",
            megabytes(limit)
        ))
    };
    if declared.is_some_and(|length| length > limit.saturating_mul(2)) {
        return Err(too_large());
    }
    let read = tokio::time::timeout(state.limits.read, collect(body, limit)).await;
    let collected = match read {
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request's body did not arrive within {} s (the server's --read-timeout)",
                    state.limits.read.as_secs_f64()
                ),
            ));
        }
        Ok(Err(())) => {
            return Err(ApiError::bad_input("the request's body could not be read"));
        }
        Ok(Ok(None)) => return Err(too_large()),
        Ok(Ok(Some(bytes))) => bytes,
    };
    submission::parse(&parts.headers, parts.uri.query(), collected, &state.limits).await
}

/// The body, or `None` when it is longer than `limit` (read on, and thrown
/// away, up to `limit` more bytes).
async fn collect(mut body: Body, limit: usize) -> Result<Option<bytes::Bytes>, ()> {
    let mut kept = bytes::BytesMut::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ())?;
        if let Ok(data) = frame.into_data() {
            seen = seen.saturating_add(data.len());
            if seen <= limit {
                kept.extend_from_slice(&data);
            } else if seen > limit.saturating_mul(2) {
                return Ok(None);
            } else {
                kept.clear();
            }
        }
    }
    Ok((seen <= limit).then(|| kept.freeze()))
}

pub fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{} KB", bytes / 1024)
    }
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn download_names_survive_any_characters() {
        assert_eq!(
            content_disposition("seed.pdf"),
            "attachment; filename=\"seed.pdf\"; filename*=UTF-8''seed.pdf"
        );
        assert_eq!(
            content_disposition("Entretien à Paris.pdf"),
            "attachment; filename=\"Entretien _ Paris.pdf\"; filename*=UTF-8''Entretien%20%C3%A0%20Paris.pdf"
        );
    }
}
