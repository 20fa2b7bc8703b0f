//! What the examples share: writing a rendered PDF and reporting the outcome.

use std::process::ExitCode;

use folio_core::Rendered;
use folio_pdf::PdfError;

/// Prints the warnings, writes the file, and turns the outcome into an exit code.
pub fn write_rendered(result: Result<Rendered, PdfError>, output: &str) -> ExitCode {
    match result {
        Ok(rendered) => {
            for w in &rendered.warnings {
                eprintln!("warning: {w}");
            }
            if let Err(e) = std::fs::write(output, rendered.bytes) {
                eprintln!("{output}: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
