//! Each labelling convention real interviews use, in a small document of its
//! own, and the errors bad input must give.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use folio_core::{
    Block, ClosingBlock, Error, FrontBlock, Inline, InputFormat, Interview, ReadOptions,
    SpeakerRole, TurnRole, blocks_plain_text, plain_text,
};

fn read_as(text: &str, name: &str, options: &ReadOptions) -> folio_core::Parsed {
    match folio_core::read_bytes(text.as_bytes(), name, options) {
        Ok(parsed) => parsed,
        Err(err) => panic!("{err}\n---\n{text}"),
    }
}

fn md(text: &str) -> Interview {
    read_as(text, "test.md", &ReadOptions::default()).interview
}

/// `(label, role, text)` of every turn.
fn turns(interview: &Interview) -> Vec<(String, TurnRole, String)> {
    interview
        .turns
        .iter()
        .map(|t| {
            let label = interview
                .speaker(&t.speaker)
                .map(|s| s.label.clone())
                .unwrap_or_default();
            (label, t.role, blocks_plain_text(&t.content))
        })
        .collect()
}

fn labels(interview: &Interview) -> Vec<String> {
    turns(interview).into_iter().map(|(l, ..)| l).collect()
}

fn texts(interview: &Interview) -> Vec<String> {
    turns(interview).into_iter().map(|(_, _, t)| t).collect()
}

fn role_of(interview: &Interview, label: &str) -> Option<SpeakerRole> {
    interview
        .speakers
        .iter()
        .find(|s| s.label == label)
        .map(|s| s.role)
}

#[test]
fn bold_name_with_colon_inside() {
    let i = md(
        "**Ana Ruiz:** Why now?\n\n**Ben Ode:** Because it is time.\n\n**Ana Ruiz:** And then?\n\n**Ben Ode:** We wait.\n",
    );
    assert_eq!(labels(&i), ["Ana Ruiz", "Ben Ode", "Ana Ruiz", "Ben Ode"]);
    assert_eq!(texts(&i)[1], "Because it is time.");
    assert_eq!(role_of(&i, "Ana Ruiz"), Some(SpeakerRole::Interviewer));
    assert_eq!(role_of(&i, "Ben Ode"), Some(SpeakerRole::Interviewee));
}

#[test]
fn bold_name_with_colon_outside() {
    let i = md("**Ana**: Why now?\n\n**Ben**: Because.\n\n**Ana**: Really?\n\n**Ben**: Yes.\n");
    assert_eq!(labels(&i), ["Ana", "Ben", "Ana", "Ben"]);
    assert_eq!(texts(&i)[0], "Why now?");
}

#[test]
fn capitalised_labels_with_honorifics() {
    let i = md(
        "MS. RIVERA: Welcome, everyone. Questions?\n\nDANA PARK: What time is the show?\n\nMS. RIVERA: Eight.\n\nDANA PARK: Thanks. And tickets?\n",
    );
    assert_eq!(
        labels(&i),
        ["MS. RIVERA", "DANA PARK", "MS. RIVERA", "DANA PARK"]
    );
    let park = i.speakers.iter().find(|s| s.label == "DANA PARK");
    assert_eq!(park.and_then(|s| s.name.as_deref()), Some("Dana Park"));
}

#[test]
fn bare_q_before_the_question_and_unlabelled_answers() {
    let i = md(
        "---\ninterviewee: Priya Raman\n---\n\nQ\n\nWhat is a bridge?\n\nA span.\n\nIt carries loads.\n\nQ\n\nWhy steel?\n\nIt bends before it breaks.\n",
    );
    assert_eq!(labels(&i), ["Q", "Priya Raman", "Q", "Priya Raman"]);
    assert_eq!(texts(&i)[0], "What is a bridge?");
    assert_eq!(i.turns[1].content.len(), 2);
    assert_eq!(role_of(&i, "Priya Raman"), Some(SpeakerRole::Interviewee));
    // A bare Q on the line before the question, in the same paragraph.
    let j = md("Q\nWhat is a bridge?\n\nA span.\n\nQ\nWhy steel?\n\nIt bends.\n");
    assert_eq!(
        texts(&j),
        ["What is a bridge?", "A span.", "Why steel?", "It bends."]
    );
}

#[test]
fn q_and_a_labels() {
    let i = md("Q: Why chess?\n\nA: It is quiet.\n\nQ. And the players?\n\nA. They learn fast.\n");
    assert_eq!(labels(&i), ["Q", "A", "Q", "A"]);
    assert_eq!(texts(&i)[2], "And the players?");
    assert_eq!(role_of(&i, "Q"), Some(SpeakerRole::Interviewer));
    assert_eq!(role_of(&i, "A"), Some(SpeakerRole::Interviewee));
}

#[test]
fn labels_followed_by_no_break_spaces_and_full_width_colons() {
    let i = md(
        "Anouk\u{a0}:\u{a0}Pourquoi\u{a0}?\n\nPaul\u{a0}:\u{a0}Parce que.\n\nAnouk : Et alors\u{202f}?\n\nPaul : Rien.\n",
    );
    assert_eq!(labels(&i), ["Anouk", "Paul", "Anouk", "Paul"]);
    assert_eq!(texts(&i)[0], "Pourquoi\u{202f}?");
    let j = md("记者：为什么？\n\n张华：因为。\n\n记者：然后呢？\n\n张华：没有了。\n");
    assert_eq!(labels(&j), ["记者", "张华", "记者", "张华"]);
    assert_eq!(texts(&j)[1], "因为。");
    assert_eq!(role_of(&j, "记者"), Some(SpeakerRole::Interviewer));
    assert!(j.meta.language.starts_with("zh"));
}

#[test]
fn label_inside_a_bold_question_and_whole_bold_turns() {
    let i = md("**Q: What changed?**\n\nEverything.\n\n**Q: When?**\n\nIn 1968.\n");
    assert_eq!(
        texts(&i),
        ["What changed?", "Everything.", "When?", "In 1968."]
    );
    // The bold marked the question; it is not kept as emphasis.
    assert!(
        matches!(&i.turns[0].content[0], Block::Paragraph { content } if content == &[Inline::text("What changed?")])
    );
    let j =
        md("**GT: Is it realistic?**\n\nGosset: Yes.\n\n**GT: Who pays?**\n\nGosset: Everyone.\n");
    assert_eq!(labels(&j), ["GT", "Gosset", "GT", "Gosset"]);
    assert_eq!(texts(&j)[0], "Is it realistic?");
}

#[test]
fn group_and_role_labels() {
    let i = md(
        "MODERATOR: Any questions?\n\nREPORTER: For the band?\n\nINTERPRETER: He says yes.\n\nMEMBERS OF THE BAND: Yes!\n\nMODERATOR: Thank you.\n",
    );
    assert_eq!(role_of(&i, "MODERATOR"), Some(SpeakerRole::Moderator));
    assert_eq!(role_of(&i, "REPORTER"), Some(SpeakerRole::Interviewer));
    assert_eq!(role_of(&i, "INTERPRETER"), Some(SpeakerRole::Interpreter));
    assert_eq!(role_of(&i, "MEMBERS OF THE BAND"), Some(SpeakerRole::Group));
    assert_eq!(i.turns[4].role, TurnRole::Remark);
}

#[test]
fn the_same_label_twice_in_a_row_stays_two_turns() {
    let i =
        md("LEE: First question?\n\nLEE: Second question, since you nod?\n\nMOSS: Both, yes.\n");
    assert_eq!(labels(&i), ["LEE", "LEE", "MOSS"]);
    assert_eq!(i.speakers.len(), 2);
}

#[test]
fn numbered_bold_questions_with_indented_answers() {
    let list = md(
        "1. **What do you do?**\n\n   I listen.\n\n   Mostly.\n\n2. **What is hard?**\n\n   Transport.\n",
    );
    assert_eq!(
        texts(&list),
        [
            "What do you do?",
            "I listen.\n\nMostly.",
            "What is hard?",
            "Transport."
        ]
    );
    assert_eq!(list.turns[0].role, TurnRole::Question);
    assert_eq!(list.turns[1].role, TurnRole::Answer);
    let indented = md(
        "**1. What do you do?**\n\n    I listen to people\n    who are annoyed.\n\n**2. What is hard?**\n\n    Transport.\n",
    );
    assert_eq!(
        texts(&indented),
        [
            "1. What do you do?",
            "I listen to people who are annoyed.",
            "2. What is hard?",
            "Transport."
        ]
    );
}

#[test]
fn bold_question_with_the_answer_after_a_line_break() {
    let i = md("Intro text.\n\n**Why leave?**\nIt was time.\n\n**Any regrets?**\\\nNone.\n");
    assert_eq!(
        texts(&i),
        ["Why leave?", "It was time.", "Any regrets?", "None."]
    );
    assert_eq!(
        i.introduction().map(blocks_plain_text).as_deref(),
        Some("Intro text.")
    );
}

#[test]
fn html_comments_are_not_content() {
    let i = md(
        "<!--\n**Maré:** Como começou?\n-->\n**Maré:** How did it begin?\n\n<!-- **Duarte:** Com uma discussão. -->\n**Duarte:** With an argument.\n\n**Maré:** And <!-- hoje --> today?\n\n**Duarte:** Better.\n",
    );
    assert_eq!(
        texts(&i),
        [
            "How did it begin?",
            "With an argument.",
            "And today?",
            "Better."
        ]
    );
}

#[test]
fn hard_wrapped_lines_join_into_one_paragraph() {
    let i = md(
        "**Q:** This question was wrapped\nat a fixed width?\n\n**A:** And the answer\nwas wrapped too.\n",
    );
    assert_eq!(
        texts(&i),
        [
            "This question was wrapped at a fixed width?",
            "And the answer was wrapped too."
        ]
    );
}

#[test]
fn a_phrase_with_a_colon_inside_a_paragraph_is_not_a_turn() {
    let i = md(
        "**Q:** What happened?\n\n**A:** We met at night. My friend\nAna said: we can do it together.\n\nNobody argued.\n\n**Q:** Then?\n\n**A:** We did.\n",
    );
    assert_eq!(i.turns.len(), 4);
    assert_eq!(i.turns[1].content.len(), 2);
    assert!(texts(&i)[1].contains("Ana said: we can do it together."));
}

#[test]
fn a_list_of_bold_items_inside_an_answer_is_not_a_series_of_turns() {
    let i = md(
        "**Q:** What worries you?\n\n**A:** Three things:\n\n- **Prices:** they fall.\n- **Quotas:** they shrink.\n- **Young people.** They leave.\n\nThat is all.\n\n**Q:** Thanks?\n\n**A:** Welcome.\n",
    );
    assert_eq!(i.turns.len(), 4);
    assert!(
        matches!(&i.turns[1].content[1], Block::List { ordered: false, items } if items.len() == 3)
    );
    assert_eq!(i.turns[1].content.len(), 3);
}

#[test]
fn headings_between_turns_become_sections() {
    let i = md(
        "## Beginnings\n\n**Q:** Where?\n\n**A:** Here.\n\n## Later\n\n**Q:** When?\n\n**A:** Now.\n",
    );
    let sections: Vec<(String, usize)> = i
        .sections
        .iter()
        .map(|s| (s.heading.clone(), s.first_turn))
        .collect();
    assert_eq!(
        sections,
        [("Beginnings".to_string(), 0), ("Later".to_string(), 2)]
    );
}

#[test]
fn a_caption_after_an_image_does_not_break_the_answer() {
    let i = md(
        "**Q:** What is this?\n\n**A:** A photo.\n\n![The hall](hall.jpg)\n\n*The auction hall. Photo: Rui Sampaio*\n\nWe sold fish there.\n\n**Q:** And now?\n\n**A:** Still.\n",
    );
    assert_eq!(i.turns.len(), 4);
    let answer = &i.turns[1].content;
    assert_eq!(answer.len(), 3);
    match &answer[1] {
        Block::Figure { figure } => {
            assert_eq!(figure.src.as_deref(), Some("hall.jpg"));
            assert_eq!(figure.caption.as_deref(), Some("The auction hall."));
            assert_eq!(figure.credit.as_deref(), Some("Rui Sampaio"));
        }
        other => panic!("expected a figure, got {other:?}"),
    }
}

#[test]
fn front_matter_maps_to_metadata_and_roles() {
    let i = md(
        "---\ntitle: \"A “quoted” title\"\nsubtitle: The dek\nkicker: Science\nauthor: Mira Iverson\npublication: Fieldnotes\ndate: 2024-03-02T08:30:00+01:00\nupdated: May 17, 2022\nlanguage: en-GB\nsource_url: https://example.org/a\nlicense: CC BY 4.0\nkeywords: [rivers, maps]\ndescription: A talk.\nspeakers:\n  Iverson: {name: Mira Iverson, role: interviewer}\n  Adebayo: {name: Kemi Adebayo, role: interviewee}\n---\n\n**Adebayo**: I start.\n\n**Iverson**: Do you?\n",
    );
    let m = &i.meta;
    assert_eq!(m.title.as_deref(), Some("A “quoted” title"));
    assert_eq!(m.subtitle.as_deref(), Some("The dek"));
    assert_eq!(m.kicker.as_deref(), Some("Science"));
    assert_eq!(m.authors, ["Mira Iverson"]);
    assert_eq!(m.publication.as_deref(), Some("Fieldnotes"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-02T08:30:00+01:00")
    );
    assert_eq!(
        m.updated.map(|d| d.to_string()).as_deref(),
        Some("2022-05-17")
    );
    assert_eq!(m.language, "en-GB");
    assert_eq!(m.rights.as_deref(), Some("CC BY 4.0"));
    assert_eq!(m.keywords, ["rivers", "maps"]);
    // The source URL gives the identifier: the same URL, the same id.
    assert_eq!(
        m.identifier,
        format!("urn:uuid:{}", uuid_for_url("https://example.org/a"))
    );
    // Front matter roles win over who speaks first.
    assert_eq!(role_of(&i, "Iverson"), Some(SpeakerRole::Interviewer));
    assert_eq!(i.turns[0].role, TurnRole::Answer);
    let toml = md(
        "+++\ntitle = \"T\"\ndate = 2022-05-17\ninterviewer = \"Ann Lee\"\n+++\n\nQ: Why?\n\nA: So.\n",
    );
    assert_eq!(
        toml.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2022-05-17")
    );
    assert_eq!(toml.speakers[0].name.as_deref(), Some("Ann Lee"));
}

fn uuid_for_url(url: &str) -> String {
    let a = md(&format!("---\nsource_url: {url}\n---\nQ: x?\n\nA: y.\n"));
    let b = md(&format!(
        "---\nsource_url: {url}\ntitle: other\n---\nQ: z?\n\nA: w.\n"
    ));
    assert_eq!(a.meta.identifier, b.meta.identifier);
    a.meta
        .identifier
        .trim_start_matches("urn:uuid:")
        .to_string()
}

#[test]
fn roles_can_be_overridden_from_the_command_line() {
    let text = "LEE: We left at dawn.\n\nMOSS: Why?\n\nLEE: The river.\n\nMOSS: And?\n";
    let guessed = read_as(text, "t.md", &ReadOptions::default());
    assert_eq!(
        role_of(&guessed.interview, "MOSS"),
        Some(SpeakerRole::Interviewer)
    );
    assert!(
        guessed
            .warnings
            .iter()
            .any(|w| w.kind == folio_core::DiagnosticKind::GuessedRole)
    );
    let options = ReadOptions {
        roles: vec![("Lee".into(), SpeakerRole::Interviewer)],
        ..ReadOptions::default()
    };
    let forced = read_as(text, "t.md", &options);
    assert_eq!(
        role_of(&forced.interview, "LEE"),
        Some(SpeakerRole::Interviewer)
    );
    assert_eq!(forced.interview.turns[0].role, TurnRole::Question);
}

#[test]
fn closing_bio_after_a_rule_and_footer() {
    let i = md(
        "---\ninterviewer: Clara Voss\n---\n\n**Q:** Why?\n\n**A:** So.\n\n---\n\n*Clara Voss is a journalist in Porto.*\n\n© 2023 Revista\n",
    );
    let kinds: Vec<&str> = i
        .closing
        .iter()
        .map(|c| match c {
            ClosingBlock::Bio { .. } => "bio",
            ClosingBlock::Afterword { .. } => "afterword",
            ClosingBlock::Footer { .. } => "footer",
        })
        .collect();
    assert_eq!(kinds, ["bio", "footer"]);
}

#[test]
fn editors_note_in_italics_then_intro() {
    let i = md(
        "*Editor's note: This interview has been condensed.*\n\nWalter spoke to us in May.\n\n**Q:** Where were you?\n\nAt the press.\n\n**Q:** And then?\n\nWe ran.\n",
    );
    assert_eq!(
        i.editors_note().map(blocks_plain_text).as_deref(),
        Some("This interview has been condensed.")
    );
    assert_eq!(
        i.introduction().map(blocks_plain_text).as_deref(),
        Some("Walter spoke to us in May.")
    );
    assert!(matches!(
        i.front.first(),
        Some(FrontBlock::EditorsNote { .. })
    ));
}

#[test]
fn plain_text_transcripts_and_stage_directions() {
    let text = "Q: Were you there? (Laughter.)\nA: I was. [laughs] Then [04:22] we left.\nQ: Why?\nA: [CHUCKLES] Because.\n";
    let i = read_as(text, "t.txt", &ReadOptions::default()).interview;
    assert_eq!(labels(&i), ["Q", "A", "Q", "A"]);
    let Block::Paragraph { content } = &i.turns[1].content[0] else {
        panic!("paragraph expected");
    };
    assert!(content.contains(&Inline::StageDirection {
        text: "[laughs]".into()
    }));
    assert!(content.contains(&Inline::Timestamp {
        text: "[04:22]".into()
    }));
    assert_eq!(plain_text(content), "I was. [laughs] Then [04:22] we left.");
}

#[test]
fn the_reader_follows_the_extension_then_the_content() {
    let model = r#"{"meta":{"title":"T"},"speakers":[{"id":"q","label":"Q","role":"interviewer"}],"turns":[{"speaker":"q","role":"question","content":[{"type":"paragraph","content":[{"type":"text","text":"Why?"}]}]}]}"#;
    assert_eq!(
        read_as(model, "-", &ReadOptions::default()).format,
        InputFormat::Json
    );
    let markdown = "---\ntitle: T\n---\nQ: Why?\n\nA: So.\n";
    assert_eq!(
        read_as(markdown, "interview.txt", &ReadOptions::default()).format,
        InputFormat::Markdown
    );
    let bold_txt = "**Q:** Why?\n\n**A:** So.\n\n**Q:** And?\n\n**A:** Done.\n";
    let parsed = read_as(bold_txt, "notes.txt", &ReadOptions::default());
    assert_eq!(parsed.format, InputFormat::Markdown);
    assert_eq!(texts(&parsed.interview), ["Why?", "So.", "And?", "Done."]);
    let forced = ReadOptions {
        format: Some(InputFormat::Text),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_as("Q: Why?\n\nA: So.\n", "x.md", &forced).format,
        InputFormat::Text
    );
}

fn read_error(bytes: &[u8], name: &str) -> Error {
    match folio_core::read_bytes(bytes, name, &ReadOptions::default()) {
        Ok(parsed) => panic!("expected an error, read {:?}", parsed.interview.meta.title),
        Err(err) => err,
    }
}

#[test]
fn bad_input_gives_clear_errors() {
    let err = read_error(b"Q: ok\n\nA: caf\xE9\n", "latin1.txt");
    assert!(
        matches!(
            err,
            Error::NotUtf8 {
                offset: 13,
                line: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("byte offset 13"));

    let err = read_error(b"---\ntitle: [oops\n---\nQ: a?\n", "bad.md");
    let location = err.location().cloned();
    assert!(location.as_ref().is_some_and(|l| l.line >= 2), "{err}");
    assert!(err.to_string().starts_with("bad.md:"), "{err}");

    let err = read_error(b"{\n  \"meta\": {,\n}", "bad.json");
    assert_eq!(
        err.location().map(|l| (l.line, l.column)),
        Some((2, 12)),
        "{err}"
    );

    assert!(matches!(read_error(b"", "empty.md"), Error::Empty { .. }));
    assert!(matches!(
        read_error(b"\n  \n", "blank.txt"),
        Error::Empty { .. }
    ));

    let err = read_error(b"Just a paragraph of prose.\n\nAnother one.\n", "prose.md");
    assert!(matches!(err, Error::NoTurns { .. }));
    assert!(
        err.to_string().contains("looked for speaker labels"),
        "{err}"
    );

    let err = read_error(br#"{"meta":{},"speakers":[],"turns":[{"speaker":"x","role":"answer","content":[{"type":"paragraph","content":[]}]}]}"#, "m.json");
    assert!(matches!(err, Error::InvalidModel { .. }), "{err}");
}

#[test]
fn no_input_makes_the_readers_panic() {
    // Odd shapes that have broken naive readers: none may panic.
    let inputs = [
        "Q:",
        "Q",
        "**",
        "**Q**",
        "**Q:**",
        ":",
        "：",
        "---",
        "+++",
        "---\n---",
        "[",
        "![](x)",
        "1. **",
        "> Q: a",
        "Q: a\n\nQ:",
        "\u{a0}:\u{a0}",
        "# T\n\n---\n\nA:",
        "*Editor's note:*",
        "Q\n\nQ\n\nQ",
        "## \n\nQ: x",
        "    code\n\nQ: x?",
        "<!--",
        "<!-- x",
        "Q: [",
        "Q: (",
        "Editor's Note:\n\n\n\nQ: a?\n\nA: b.",
        "MS.: x",
        "é: é\n\né: é",
    ];
    for input in inputs {
        for name in ["x.md", "x.txt", "x.json", "x.yaml"] {
            let _ = folio_core::read_bytes(input.as_bytes(), name, &ReadOptions::default());
        }
    }
}

#[test]
fn labels_set_off_by_wide_spaces_and_inside_wrapped_paragraphs() {
    let i = md(
        "MS. LEE:\u{a0} Good morning.\u{a0} Go ahead.\n\nQ\u{a0}\u{a0}\u{a0} Sure.\u{a0} Is it\nlate?\n\nMS. LEE:\u{a0} No.\n",
    );
    assert_eq!(labels(&i), ["MS. LEE", "Q", "MS. LEE"]);
    assert_eq!(texts(&i)[1], "Sure. Is it late?");
    assert_eq!(role_of(&i, "MS. LEE"), Some(SpeakerRole::Interviewee));
    // No blank lines between the turns of a hard-wrapped transcript.
    let j = md(
        "Q    Where were you\nthat night?\nMR. MOSS:  At home.\nQ    Alone?\nMR. MOSS:  With my\nbrother.\n",
    );
    assert_eq!(labels(&j), ["Q", "MR. MOSS", "Q", "MR. MOSS"]);
    assert_eq!(texts(&j)[3], "With my brother.");
}

#[test]
fn labels_in_scripts_without_capitals_and_in_lower_case() {
    let cases = [
        (
            "**سارة:** لماذا؟\n\n**علي:** لأن.\n\n**سارة:** ومتى؟\n\n**علي:** غدا.\n",
            "سارة",
        ),
        (
            "**דנה:** למה?\n\n**רון:** כי.\n\n**דנה:** ומתי?\n\n**רון:** מחר.\n",
            "דנה",
        ),
        (
            "기자： 왜요?\n\n김민수： 그냥요.\n\n기자： 언제요?\n\n김민수： 내일요.\n",
            "기자",
        ),
        (
            "**प्रिया:** क्यों?\n\n**राम:** क्योंकि.\n\n**प्रिया:** कब?\n\n**राम:** कल.\n",
            "प्रिया",
        ),
        (
            "**สมชาย:** ทำไม?\n\n**มานี:** เพราะ.\n\n**สมชาย:** เมื่อไร?\n\n**มานี:** พรุ่งนี้.\n",
            "สมชาย",
        ),
        (
            "**ნინო:** რატომ?\n\n**გიორგი:** იმიტომ.\n\n**ნინო:** როდის?\n\n**გიორგი:** ხვალ.\n",
            "ნინო",
        ),
        (
            "**ana:** why?\n\n**ben:** because.\n\n**ana:** when?\n\n**ben:** soon.\n",
            "ana",
        ),
    ];
    for (text, asker) in cases {
        let i = md(text);
        assert_eq!(i.turns.len(), 4, "{text}");
        assert_eq!(labels(&i)[0], asker, "{text}");
        assert_eq!(role_of(&i, asker), Some(SpeakerRole::Interviewer), "{text}");
    }
}

#[test]
fn a_label_the_user_names_is_always_a_label() {
    let options = ReadOptions {
        roles: vec![
            ("ana".into(), SpeakerRole::Interviewer),
            ("ben".into(), SpeakerRole::Interviewee),
        ],
        ..ReadOptions::default()
    };
    let i = read_as(
        "ana: how are you?\n\nben: fine, thanks.\n",
        "t.md",
        &options,
    )
    .interview;
    assert_eq!(labels(&i), ["ana", "ben"]);
    assert_eq!(role_of(&i, "ben"), Some(SpeakerRole::Interviewee));
}

#[test]
fn two_turn_interviews_and_joined_files() {
    let i = md("**Ana:** How are you?\n\n**Ben:** Fine thanks.\n");
    assert_eq!(labels(&i), ["Ana", "Ben"]);
    assert_eq!(i.turns[0].role, TurnRole::Question);
    // A byte-order mark where two files were joined does not hide the label.
    let j = md("**Ana:** Why?\n\n\u{feff}**Ben:** Because.\n\n**Ana:** When?\n\n**Ben:** Now.\n");
    assert_eq!(labels(&j), ["Ana", "Ben", "Ana", "Ben"]);
}

#[test]
fn hosts_who_steer_without_asking_are_interviewers() {
    let i = md(concat!(
        "**Mia Hart:** Welcome to the show, everybody. I'm your host Mia Hart, and with me is my co-host Tom Reed.\n\n",
        "**Tom Reed:** Hello, hello.\n\n",
        "**Mia Hart:** Our guest today is Lena Cho, who builds bridges. Welcome, Lena.\n\n",
        "**Lena Cho:** Thanks for having me. It is great to be here.\n\n",
        "**Tom Reed:** Tell us about the first bridge.\n\n",
        "**Lena Cho:** It was a footbridge in 2004. Have you seen it? It still stands, and I walk over it every week.\n\n",
        "**Mia Hart:** That is all for today. Thanks for listening.\n",
    ));
    assert_eq!(role_of(&i, "Mia Hart"), Some(SpeakerRole::Interviewer));
    assert_eq!(role_of(&i, "Tom Reed"), Some(SpeakerRole::Interviewer));
    assert_eq!(role_of(&i, "Lena Cho"), Some(SpeakerRole::Interviewee));
    assert_eq!(i.turns[1].role, TurnRole::Question);
}

#[test]
fn an_abbreviation_introduced_in_a_first_label_is_one_speaker() {
    let i = md(
        "**Maria Lopez (ML): Hello. Who are you?**\n\n**Dan**: I am Dan.\n\n**ML: And what do you do?**\n\n**Dan**: I write.\n",
    );
    assert_eq!(labels(&i), ["ML", "Dan", "ML", "Dan"]);
    assert_eq!(i.speakers[0].name.as_deref(), Some("Maria Lopez"));
    assert_eq!(role_of(&i, "ML"), Some(SpeakerRole::Interviewer));
}

#[test]
fn heading_attributes_are_not_text() {
    let i = md(
        "## Beginnings {#start}\n\n**Ana:** Why?\n\n**Ben:** Because.\n\n**Ana:** So?\n\n**Ben:** So.\n",
    );
    assert_eq!(i.sections[0].heading, "Beginnings");
}

#[test]
fn questions_as_headings_or_in_italics() {
    let i = md(
        "# Talking to Ann\n\nAnn Lee makes maps.\n\n## How did you start?\n\nWith a pencil.\n\nAnd paper.\n\n## What comes next?\n\nA new atlas.\n",
    );
    assert_eq!(
        texts(&i),
        [
            "How did you start?",
            "With a pencil.\n\nAnd paper.",
            "What comes next?",
            "A new atlas."
        ]
    );
    assert_eq!(i.turns[0].role, TurnRole::Question);
    assert!(i.sections.is_empty());
    let j = md("Intro.\n\n*Why maps?*\n\nBecause I like them.\n\n*And now?*\n\nNow I rest.\n");
    assert_eq!(
        texts(&j),
        [
            "Why maps?",
            "Because I like them.",
            "And now?",
            "Now I rest."
        ]
    );
    // Headings that do not ask stay sections.
    let k =
        md("## Early years\n\n**Q: Why?**\n\nBecause.\n\n## Later\n\n**Q: And then?**\n\nThen.\n");
    assert_eq!(k.sections.len(), 2);
}

#[test]
fn punctuation_becomes_typographic_in_the_language_of_the_text() {
    let i = md("**Ana:** \"Don't,\" she said -- twice...\n\n**Ben:** `a--b \"c\"` stays.\n");
    assert_eq!(texts(&i)[0], "“Don’t,” she said – twice…");
    assert_eq!(texts(&i)[1], "a--b \"c\" stays.");
    let de = md("---\nlanguage: de\n---\n**Ana:** Er sagte \"ja\".\n\n**Ben:** Gut.\n");
    assert_eq!(texts(&de)[0], "Er sagte „ja“.");
    let fr = md("---\nlanguage: fr\n---\n**Ana:** Il a dit \"oui\" ?\n\n**Ben:** Oui!\n");
    assert_eq!(texts(&fr)[0], "Il a dit «\u{202f}oui\u{202f}»\u{202f}?");
    assert_eq!(texts(&fr)[1], "Oui\u{202f}!");
    let options = ReadOptions {
        straight_punctuation: true,
        ..ReadOptions::default()
    };
    let plain = read_as(
        "**Ana:** \"Hi\" -- ok...\n\n**Ben:** Yes.\n",
        "t.md",
        &options,
    );
    assert_eq!(texts(&plain.interview)[0], "\"Hi\" -- ok...");
}

#[test]
fn angle_brackets_and_unclosed_markup_keep_their_text() {
    let parsed = read_as(
        "**Ana:** Run git checkout <branch>, press <Enter>, sign <Your Name Here>; a<b and c>d.\n\n**Ben:** One<br>two <span style=\"x\">three</span>.\n\n<!-- TODO check\n\n**Ana:** Still here?\n\n**Ben:** Yes.\n",
        "t.md",
        &ReadOptions::default(),
    );
    let i = &parsed.interview;
    assert_eq!(
        texts(i)[0],
        "Run git checkout <branch>, press <Enter>, sign <Your Name Here>; a<b and c>d."
    );
    // The never-closed comment is printed, and the turns after it are read.
    assert_eq!(texts(i)[1], "One\ntwo three.\n\n<!-- TODO check");
    assert_eq!(labels(i), ["Ana", "Ben", "Ana", "Ben"]);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == Some(5) && w.message.contains("never closed")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn strike_out_superscript_and_subscript_are_inlines() {
    let i = md(
        "**Ana:** ~~wrong~~ right, H<sub>2</sub>O, x<sup>2</sup> and <del>old</del>.\n\n**Ben:** Yes.\n",
    );
    let Block::Paragraph { content } = &i.turns[0].content[0] else {
        panic!("{:?}", i.turns[0].content)
    };
    let kinds: Vec<&str> = content
        .iter()
        .filter_map(|inline| match inline {
            Inline::Strikeout { .. } => Some("strike"),
            Inline::Subscript { .. } => Some("sub"),
            Inline::Superscript { .. } => Some("sup"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["strike", "sub", "sup", "strike"]);
    assert_eq!(texts(&i)[0], "wrong right, H2O, x2 and old.");
}

#[test]
fn names_come_from_the_byline_the_headline_and_the_text() {
    let i = md(
        "# Interview with Lena Cho, bridge builder\n\nBy Tom Reed\n\n**How did you start?**\n\nWith a footbridge.\n\n**And then?**\n\nA viaduct.\n",
    );
    let name = |role| {
        i.speakers
            .iter()
            .find(|s| s.role == role)
            .and_then(|s| s.name.clone())
    };
    assert_eq!(name(SpeakerRole::Interviewer).as_deref(), Some("Tom Reed"));
    assert_eq!(name(SpeakerRole::Interviewee).as_deref(), Some("Lena Cho"));
    // A given name as the label: the surname follows it in the text.
    let j = md(
        "We talked to David Eads (Red Hat) about his work.\n\n**Q: Why?**\n\n**David**: Because.\n\n**Q: When?**\n\n**David**: Now.\n",
    );
    assert_eq!(
        j.speakers
            .iter()
            .find(|s| s.label == "David")
            .and_then(|s| s.name.as_deref()),
        Some("David Eads")
    );
}

#[test]
fn a_closing_heading_is_kept_with_its_bio() {
    let i = md(
        "**Ana:** Why?\n\n**Ben:** Because.\n\n**Ana:** When?\n\n**Ben:** Now.\n\n## About the author\n\nAna Ruiz is a reporter.\n",
    );
    let closing: Vec<String> = i
        .closing
        .iter()
        .map(|c| match c {
            ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content } => blocks_plain_text(content),
        })
        .collect();
    assert_eq!(closing, ["About the author\n\nAna Ruiz is a reporter."]);
}

#[test]
fn a_chair_who_hands_over_moderates_and_the_official_answers() {
    let i = md(concat!(
        "MS. RIVERA: Good morning. We have twenty minutes. Joel, go ahead.\n\n",
        "Q: When does the festival open?\n\n",
        "MR. BATBAYAR: On Friday, at the harbour, with a parade that starts at noon and ends at the old lighthouse.\n\n",
        "MS. RIVERA: Next question. Dana?\n\n",
        "Q: Is it free?\n\n",
        "MR. BATBAYAR: Yes, every concert on the waterfront is free, as it has always been.\n\n",
        "MS. RIVERA: We have time for one more.\n\n",
        "Q: Will you come back?\n\n",
        "MR. BATBAYAR: Every year, if they let us. Go ahead and ask the city.\n",
    ));
    assert_eq!(role_of(&i, "MS. RIVERA"), Some(SpeakerRole::Moderator));
    assert_eq!(role_of(&i, "MR. BATBAYAR"), Some(SpeakerRole::Interviewee));
    assert_eq!(role_of(&i, "Q"), Some(SpeakerRole::Interviewer));
}

#[test]
fn tables_in_answers_and_in_html_blocks_are_tables() {
    use folio_core::Alignment;
    let text = "**Ana:** What did the festival cost?\n\n\
                **Ben:** This much:\n\n\
                | Item | Cost |\n\
                |:-----|-----:|\n\
                | **Hall** | `€40` |\n\
                | [Band](https://band.example) | *€65* |\n\
                | Tea |\n\n\
                That was all.\n\n\
                **Ana:** And the tickets?\n\n\
                **Ben:** We sold these:\n\n\
                <table>\n\
                <thead><tr><th>Day</th><th style=\"text-align: right\">Sold</th></tr></thead>\n\
                <tbody>\n\
                <tr><td>Friday</td><td>120</td></tr>\n\
                <tr><td>Saturday <em>(sold out)</em></td><td>300</td></tr>\n\
                </tbody>\n\
                </table>\n";
    let parsed = read_as(text, "test.md", &ReadOptions::default());
    let i = &parsed.interview;
    assert_eq!(labels(i), ["Ana", "Ben", "Ana", "Ben"]);
    // The table belongs to the answer it stands in, between its paragraphs.
    let answer = &i.turns[1].content;
    assert_eq!(answer.len(), 3, "{answer:?}");
    let Block::Table {
        header,
        rows,
        align,
    } = &answer[1]
    else {
        panic!("expected a table, got {:?}", answer[1]);
    };
    assert_eq!(
        header,
        &[vec![Inline::text("Item")], vec![Inline::text("Cost")]]
    );
    assert_eq!(align, &[Alignment::Left, Alignment::Right]);
    assert_eq!(rows.len(), 3);
    // Cells keep bold, code, links and italics.
    assert_eq!(
        rows[0][0],
        [Inline::Strong {
            content: vec![Inline::text("Hall")]
        }]
    );
    assert!(matches!(rows[0][1].as_slice(), [Inline::Code { text }] if text == "€40"));
    assert!(
        matches!(rows[1][0].as_slice(), [Inline::Link { url, content }] if url == "https://band.example" && plain_text(content) == "Band")
    );
    assert!(matches!(rows[1][1].as_slice(), [Inline::Emphasis { .. }]));
    assert_eq!(
        texts(i)[1],
        "This much:\n\nItem\tCost\nHall\t€40\nBand\t€65\nTea\t\n\nThat was all."
    );
    // The HTML table: header from <thead>, alignment from the header cell.
    let answer = &i.turns[3].content;
    assert_eq!(answer.len(), 2, "{answer:?}");
    let Block::Table {
        header,
        rows,
        align,
    } = &answer[1]
    else {
        panic!("expected a table, got {:?}", answer[1]);
    };
    assert_eq!(
        header,
        &[vec![Inline::text("Day")], vec![Inline::text("Sold")]]
    );
    assert_eq!(align, &[Alignment::Default, Alignment::Right]);
    assert_eq!(
        rows[1],
        [
            vec![
                Inline::text("Saturday "),
                Inline::Emphasis {
                    content: vec![Inline::text("(sold out)")]
                }
            ],
            vec![Inline::text("300")]
        ]
    );
    // A table is structure kept, not markup dropped.
    assert!(
        parsed
            .warnings
            .iter()
            .all(|w| !w.to_string().contains("raw HTML block")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_model_file_may_have_tables_with_rows_of_any_width() {
    let mut i =
        md("**Ana:** Figures?\n\n**Ben:** Here:\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n");
    let Block::Table { rows, .. } = &mut i.turns[1].content[1] else {
        panic!("expected a table, got {:?}", i.turns[1].content);
    };
    // Writers pad short rows and take long ones whole: nothing to reject.
    rows.push(vec![vec![Inline::text("4")]]);
    rows.push((5..10).map(|n| vec![Inline::text(n.to_string())]).collect());
    let json = serde_json::to_string(&i).unwrap();
    let back = read_as(&json, "model.json", &ReadOptions::default()).interview;
    assert_eq!(back, i);
    let Block::Table { header, rows, .. } = &back.turns[1].content[1] else {
        panic!("the table did not survive");
    };
    assert_eq!(folio_core::column_count(header, rows), 5);
}

#[test]
fn labels_set_off_by_dashes_on_their_own_line_in_quotes_and_in_lists() {
    let dash =
        md("Q - Why did you go?\n\nA - Because.\n\nMS. LEE — When?\n\nMR. MOSS — Now - or soon.\n");
    assert_eq!(labels(&dash), ["Q", "A", "MS. LEE", "MR. MOSS"]);
    assert_eq!(texts(&dash)[3], "Now - or soon.");
    let own_line = md(
        "JANE DOE\nWhy did you go?\n\nJOHN ROE\nBecause.\n\nJANE DOE\nWhen?\n\nJOHN ROE\nNow.\n",
    );
    assert_eq!(
        labels(&own_line),
        ["JANE DOE", "JOHN ROE", "JANE DOE", "JOHN ROE"]
    );
    assert_eq!(texts(&own_line)[0], "Why did you go?");
    let quoted = md("> **Q:** Why?\n\n**A:** Because.\n\n> **Q:** When?\n\n**A:** Now.\n");
    assert_eq!(labels(&quoted), ["Q", "A", "Q", "A"]);
    let listed = md("- **Ana:** Why?\n- **Ben:** Because.\n- **Ana:** When?\n- **Ben:** Now.\n");
    assert_eq!(labels(&listed), ["Ana", "Ben", "Ana", "Ben"]);
    // A list of bold terms inside an answer stays the answer's list.
    let terms = md(
        "**Ana:** What matters?\n\n**Ben:** Three things:\n\n1. **Scope**: small.\n2. **Speed**: fast.\n3. **Cost**: low.\n\n**Ana:** Thanks.\n",
    );
    assert_eq!(labels(&terms), ["Ana", "Ben", "Ana"]);
    assert!(matches!(terms.turns[1].content[1], Block::List { .. }));
}

#[test]
fn a_label_after_a_hard_line_break_opens_a_turn() {
    let i = md(
        "MS. LEE:\u{a0} Hello.  \nQ\u{a0}\u{a0}\u{a0} Why?  \nMS. LEE:\u{a0} Because.  \nQ\u{a0}\u{a0}\u{a0} When?\n",
    );
    assert_eq!(labels(&i), ["MS. LEE", "Q", "MS. LEE", "Q"]);
    assert_eq!(texts(&i)[2], "Because.");
}

#[test]
fn a_time_stamp_between_the_name_and_the_colon() {
    let parsed = read_as(
        "Speaker 1 (00:03:18): Welcome.\n\nSpeaker 2 (00:03:25): Thanks for having me.\n\nSpeaker 1 (00:03:30): How did you start?\n\nSpeaker 2 [00:03:40]: With a pencil.\n",
        "t.txt",
        &ReadOptions::default(),
    );
    let i = &parsed.interview;
    assert_eq!(
        labels(i),
        ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    );
    assert_eq!(texts(i)[3], "[00:03:40] With a pencil.");
    assert!(matches!(
        &i.turns[0].content[0],
        Block::Paragraph { content } if matches!(content[0], Inline::Timestamp { .. })
    ));
}

#[test]
fn plain_text_names_alone_on_the_line_above_their_words() {
    let parsed = read_as(
        "JANE DOE\nWhy did you go?\n\nJOHN ROE\nBecause.\n\nJANE DOE\nWhen?\n\nJOHN ROE\nNow.\n",
        "t.txt",
        &ReadOptions::default(),
    );
    assert_eq!(
        labels(&parsed.interview),
        ["JANE DOE", "JOHN ROE", "JANE DOE", "JOHN ROE"]
    );
    assert_eq!(texts(&parsed.interview)[0], "Why did you go?");
}

#[test]
fn courtesies_stay_questions_but_out_of_the_navigation() {
    let i = md(
        "Q: And later you were involved in the strike.\n\nA: Yes.\n\nQ: Was it hard?\n\nA: Very.\n\nQ: Thank you, Peggy.\n\nA: Thank you.\n",
    );
    let navigable: Vec<bool> = i
        .turns
        .iter()
        .filter(|t| t.role == TurnRole::Question)
        .map(|t| t.is_navigable_question())
        .collect();
    assert_eq!(navigable, [true, true, false]);
}
