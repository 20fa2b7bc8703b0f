//! The package metadata epub-builder cannot write: creators with their
//! roles, publisher, source, the publication date as precise as it was
//! given, and EPUB Accessibility 1.1 metadata. Rendered here, escaped, and
//! inserted into epub-builder's package document by [`crate::repair`].

use folio_core::{DateTime, Interview, SpeakerRole};

use crate::escape;

/// MARC relator codes for the people behind an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relator {
    Author,
    Interviewer,
    Interviewee,
}

impl Relator {
    pub fn code(self) -> &'static str {
        match self {
            Relator::Author => "aut",
            Relator::Interviewer => "ivr",
            Relator::Interviewee => "ive",
        }
    }
}

/// One person with every role they have, in order of first mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creator {
    pub name: String,
    pub roles: Vec<Relator>,
}

/// Byline authors, then interviewers, then interviewees; a person named
/// twice is one creator with two roles.
pub fn creators(interview: &Interview) -> Vec<Creator> {
    let mut out: Vec<Creator> = Vec::new();
    let mut add = |name: &str, role: Relator| {
        let name = escape::xml_safe(name)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            return;
        }
        match out.iter_mut().find(|c| c.name == name) {
            Some(creator) if !creator.roles.contains(&role) => creator.roles.push(role),
            Some(_) => {}
            None => out.push(Creator {
                name,
                roles: vec![role],
            }),
        }
    };
    for author in &interview.meta.authors {
        add(author, Relator::Author);
    }
    for interviewer in &interview.meta.interviewers {
        add(interviewer, Relator::Interviewer);
    }
    for speaker in &interview.speakers {
        match (speaker.role, speaker.name.as_deref()) {
            // An interviewer's label (`Q`, `GT`) is no name; only named ones count.
            (SpeakerRole::Interviewer, Some(name)) => add(name, Relator::Interviewer),
            (SpeakerRole::Interviewee, _) => add(speaker.display_name(), Relator::Interviewee),
            _ => {}
        }
    }
    out
}

/// What the accessibility metadata has to know about the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessFacts {
    /// Figure images in the content (the cover does not count).
    pub images: usize,
    /// How many of them have a text alternative.
    pub images_described: usize,
    /// The house style's colours are readable on white (WCAG 1.4.3).
    pub readable_colours: bool,
}

/// The metadata elements to add, one per line, every value escaped.
pub fn extra_metadata(interview: &Interview, access: AccessFacts) -> String {
    let meta = &interview.meta;
    let mut lines: Vec<String> = Vec::new();
    for (index, creator) in creators(interview).iter().enumerate() {
        let id = format!("creator-{}", index + 1);
        lines.push(format!(
            "<dc:creator id=\"{id}\">{}</dc:creator>",
            escape::text(&creator.name)
        ));
        for role in &creator.roles {
            lines.push(format!(
                "<meta refines=\"#{id}\" property=\"role\" scheme=\"marc:relators\">{}</meta>",
                role.code()
            ));
        }
    }
    // EPUBCheck warns about empty metadata elements: leave blank values out.
    let blank = |value: &&String| escape::text(value).trim().is_empty();
    if let Some(publication) = meta.publication.as_ref().filter(|v| !blank(v)) {
        lines.push(format!(
            "<dc:publisher>{}</dc:publisher>",
            escape::text(publication.trim())
        ));
    }
    if let Some(date) = meta.published.as_ref().and_then(w3c_date) {
        lines.push(format!("<dc:date>{date}</dc:date>"));
    }
    if let Some(url) = meta.source_url.as_ref().filter(|v| !blank(v)) {
        lines.push(format!(
            "<dc:source>{}</dc:source>",
            escape::text(url.trim())
        ));
    }
    if !meta
        .identifier
        .trim()
        .to_ascii_lowercase()
        .starts_with("urn:uuid:")
        && !meta.identifier.trim().is_empty()
    {
        // The book's identifier is a UUID; keep the source's own one beside it.
        lines.push(format!(
            "<dc:identifier id=\"source-identifier\">{}</dc:identifier>",
            escape::text(meta.identifier.trim())
        ));
    }
    lines.extend(accessibility(access));
    if let Some(by) = meta.certified_by.as_ref().filter(|v| !blank(v)) {
        lines.push(format!(
            "<meta property=\"a11y:certifiedBy\">{}</meta>",
            escape::text(by.trim())
        ));
    }
    lines.join("\n")
}

/// `YYYY-MM-DD`, or the UTC instant when the time and its zone are known;
/// a local time without a zone is not an instant, so only its date is kept.
pub fn w3c_date(date: &DateTime) -> Option<String> {
    let year = chrono::Datelike::year(&date.date);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    match (date.time, date.offset_minutes) {
        (Some(_), Some(_)) => {
            let utc = chrono::DateTime::from_timestamp(date.unix_seconds(), 0)?;
            Some(utc.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        }
        _ => Some(date.date.format("%Y-%m-%d").to_string()),
    }
}

fn accessibility(access: AccessFacts) -> Vec<String> {
    let meta = |property: &str, value: &str| {
        format!(
            "<meta property=\"schema:{property}\">{}</meta>",
            escape::text(value)
        )
    };
    let all_described = access.images_described == access.images;
    let mut lines = vec![meta("accessMode", "textual")];
    if access.images > 0 {
        lines.push(meta("accessMode", "visual"));
        lines.push(meta("accessModeSufficient", "textual,visual"));
    }
    if all_described {
        lines.push(meta("accessModeSufficient", "textual"));
    }
    for feature in [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    ] {
        lines.push(meta("accessibilityFeature", feature));
    }
    if access.images > 0 && all_described {
        lines.push(meta("accessibilityFeature", "alternativeText"));
    }
    lines.push(meta("accessibilityHazard", "none"));
    // The claim is made only when it holds: every picture described and
    // every colour readable; who certifies it is the publisher's to say
    // (`-M a11y:certifiedBy=…`).
    if all_described && access.readable_colours {
        lines.push(
            "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>"
                .into(),
        );
    }
    let pictures = match (access.images, all_described) {
        (0, _) => "It has no pictures besides the cover.",
        (_, true) => "Every picture has a text description.",
        (_, false) => "Some pictures have only a caption, or nothing, to describe them.",
    };
    let summary = format!(
        "An interview as reflowable text in reading order, with each speaker named, \
         headings, a table of contents and no fixed layout. {pictures} \
         No flashing, motion or sound."
    );
    lines.push(format!(
        "<meta property=\"schema:accessibilitySummary\" xml:lang=\"en\">{}</meta>",
        escape::text(&summary)
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_certified_the_accessibility_is_the_publishers_to_say() {
        let facts = AccessFacts {
            images: 0,
            images_described: 0,
            readable_colours: true,
        };
        let mut interview = folio_core::read_bytes(
            b"**Q:** Who checked it?\n\n**A:** Somebody did.\n",
            "talk.md",
            &folio_core::ReadOptions::default(),
        )
        .expect("a tiny interview")
        .interview;
        assert!(!extra_metadata(&interview, facts).contains("certifiedBy"));
        interview.meta.certified_by = Some("Reading & Access Ltd".into());
        assert!(
            extra_metadata(&interview, facts)
                .contains("<meta property=\"a11y:certifiedBy\">Reading &amp; Access Ltd</meta>")
        );
    }

    #[test]
    fn dates_keep_their_precision() {
        let date = |s: &str| DateTime::parse(s).and_then(|d| w3c_date(&d));
        assert_eq!(date("2022-05-17").as_deref(), Some("2022-05-17"));
        assert_eq!(date("Nov 16, 2025 11:34 PM").as_deref(), Some("2025-11-16"));
        assert_eq!(
            date("2022-05-17T10:30:00+02:00").as_deref(),
            Some("2022-05-17T08:30:00Z")
        );
    }

    #[test]
    fn text_alternatives_decide_the_sufficient_access_modes() {
        let some = accessibility(AccessFacts {
            images: 2,
            images_described: 1,
            readable_colours: true,
        })
        .join("\n");
        assert!(some.contains(">textual,visual<"));
        assert!(!some.contains("accessModeSufficient\">textual<"));
        assert!(!some.contains("alternativeText"));
        let none = accessibility(AccessFacts {
            images: 0,
            images_described: 0,
            readable_colours: true,
        })
        .join("\n");
        assert!(none.contains("accessModeSufficient\">textual<"));
        assert!(!none.contains("visual"));
        assert!(!some.contains("conformsTo"));
        assert!(none.contains("WCAG 2.2 Level AA"));
        let pale = accessibility(AccessFacts {
            images: 0,
            images_described: 0,
            readable_colours: false,
        })
        .join("\n");
        assert!(!pale.contains("conformsTo"));
    }
}
