//! Patches the parts docx-rs built into the package Folio writes: its own
//! styles and core properties, stable ids, and a reference document's
//! styles, page setup, header and footer.

use docx_rs::XMLDocx;
use folio_core::{DateTime, Meta, output_date};

use crate::inline::escape_attribute;
use crate::language::LanguageSlots;
use crate::package::Part;
use crate::page::PageSetup;
use crate::style::styles_xml;
use crate::template::{HeaderFooterPart, Template};
use crate::{DocxError, DocxOptions, fixes, merge, xml_text};

/// All parts of the package, in the order they are zipped.
#[derive(Debug)]
pub struct Parts {
    pub parts: Vec<Part>,
    /// The moment stamped into the file (core properties and zip entries).
    pub unix_seconds: i64,
}

/// What the body builder knows that the parts need.
#[derive(Debug)]
pub struct BodyExtras<'a> {
    /// Alt text of each picture, in document order.
    pub figure_alts: &'a [String],
    /// Media ids whose bytes are JPEG.
    pub jpeg_media: &'a [String],
    /// `docProps/custom.xml`; docx-rs's empty one when `None`.
    pub custom: Option<String>,
}

pub fn patch(
    xml: XMLDocx,
    meta: &Meta,
    slots: &LanguageSlots,
    options: &DocxOptions,
    template: Option<&Template>,
    body: BodyExtras<'_>,
) -> Result<Parts, DocxError> {
    let BodyExtras {
        figure_alts,
        jpeg_media,
        custom,
    } = body;
    let modified = output_date(meta, options.common.source_date_epoch);
    let created = match options.common.source_date_epoch {
        Some(_) => modified,
        None => meta.published.unwrap_or(modified),
    };
    let page = PageSetup::new(options.common.paper, &options.common.style);
    let own_styles = styles_xml(slots, &options.common.style, page.text_width());
    let styles = match template {
        Some(template) => merge::styles(&template.styles, &own_styles)?,
        None => own_styles,
    };
    let mut document = text("word/document.xml", xml.document)?;
    document = fixes::number_pictures(&fixes::tidy_paragraph_properties(&document)?, figure_alts)?;
    document = fixes::grid_columns(&fixes::table_headers(&document, slots.right_to_left)?)?;
    document = crate::schema_order::reorder(&document);
    if let Some(template) = template {
        document = merge::page_setup(&document, template);
    }
    let mut content_types = text("[Content_Types].xml", xml.content_type)?;

    let mut parts = vec![
        Part::new("[Content_Types].xml", Vec::new()),
        Part::new("_rels/.rels", xml.rels),
        Part::new("docProps/core.xml", core_xml(meta, created, modified)),
        Part::new("docProps/app.xml", APP_XML),
        Part::new(
            "docProps/custom.xml",
            custom.map_or(xml.doc_props.custom, String::into_bytes),
        ),
        Part::new("word/document.xml", document),
        Part::new(
            "word/_rels/document.xml.rels",
            xml_text::sort_relationships(&fixes::jpeg_targets(
                &text("document.xml.rels", xml.document_rels)?,
                jpeg_media,
            )?)?,
        ),
        Part::new("word/styles.xml", styles),
        Part::new("word/settings.xml", xml.settings),
        Part::new("word/fontTable.xml", xml.font_table),
        Part::new(
            "word/numbering.xml",
            fixes::tidy_paragraph_properties(&text("word/numbering.xml", xml.numberings)?)?,
        ),
        Part::new("word/comments.xml", xml.comments),
        Part::new("word/commentsExtended.xml", xml.comments_extended),
        Part::new("word/footnotes.xml", xml.footnotes),
    ];
    let mut extra = Vec::new();
    for (index, header) in xml.headers.into_iter().enumerate() {
        let name = format!("header{}.xml", index + 1);
        let header = fixes::tidy_paragraph_properties(&text(&name, header)?)?.into_bytes();
        let replacement = template.and_then(|t| t.header.as_ref());
        let rels = xml.header_rels.get(index).cloned();
        push_header_footer(&mut parts, &mut extra, &name, header, rels, replacement);
    }
    for (index, footer) in xml.footers.into_iter().enumerate() {
        let name = format!("footer{}.xml", index + 1);
        let footer = fixes::tidy_paragraph_properties(&text(&name, footer)?)?.into_bytes();
        // docx-rs numbers the default footer before the first-page one.
        let replacement = template.and_then(|t| match index {
            0 => t.footer.as_ref(),
            _ => t.first_footer.as_ref().or(t.footer.as_ref()),
        });
        let rels = xml.footer_rels.get(index).cloned();
        push_header_footer(&mut parts, &mut extra, &name, footer, rels, replacement);
    }
    for (id, bytes) in xml.media {
        let extension = if jpeg_media.contains(&id) {
            "jpeg"
        } else {
            "png"
        };
        parts.push(Part::new(format!("word/media/{id}.{extension}"), bytes));
    }
    for (name, bytes) in extra {
        if parts.iter().all(|part| part.name != name) {
            content_types = xml_text::add_default_content_type(&content_types, &name);
            parts.push(Part::new(name, bytes));
        }
    }
    parts[0].bytes = content_types.into_bytes();
    Ok(Parts {
        parts,
        unix_seconds: modified.unix_seconds(),
    })
}

impl Part {
    fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Part {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

fn push_header_footer(
    parts: &mut Vec<Part>,
    extra: &mut Vec<(String, Vec<u8>)>,
    name: &str,
    own: Vec<u8>,
    own_rels: Option<Vec<u8>>,
    replacement: Option<&HeaderFooterPart>,
) {
    let (xml, rels) = match replacement {
        Some(part) => {
            extra.extend(
                part.targets
                    .iter()
                    .map(|(path, bytes)| (path.clone(), bytes.clone())),
            );
            (part.xml.clone(), part.rels.clone().or(own_rels))
        }
        None => (own, own_rels),
    };
    parts.push(Part::new(format!("word/{name}"), xml));
    if let Some(rels) = rels {
        parts.push(Part::new(format!("word/_rels/{name}.rels"), rels));
    }
}

fn text(part: &str, bytes: Vec<u8>) -> Result<String, DocxError> {
    String::from_utf8(bytes).map_err(|_| DocxError::Patch {
        part: part.to_string(),
        message: "not UTF-8".to_string(),
    })
}

const APP_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    "<Application>Folio</Application><DocSecurity>0</DocSecurity>",
    "</Properties>"
);

/// Core properties docx-rs cannot set: title, author, subject, keywords,
/// language, identifier, dates.
fn core_xml(meta: &Meta, created: DateTime, modified: DateTime) -> String {
    let mut fields = String::new();
    let mut field = |tag: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            fields.push_str(&format!("<{tag}>{}</{tag}>", escape_attribute(value)));
        }
    };
    let creators = meta.credits();
    field("dc:title", meta.title.as_deref());
    field(
        "dc:subject",
        meta.subtitle.as_deref().or(meta.description.as_deref()),
    );
    field("dc:creator", Some(creators.join("; ").as_str()));
    field("cp:keywords", Some(meta.keywords.join(", ").as_str()));
    field("dc:description", meta.description.as_deref());
    field(
        "dc:language",
        Some(folio_core::Language::of(&meta.language).tag()),
    );
    field("dc:identifier", Some(meta.identifier.as_str()));
    field("cp:lastModifiedBy", Some("Folio"));
    field("cp:revision", Some("1"));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "{fields}",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        fields = fields,
        created = w3cdtf(created),
        modified = w3cdtf(modified),
    )
}

/// `2025-11-16T23:34:00Z`: core properties want UTC.
fn w3cdtf(value: DateTime) -> String {
    DateTime::from_unix_seconds(value.unix_seconds())
        .map_or_else(|| "1980-01-01T00:00:00Z".to_string(), |utc| utc.to_string())
}
