//! Folio's core: the interview model every writer consumes, the readers that
//! build it from real-world interviews, and the diagnostics they report.
//!
//! ```no_run
//! let parsed = folio_core::read_path("interview.md".as_ref(), &Default::default())?;
//! for warning in &parsed.warnings {
//!     eprintln!("{warning}");
//! }
//! println!("{} turns", parsed.interview.turns.len());
//! # Ok::<(), folio_core::Error>(())
//! ```

pub mod anthology;
pub mod archive;
mod assemble;
mod credits;
pub mod datetime;
pub mod diagnostic;
pub mod error;
mod figures;
mod identifier;
mod image_paths;
pub mod image_source;
mod language;
mod link;
pub mod model;
mod normalise;
pub mod output;
mod overrides;
mod participants;
mod pdf_standard;
pub mod read;
mod schema;
mod source;
pub mod style;
pub mod terms;
mod typography;
pub mod xml;

pub use anthology::{Anthology, BookOrder};
pub use assemble::{Certainty, RoleEvidence};
pub use credits::DateLine;
pub use datetime::DateTime;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use error::{Error, Location};
pub use identifier::stable_identifier;
pub use image_paths::UploadedImages;
pub use image_source::{ImageAccess, MAX_IMAGE_BYTES, read_image_source};
pub use language::{CjkVariant, Direction, Language, infer_language};
pub use link::link_target;
pub use model::*;
pub use output::{Paper, Rendered, WriterOptions, output_date, source_date_epoch_from_env};
pub use overrides::{METADATA_KEYS, apply_metadata};
pub use participants::Participant;
pub use pdf_standard::{PDF_STANDARD_NAMES, PdfA, PdfStandards};
pub use read::{InputFormat, Parsed, ReadOptions, Timestamps, read_bytes, read_path};
pub use schema::interview_schema;
pub use style::{DEFAULT_STYLE_TOML, HouseStyle, LabelCase, LabelText};
pub use terms::Terms;
