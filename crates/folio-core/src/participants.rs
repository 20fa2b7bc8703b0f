//! Who is speaking, presented once for every writer: each speaker's name,
//! the label the turns print when it says something the name does not, and
//! the role, in the interview's language.

use crate::assemble::labels::{is_question_answer_key, label_key};
use crate::model::{Interview, Speaker, SpeakerRole};
use crate::terms::Terms;

/// One entry of the participants list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The speaker's id.
    pub speaker: String,
    /// The full name when known, else the label.
    pub name: String,
    /// The label as printed (`IVERSON`, `Q`), when it differs from the
    /// name and from the role word; a writer whose turns show full names
    /// leaves it out.
    pub label: Option<String>,
    pub role: SpeakerRole,
    /// The role in the interview's language; groups and other voices have none.
    pub role_word: Option<&'static str>,
}

impl Participant {
    /// What follows the name: ` (IVERSON), interviewer`, `（记者），采访者`.
    pub fn details(&self, terms: &Terms) -> String {
        let mut out = String::new();
        if let Some(label) = &self.label {
            out.push_str(terms.label_open);
            out.push_str(label);
            out.push_str(terms.label_close);
        }
        if let Some(role) = self.role_word {
            out.push_str(terms.role_comma);
            out.push_str(role);
        }
        out
    }

    /// The whole entry: `Mira Iverson (IVERSON), interviewer`.
    pub fn describe(&self, terms: &Terms) -> String {
        format!("{}{}", self.name, self.details(terms))
    }
}

impl Interview {
    /// The words writers add, in the interview's language.
    pub fn terms(&self) -> &'static Terms {
        Terms::for_language(&self.meta.language)
    }

    /// Everyone worth naming, in speaker order. A speaker known only by a
    /// generic label (`Q`, `A`, `INTERPRETER`, `AUDIENCE`) or without a
    /// role word (a group without a name) is left out; an empty list means
    /// there is nothing to print.
    pub fn participants(&self) -> Vec<Participant> {
        let terms = self.terms();
        self.speakers
            .iter()
            .filter_map(|speaker| participant(speaker, terms))
            .collect()
    }
}

fn participant(speaker: &Speaker, terms: &Terms) -> Option<Participant> {
    let label = shown(&speaker.label);
    let role_word = terms.role(speaker.role);
    let (name, label) = match speaker.name.as_deref().and_then(shown) {
        Some(name) => {
            let says_more = |l: &&str| !same_text(l, name) && !terms.is_role_word(l);
            (name, label.filter(says_more))
        }
        None => {
            let label = label.filter(|l| !is_generic(l))?;
            role_word?;
            (label, None)
        }
    };
    Some(Participant {
        speaker: speaker.id.clone(),
        name: name.to_string(),
        label: label.map(str::to_string),
        role: speaker.role,
        role_word,
    })
}

/// The trimmed text, when a reader would see something.
fn shown(text: &str) -> Option<&str> {
    let text = text.trim();
    text.chars()
        .any(|c| !c.is_whitespace() && !c.is_control())
        .then_some(text)
}

/// Whether two printings say the same (`DANA PARK` for Dana Park).
fn same_text(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    words(a) == words(b)
}

/// A label that names nobody: `Q`, `A.`, `س` (any single letter), `Host`,
/// `INTERPRETER`, `Speaker 2`.
fn is_generic(label: &str) -> bool {
    let key = label_key(label);
    let numbered_speaker = key
        .strip_prefix("SPEAKER")
        .is_some_and(|n| n.trim().chars().all(|c| c.is_ascii_digit()));
    key.chars().filter(|c| c.is_alphanumeric()).count() <= 1
        || is_question_answer_key(&key).is_some()
        || SpeakerRole::parse(&key).is_some()
        || Terms::all().iter().any(|t| t.is_role_word(&key))
        || numbered_speaker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn speaker(label: &str, name: Option<&str>, role: SpeakerRole) -> Speaker {
        Speaker {
            id: label.to_lowercase(),
            label: label.into(),
            name: name.map(str::to_string),
            role,
        }
    }

    fn interview(language: &str, speakers: Vec<Speaker>) -> Interview {
        Interview {
            meta: Meta {
                language: language.into(),
                ..Meta::default()
            },
            speakers,
            front: Vec::new(),
            turns: Vec::new(),
            sections: Vec::new(),
            closing: Vec::new(),
        }
    }

    fn described(interview: &Interview) -> Vec<String> {
        let terms = interview.terms();
        interview
            .participants()
            .iter()
            .map(|p| p.describe(terms))
            .collect()
    }

    #[test]
    fn names_labels_and_roles_in_speaker_order() {
        use SpeakerRole::*;
        let i = interview(
            "en",
            vec![
                speaker("MS. RIVERA", Some("Lucía Rivera"), Moderator),
                speaker("DANA PARK", Some("Dana Park"), Interviewer),
                speaker("INTERPRETER", None, Interpreter),
                speaker("INTERPRETER 2", Some("Yumi Sato"), Interpreter),
                speaker("INTERPRETER", Some("Aiko Mori"), Interpreter),
                speaker("MEMBERS OF THE BAND", None, Group),
                speaker("THE RIDERS", Some("The Khentii Riders"), Group),
                speaker("Sofia", None, Interviewee),
            ],
        );
        assert_eq!(
            described(&i),
            [
                "Lucía Rivera (MS. RIVERA), moderator",
                "Dana Park, interviewer",
                "Yumi Sato (INTERPRETER 2), interpreter",
                "Aiko Mori, interpreter",
                "The Khentii Riders (THE RIDERS)",
                "Sofia, interviewee",
            ]
        );
    }

    #[test]
    fn generic_labels_without_names_are_left_out() {
        use SpeakerRole::*;
        let unnamed = interview(
            "en",
            vec![
                speaker("Q", None, Interviewer),
                speaker("A.", None, Interviewee),
                speaker("س", None, Interviewer),
                speaker("ת", None, Interviewee),
                speaker("问", None, Interviewer),
                speaker("HOST", None, Interviewer),
                speaker("Speaker 2", None, Interviewee),
                speaker("Dolmetscher", None, Interpreter),
                speaker("AUDIENCE", None, Group),
                speaker(" ", Some("  "), Interviewee),
            ],
        );
        assert!(unnamed.participants().is_empty());
        // With a name, the generic label tells the reader who it is.
        let named = interview(
            "en",
            vec![
                speaker("Q", Some("Owen Gallagher"), Interviewer),
                speaker("A", Some("Priya Raman"), Interviewee),
            ],
        );
        assert_eq!(
            described(&named),
            [
                "Owen Gallagher (Q), interviewer",
                "Priya Raman (A), interviewee"
            ]
        );
    }

    #[test]
    fn terms_follow_the_interview_language() {
        use SpeakerRole::*;
        let chinese = interview(
            "zh-CN",
            vec![
                speaker("记者", Some("李思远"), Interviewer),
                speaker("张华", Some("张华"), Interviewee),
            ],
        );
        assert_eq!(
            described(&chinese),
            ["李思远（记者），采访者", "张华，受访者"]
        );
        let french = interview("fr", vec![speaker("Paul Morel", None, Interviewee)]);
        assert_eq!(described(&french), ["Paul Morel, interviewé"]);
        assert_eq!(french.terms().participants, "Participants");
    }
}
