//! The API's errors: JSON `{"error", "file", "line", "column"}` with the
//! status that says whose fault it is. Bad input is never a 500, and no
//! error carries a backtrace or a path of the server's own.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::input::UsageError;

#[derive(Debug, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    /// Seconds after which a busy server may have room (`Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u64>,
    pub error: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            retry_after: None,
            error: message.into(),
            file: None,
            line: None,
            column: None,
        }
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn too_large(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, message)
    }

    pub fn unsupported(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
    }

    pub fn busy(message: impl Into<String>, retry_after: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after),
            ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, message)
        }
    }

    pub fn in_file(mut self, file: &str) -> Self {
        self.file = Some(file.to_string());
        self
    }

    /// An error from reading or converting `file`: a reader's error with
    /// its line and column, a usage error in the request's options, or a
    /// writer's refusal (a standard the input cannot meet) are the input's
    /// fault (400); only a failure of the server itself is a 500.
    pub fn from_conversion(err: &anyhow::Error, file: &str) -> Self {
        if let Some(core) = err.downcast_ref::<folio_core::Error>() {
            let mut api = ApiError::bad_input(core.to_string()).in_file(file);
            if let Some(location) = core.location() {
                api.line = Some(location.line);
                api.column = Some(location.column);
            } else if let folio_core::Error::NotUtf8 { line, .. } = core {
                api.line = Some(*line);
            }
            return api;
        }
        if err.downcast_ref::<UsageError>().is_some() {
            return ApiError::bad_input(err.to_string());
        }
        let writer_refused = err.downcast_ref::<folio_pdf::PdfError>().is_some()
            || err.downcast_ref::<folio_docx::DocxError>().is_some()
            || err.downcast_ref::<folio_epub::EpubError>().is_some();
        if writer_refused {
            return ApiError::bad_input(format!("{err:#}")).in_file(file);
        }
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Folio failed while converting; the server's log has the details",
        )
        .in_file(file)
    }
}

impl From<UsageError> for ApiError {
    fn from(err: UsageError) -> Self {
        ApiError::bad_input(err.0)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"folio\""),
            );
        }
        response
    }
}
