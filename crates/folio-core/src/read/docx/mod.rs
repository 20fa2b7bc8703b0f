//! Word documents (`.docx`): Folio's own read back into the interview it
//! was written from, and documents people wrote read like Markdown.
//!
//! The package is a zip read with limits (`package.rs`: a part may be at
//! most [`MAX_PART_BYTES`] uncompressed and expand at most [`MAX_RATIO`]
//! times; XML with a DOCTYPE is refused). `word/document.xml` becomes
//! paragraphs and tables (`body.rs`), each paragraph knowing what its
//! style means (`styles.rs`: Folio's style ids, Word's built-in ids and
//! names in several languages, `basedOn` chains, outline levels), its runs
//! as the model's inlines (`inlines.rs`), its list level (`numbering.rs`).
//!
//! Then one of two readers:
//!
//! - **Folio's own DOCX** (paragraphs in Folio's Question, Answer or
//!   Remark styles opening with a Speaker Label run) is read style by
//!   style (`folio_doc.rs`): turns, speakers, sections, front and closing
//!   come straight from the styles, so model → DOCX → model gives the same
//!   interview. What the page cannot print (speakers' full names and
//!   roles, metadata not printed, the identifier, exact dates, image
//!   paths, start times, section levels) the writer stores in the custom
//!   document property `FolioModel` (`stored.rs`), which Word and
//!   LibreOffice keep when the document is edited. The visible paragraphs
//!   stay authoritative for everything printed: a title, answer or label
//!   changed in Word is read as changed; a label the stored model does not
//!   know is a new speaker, its role taken from its paragraphs' style.
//! - **A DOCX a person wrote** (`person_doc.rs`) becomes the raw blocks
//!   the Markdown reader makes, and the one assembler finds the labels
//!   (bold `Name:`), turns, roles and sections.
//!
//! Either way `docProps/core.xml` fills the metadata the text does not
//! give (title, creator, description, keywords, language, created and
//! modified dates). Tracked changes are read as if accepted (insertions
//! kept, deletions dropped) with one warning; comments and field
//! instructions are not content; footnotes become superscript numbers in
//! the text and their notes a footer after the last turn (the model has
//! no notes of its own). Pictures keep their alt text; their bytes stay in
//! the DOCX (a figure's image path comes back only from the stored model).

mod body;
mod folio_doc;
mod folio_speakers;
mod inlines;
mod lists;
mod numbering;
mod package;
mod person_doc;
mod properties;
mod stored;
mod styles;
#[cfg(test)]
mod tests;
mod xml;

use std::collections::HashMap;

use crate::assemble::SpeakerHints;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::model::{Block, ClosingBlock, Inline, Meta};

use super::{Body, Document, InputFormat, Parsed, ReadOptions};
use body::{Item, Parts};
use package::{DOCUMENT, Package};

pub use package::{MAX_PART_BYTES, MAX_RATIO, looks_like_docx};
pub use stored::{PROPERTY, StoredModel, custom_properties_xml};

/// What the "no turns" error says was looked for in a DOCX.
const LOOKED_FOR: &str = "looked for paragraphs in Folio's Question, Answer or Remark styles and for speaker labels at the start of paragraphs (a bold `Name:`, `Q:`/`A:`, `NAME:`) and bold questions followed by answers, and found none";

/// Reads the DOCX `bytes`; `name` names it in messages.
pub fn read(bytes: &[u8], name: &str, options: &ReadOptions) -> Result<Parsed, Error> {
    let mut package = Package::open(bytes, name)?;
    let texts = PartTexts::read(&mut package)?;
    let document = package.parse(DOCUMENT, &texts.document)?;
    let styles = parse_optional(&package, STYLES, texts.styles.as_deref())?;
    let numbering = parse_optional(&package, NUMBERING, texts.numbering.as_deref())?;
    let rels = parse_optional(&package, RELS, texts.rels.as_deref())?;
    let footnotes = parse_optional(&package, FOOTNOTES, texts.footnotes.as_deref())?;
    let endnotes = parse_optional(&package, ENDNOTES, texts.endnotes.as_deref())?;
    let core = parse_optional(&package, CORE, texts.core.as_deref())?;
    let custom = parse_optional(&package, CUSTOM, texts.custom.as_deref())?;

    let mut warnings = Vec::new();
    let parts = Parts {
        styles: styles::Styles::parse(styles.as_ref()),
        numbering: numbering::Numbering::parse(numbering.as_ref()),
        links: relationships(rels.as_ref()),
        package: std::path::Path::new(name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string(),
        footnotes: notes(footnotes.as_ref(), "footnote"),
        endnotes: notes(endnotes.as_ref(), "endnote"),
    };
    let Some(body_node) = document
        .root_element()
        .children()
        .find(|n| xml::is(*n, "body"))
    else {
        return Err(Error::DocxPart {
            name: name.to_string(),
            part: DOCUMENT.to_string(),
            message: "it has no w:body, so there is no text to read".to_string(),
        });
    };
    let folio_styled = body::is_folio_styled(body_node, &parts.styles);
    let body = body::read(body_node, &parts, !folio_styled);
    let core = core.as_ref().map(properties::read).unwrap_or_default();
    let stored = match custom.as_ref().map(stored::read).transpose() {
        Ok(stored) => stored.flatten(),
        Err(reason) => {
            warnings.push(Diagnostic::new(
                DiagnosticKind::Ignored,
                None,
                format!(
                    "the {PROPERTY} document property cannot be used ({reason}); the document is read from its text alone"
                ),
            ));
            None
        }
    };
    if let Some(line) = body.changes_at {
        warnings.push(Diagnostic::new(
            DiagnosticKind::Other,
            Some(line),
            "the document has tracked changes that were never accepted or rejected; it is read with the insertions taken and the deletions left out (accept or reject them in Word to decide)",
        ));
    }
    let notes = body.notes;
    let mut parsed = if folio_styled {
        read_own(body.items, stored.as_ref(), &core, name, options, warnings)?
    } else {
        read_written(body.items, stored.as_ref(), &core, name, options, warnings)?
    };
    if !notes.is_empty() {
        parsed.interview.closing.push(ClosingBlock::Footer {
            content: notes
                .into_iter()
                .enumerate()
                .map(|(index, text)| Block::Paragraph {
                    content: vec![
                        Inline::Superscript {
                            content: vec![Inline::text((index + 1).to_string())],
                        },
                        Inline::text(format!(" {text}")),
                    ],
                })
                .collect(),
        });
    }
    Ok(parsed)
}

fn parse_optional<'x>(
    package: &Package,
    part: &str,
    text: Option<&'x str>,
) -> Result<Option<roxmltree::Document<'x>>, Error> {
    text.map(|text| package.parse(part, text)).transpose()
}

const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const FOOTNOTES: &str = "word/footnotes.xml";
const ENDNOTES: &str = "word/endnotes.xml";
const CORE: &str = "docProps/core.xml";
const CUSTOM: &str = "docProps/custom.xml";

/// The text of every part the reader uses.
struct PartTexts {
    document: String,
    styles: Option<String>,
    numbering: Option<String>,
    rels: Option<String>,
    footnotes: Option<String>,
    endnotes: Option<String>,
    core: Option<String>,
    custom: Option<String>,
}

impl PartTexts {
    fn read(package: &mut Package) -> Result<Self, Error> {
        Ok(PartTexts {
            document: package.text(DOCUMENT)?.unwrap_or_default(),
            styles: package.text(STYLES)?,
            numbering: package.text(NUMBERING)?,
            rels: package.text(RELS)?,
            footnotes: package.text(FOOTNOTES)?,
            endnotes: package.text(ENDNOTES)?,
            core: package.text(CORE)?,
            custom: package.text(CUSTOM)?,
        })
    }
}

/// Relationship id → target, for hyperlinks.
fn relationships(document: Option<&roxmltree::Document>) -> HashMap<String, String> {
    let Some(document) = document else {
        return HashMap::new();
    };
    document
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("Relationship"))
        .filter_map(|n| {
            Some((
                n.attribute("Id")?.to_string(),
                n.attribute("Target")?.to_string(),
            ))
        })
        .collect()
}

/// Note id → note, separators left out.
fn notes<'a>(
    document: Option<&'a roxmltree::Document<'a>>,
    tag: &str,
) -> HashMap<String, roxmltree::Node<'a, 'a>> {
    let Some(document) = document else {
        return HashMap::new();
    };
    document
        .root_element()
        .children()
        .filter(|n| xml::is(*n, tag))
        .filter(|n| xml::attr(*n, "type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((xml::attr(n, "id")?.to_string(), n)))
        .collect()
}

/// Folio's own DOCX, read by its styles.
fn read_own(
    items: Vec<Item>,
    stored: Option<&StoredModel>,
    core: &properties::CoreProperties,
    name: &str,
    options: &ReadOptions,
    mut warnings: Vec<Diagnostic>,
) -> Result<Parsed, Error> {
    let meta = match stored {
        Some(stored) => stored.meta.clone(),
        None => {
            let mut meta = Meta::default();
            core.fill(&mut meta);
            meta
        }
    };
    let mut interview =
        folio_doc::build(items, stored, meta, &mut warnings).ok_or_else(|| Error::NoTurns {
            name: name.to_string(),
            looked_for: LOOKED_FOR.to_string(),
        })?;
    let roles = role_evidence(&mut interview, stored, options);
    warnings.extend(super::complete_meta(&mut interview, options, name)?);
    // A link typed in Word is held to the same policy as any other.
    warnings.extend(crate::link::unlink_unfollowable(&mut interview));
    // Text Folio wrote is typeset already (and a model file's text is
    // never changed); only a document without the stored model is treated
    // as new text.
    if !options.straight_punctuation && stored.is_none() {
        crate::typography::apply(&mut interview);
    }
    super::model_file::validate(&interview).map_err(|message| Error::InvalidModel {
        name: name.to_string(),
        message,
    })?;
    Ok(Parsed {
        interview,
        warnings,
        format: InputFormat::Docx,
        roles,
    })
}

/// Fills what `meta` lacks from the stored model's metadata.
fn fill_meta(meta: &mut Meta, stored: &Meta) {
    let fill = |field: &mut Option<String>, from: &Option<String>| {
        if field.is_none() {
            field.clone_from(from);
        }
    };
    fill(&mut meta.title, &stored.title);
    fill(&mut meta.subtitle, &stored.subtitle);
    fill(&mut meta.kicker, &stored.kicker);
    fill(&mut meta.publication, &stored.publication);
    fill(&mut meta.source_url, &stored.source_url);
    fill(&mut meta.rights, &stored.rights);
    fill(&mut meta.description, &stored.description);
    fill(&mut meta.cover, &stored.cover);
    for (field, from) in [
        (&mut meta.authors, &stored.authors),
        (&mut meta.interviewers, &stored.interviewers),
        (&mut meta.keywords, &stored.keywords),
        (&mut meta.edits, &stored.edits),
    ] {
        if field.is_empty() {
            field.clone_from(from);
        }
    }
    meta.published = meta.published.or(stored.published);
    meta.updated = meta.updated.or(stored.updated);
    for (field, from) in [
        (&mut meta.language, &stored.language),
        (&mut meta.identifier, &stored.identifier),
    ] {
        if field.trim().is_empty() {
            field.clone_from(from);
        }
    }
}

/// Applies `--role` (a speaker's turns follow it to their side of the
/// page) and says where each role came from: the command line, the stored
/// model, or the styles of the speaker's paragraphs.
fn role_evidence(
    interview: &mut crate::model::Interview,
    stored: Option<&StoredModel>,
    options: &ReadOptions,
) -> Vec<crate::assemble::RoleEvidence> {
    use crate::assemble::labels::label_key;
    use crate::assemble::{Certainty, RoleEvidence};
    let mut evidence = Vec::new();
    for speaker in &mut interview.speakers {
        let named = |label: &str| {
            label_key(label) == label_key(&speaker.label)
                || speaker
                    .name
                    .as_deref()
                    .is_some_and(|n| label_key(n) == label_key(label))
        };
        let overridden = options.roles.iter().rev().find(|(label, _)| named(label));
        let (certainty, reason) = if let Some((_, role)) = overridden {
            speaker.role = *role;
            for turn in interview
                .turns
                .iter_mut()
                .filter(|t| t.speaker == speaker.id)
            {
                turn.role = folio_speakers::turn_role(*role);
            }
            (Certainty::Stated, "set with --role")
        } else if stored.is_some_and(|s| s.speakers.iter().any(|k| k.id == speaker.id)) {
            (
                Certainty::Stated,
                "stored with the document (its FolioModel property)",
            )
        } else {
            (
                Certainty::Evidence,
                "the styles of their paragraphs (Question, Answer, Remark)",
            )
        };
        evidence.push(RoleEvidence {
            speaker: speaker.id.clone(),
            label: speaker.label.clone(),
            role: speaker.role,
            certainty,
            reasons: vec![reason.to_string()],
        });
    }
    evidence
}

/// A DOCX a person wrote, through the assembler.
fn read_written(
    items: Vec<Item>,
    stored: Option<&StoredModel>,
    core: &properties::CoreProperties,
    name: &str,
    options: &ReadOptions,
    warnings: Vec<Diagnostic>,
) -> Result<Parsed, Error> {
    let written = person_doc::build(items);
    let mut meta = written.meta;
    let mut blocks = written.blocks;
    super::take_title_block(&mut blocks, &mut meta);
    // A `By …` line under a Title-style title (which is no block).
    if meta.authors.is_empty()
        && meta.title.is_some()
        && let Some(crate::assemble::RawBlock {
            kind: crate::assemble::RawKind::Paragraph(inlines),
            ..
        }) = blocks.first()
        && let Some(people) = super::text::byline(&crate::normalise::clean_line(
            &crate::model::plain_text(inlines),
        ))
    {
        meta.authors = people;
        blocks.remove(0);
    }
    // A Folio DOCX whose paragraphs lost Folio's styles still has its
    // stored model: what the text does not say comes from there.
    let mut hints = SpeakerHints::default();
    if let Some(stored) = stored {
        fill_meta(&mut meta, &stored.meta);
        hints.speakers = stored
            .speakers
            .iter()
            .map(|s| crate::assemble::SpeakerHint {
                label: Some(s.label.clone()),
                name: s.name.clone(),
                role: Some(s.role),
            })
            .collect();
    }
    core.fill(&mut meta);
    let context = super::headline_context(&meta);
    let document = Document {
        meta,
        header_figures: Vec::new(),
        header_datelines: Vec::new(),
        body: Body::Blocks(blocks),
        hints,
        context,
        editors_note: written.editors_note,
        intro: written.intro,
        bio: written.bio,
        warnings,
    };
    super::finish(document, name, options, InputFormat::Docx).map_err(|error| match error {
        Error::NoTurns { name, .. } => Error::NoTurns {
            name,
            looked_for: LOOKED_FOR.to_string(),
        },
        other => other,
    })
}
