//! Folio's core: the interview model every writer consumes, the readers that
//! build it from real-world interviews, and the diagnostics they report.

pub mod datetime;
pub mod diagnostic;
pub mod model;
pub mod output;

pub use datetime::DateTime;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use model::*;
pub use output::{Paper, Rendered, output_date, source_date_epoch_from_env};
