//! The Participants paragraph under the title block: who is speaking, by
//! full name, label and role, with its own named styles.

#![allow(clippy::panic)]

mod common;

use common::{W, child_val, fixture, options, parse, part, text_of, unzip, write};
use folio_core::{Interview, LabelText, Speaker, SpeakerRole};
use folio_docx::DocxOptions;

/// The rich fixture (`AL` = Ada Lindqvist, `MO` = Marta Okafor, an
/// unnamed `AUDIENCE`) with an unnamed `Q` and a named interpreter added.
fn interview() -> Interview {
    let mut interview = fixture("rich.json");
    interview.speakers.push(Speaker {
        id: "q".into(),
        label: "Q".into(),
        name: None,
        role: SpeakerRole::Interviewer,
    });
    interview.speakers.push(Speaker {
        id: "interpreter".into(),
        label: "INTERPRETER".into(),
        name: Some("Yumi Sato".into()),
        role: SpeakerRole::Interpreter,
    });
    interview
}

/// Style and text of every body paragraph, in order.
fn paragraphs(interview: &Interview, options: &DocxOptions) -> Vec<(String, String)> {
    let parts = unzip(&write(interview, options));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            (
                child_val(p, "pPr", "pStyle")
                    .unwrap_or_default()
                    .to_string(),
                text_of(p),
            )
        })
        .collect()
}

fn style<'a>(paragraph: roxmltree::Node<'a, 'a>) -> &'a str {
    child_val(paragraph, "pPr", "pStyle").unwrap_or_default()
}

#[test]
fn participants_paragraph_names_everyone_under_the_title_block() {
    let interview = interview();
    let parts = unzip(&write(&interview, &options()));
    let xml = part(&parts, "word/document.xml");
    let document = parse(&xml);
    let all: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let Some(at) = all.iter().position(|p| style(*p) == "Participants") else {
        panic!("no Participants paragraph");
    };
    assert_eq!(
        all.iter().filter(|p| style(**p) == "Participants").count(),
        1
    );
    let paragraph = all[at];
    assert_eq!(
        text_of(paragraph)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "Participants Ada Lindqvist (AL), interviewer · Marta Okafor (MO), interviewee · \
         Yumi Sato, interpreter"
    );
    // The term and each name carry their character styles.
    let runs: Vec<(String, String)> = paragraph
        .children()
        .filter(|r| r.has_tag_name((W, "r")))
        .filter_map(|r| Some((child_val(r, "rPr", "rStyle")?.to_string(), text_of(r))))
        .collect();
    assert_eq!(
        runs,
        [
            ("ParticipantsLabel", "Participants"),
            ("ParticipantName", "Ada Lindqvist"),
            ("ParticipantName", "Marta Okafor"),
            ("ParticipantName", "Yumi Sato"),
        ]
        .map(|(s, t)| (s.to_string(), t.to_string()))
    );
    // After the title, byline and dates; before anything of the interview.
    let title = all.iter().position(|p| style(*p) == "Title");
    assert!(title.is_some_and(|t| t < at));
    let first_body = all
        .iter()
        .position(|p| {
            matches!(
                style(*p),
                "EditorsNote" | "Intro" | "Question" | "Answer" | "Remark" | "Dateline"
            )
        })
        .unwrap_or(usize::MAX);
    assert!(at < first_body);

    // The styles are Folio's own, defined in the styles part.
    let styles_xml = part(&parts, "word/styles.xml");
    let styles = parse(&styles_xml);
    for (kind, id) in [
        ("paragraph", "Participants"),
        ("character", "ParticipantsLabel"),
        ("character", "ParticipantName"),
    ] {
        assert!(
            styles.descendants().any(|n| n.has_tag_name((W, "style"))
                && n.attribute((W, "type")) == Some(kind)
                && n.attribute((W, "styleId")) == Some(id)),
            "no {kind} style {id}"
        );
    }
}

#[test]
fn full_name_labels_leave_the_labels_out() {
    let mut options = options();
    options.common.style.label_text = LabelText::FullName;
    let paragraphs = paragraphs(&interview(), &options);
    let Some((_, text)) = paragraphs.iter().find(|(s, _)| s == "Participants") else {
        panic!("no Participants paragraph");
    };
    assert!(text.contains("Ada Lindqvist, interviewer"), "{text}");
    assert!(!text.contains("(AL)"), "{text}");
}

#[test]
fn terms_follow_the_language_and_generic_speakers_are_left_out() {
    let mut interview = interview();
    interview.meta.language = "de".into();
    let paragraphs = paragraphs(&interview, &options());
    let Some((_, text)) = paragraphs.iter().find(|(s, _)| s == "Participants") else {
        panic!("no Participants paragraph");
    };
    assert!(text.starts_with("Gesprächspartner"), "{text}");
    // The English label says what the German role word does not.
    assert!(
        text.contains("Yumi Sato (INTERPRETER), Dolmetscher"),
        "{text}"
    );

    // Nobody but an unnamed `Q` and `A`: no paragraph at all.
    interview.speakers = ["Q", "A"]
        .iter()
        .zip([SpeakerRole::Interviewer, SpeakerRole::Interviewee])
        .map(|(label, role)| Speaker {
            id: label.to_lowercase(),
            label: label.to_string(),
            name: None,
            role,
        })
        .collect();
    let paragraphs = self::paragraphs(&interview, &options());
    assert!(!paragraphs.iter().any(|(s, _)| s == "Participants"));
}
