//! Folio's DOCX writer: an interview as a Word document an editor can
//! restyle in one click.
//!
//! Every paragraph and every special run carries a named style from
//! `styles.xml` (or from the user's reference document), so changing
//! "Question" once changes every question. The body is built with docx-rs;
//! the parts docx-rs cannot express (styles, core properties, languages,
//! stable ids) are patched afterwards and the package is zipped again with
//! fixed timestamps, so the same input always gives the same bytes.
//!
//! The house style (`folio.toml`) shapes those named styles: fonts, base
//! size, label and question colours, label case, page margins; the label
//! text (as printed or full names) is chosen in the body. [`docx_book`]
//! writes several interviews as one book with a title page and contents.

mod body;
mod book;
mod error;
mod fixes;
mod images;
mod inline;
mod language;
mod lists;
mod locale;
mod merge;
mod package;
mod page;
mod parts;
mod schema_order;
pub mod style;
mod template;
mod toc;
mod xml_text;

use std::collections::BTreeMap;

use folio_core::{Interview, Meta, Rendered, WriterOptions};

pub use book::docx_book;
pub use error::DocxError;
pub use language::LanguageSlots;

/// How to write the DOCX.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {
    /// Paper, house style, image folder and output date, as every writer
    /// has them. A reference DOCX's styles and page setup win over the
    /// house style's.
    pub common: WriterOptions,
    /// Bytes of a user's `.docx` whose styles, page setup, header and footer
    /// replace Folio's own (pandoc's `--reference-doc`).
    pub reference_docx: Option<Vec<u8>>,
    /// Image bytes already loaded, keyed by the figure's `src` exactly as
    /// written in the model; these win over reading from `base_dir`.
    pub images: BTreeMap<String, Vec<u8>>,
}

/// Reads a `--reference-docx` file for [`DocxOptions::reference_docx`], with
/// an error that names the file when it is missing or unreadable.
pub fn read_reference_docx(path: &std::path::Path) -> Result<Vec<u8>, DocxError> {
    std::fs::read(path).map_err(|source| DocxError::TemplateUnreadable {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `interview` as a DOCX package.
pub fn docx(interview: &Interview, options: &DocxOptions) -> Result<Rendered, DocxError> {
    let template = read_template(options)?;
    let built = body::build(interview, options);
    let slots = LanguageSlots::for_language(&interview.meta.language);
    // What the page cannot print (speakers' roles and names, metadata,
    // image paths) rides along for Folio's DOCX reader.
    let custom = folio_core::read::docx::custom_properties_xml(
        interview,
        &locale::dates_line(&interview.meta),
    );
    package(
        built,
        &interview.meta,
        &slots,
        options,
        template.as_ref(),
        Some(custom),
    )
}

fn read_template(options: &DocxOptions) -> Result<Option<template::Template>, DocxError> {
    options
        .reference_docx
        .as_deref()
        .map(template::Template::read)
        .transpose()
}

/// The built body with Folio's patched parts, zipped; `meta` gives the
/// document properties and date, `slots` the languages of the styles,
/// `custom` the custom properties part (docx-rs's empty one when `None`).
fn package(
    built: body::Built,
    meta: &Meta,
    slots: &LanguageSlots,
    options: &DocxOptions,
    template: Option<&template::Template>,
    custom: Option<String>,
) -> Result<Rendered, DocxError> {
    let warnings = built.warnings;
    let xml = built.docx.build();
    let parts = parts::patch(
        xml,
        meta,
        slots,
        options,
        template,
        parts::BodyExtras {
            figure_alts: &built.figure_alts,
            jpeg_media: &built.jpeg_media,
            custom,
        },
    )?;
    let bytes = package::write(&parts.parts, parts.unix_seconds)?;
    Ok(Rendered { bytes, warnings })
}
