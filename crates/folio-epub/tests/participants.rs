//! The participants list on the title page: who is speaking, by full name,
//! label and role, from the same core helper and terms the PDF and DOCX use.

mod common;

use common::{TestResult, fixture, options, parse_xml, unpack};
use folio_core::{Interview, LabelText, Speaker, SpeakerRole};
use folio_epub::{EpubOptions, epub};

/// The full fixture (an unnamed `Q`, `MS` = Mira Sol, an unnamed
/// `AUDIENCE`) with a moderator whose label is her name and a named
/// interpreter under a generic label.
fn interview() -> Result<Interview, Box<dyn std::error::Error>> {
    let mut interview = fixture("full")?;
    let speaker = |id: &str, label: &str, name: &str, role| Speaker {
        id: id.into(),
        label: label.into(),
        name: Some(name.into()),
        role,
    };
    interview.speakers.push(speaker(
        "dp",
        "DANA PARK",
        "Dana Park",
        SpeakerRole::Moderator,
    ));
    interview.speakers.push(speaker(
        "int",
        "INTERPRETER",
        "Yumi Sato",
        SpeakerRole::Interpreter,
    ));
    Ok(interview)
}

/// The title page's participants: heading, then each entry's role class,
/// name and whole text.
type Listed = (Option<String>, Vec<(String, String, String)>);

fn listed(
    interview: &Interview,
    options: &EpubOptions,
) -> Result<Listed, Box<dyn std::error::Error>> {
    let unpacked = unpack(&epub(interview, options)?.bytes)?;
    let name = unpacked
        .content_documents()
        .into_iter()
        .find(|n| n.ends_with("title.xhtml"))
        .ok_or("no title page")?
        .to_string();
    let xhtml = unpacked.text(&name)?;
    let document = parse_xml(xhtml)?;
    let class = |n: &roxmltree::Node, c: &str| n.attribute("class") == Some(c);
    let Some(section) = document.descendants().find(|n| {
        n.has_tag_name(("http://www.w3.org/1999/xhtml", "section")) && class(n, "participants")
    }) else {
        return Ok((None, Vec::new()));
    };
    let text = |n: roxmltree::Node| {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    let heading = section
        .descendants()
        .find(|n| n.tag_name().name() == "h2")
        .map(text);
    let entries = section
        .descendants()
        .filter(|n| n.tag_name().name() == "li")
        .map(|li| {
            let name = li
                .children()
                .find(|c| class(c, "name"))
                .map(text)
                .unwrap_or_default();
            (
                li.attribute("class").unwrap_or_default().to_string(),
                name,
                text(li),
            )
        })
        .collect();
    Ok((heading, entries))
}

fn owned(entries: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    entries
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn the_title_page_lists_everyone_worth_naming() -> TestResult {
    let (heading, entries) = listed(&interview()?, &options())?;
    assert_eq!(heading.as_deref(), Some("Participants"));
    assert_eq!(
        entries,
        owned(&[
            ("interviewee", "Mira Sol", "Mira Sol (MS), interviewee"),
            ("moderator", "Dana Park", "Dana Park, moderator"),
            ("interpreter", "Yumi Sato", "Yumi Sato, interpreter"),
        ])
    );
    Ok(())
}

#[test]
fn full_name_labels_leave_the_labels_out() -> TestResult {
    let mut options = options();
    options.common.style.label_text = LabelText::FullName;
    let (_, entries) = listed(&interview()?, &options)?;
    assert_eq!(entries[0].2, "Mira Sol, interviewee");
    Ok(())
}

#[test]
fn terms_follow_the_language_and_nobody_named_means_no_list() -> TestResult {
    let mut interview = interview()?;
    interview.meta.language = "es".into();
    let (heading, entries) = listed(&interview, &options())?;
    assert_eq!(heading.as_deref(), Some("Participantes"));
    assert_eq!(entries[0].2, "Mira Sol (MS), entrevistado");

    interview.speakers.retain(|s| s.name.is_none());
    assert_eq!(listed(&interview, &options())?, (None, Vec::new()));
    Ok(())
}
