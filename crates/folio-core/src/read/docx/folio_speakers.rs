//! Who speaks in Folio's own DOCX: a Speaker Label's text as a speaker
//! (the stored one it names, or a new one), an entry of the printed
//! Participants line as a full name and role, a speaker's role as the side
//! of the page their turns take.

use crate::assemble::labels::label_key;
use crate::model::{Speaker, SpeakerRole, TurnRole};

/// Finds or adds the speaker whose label (or full name) is `label`.
pub fn speaker_index(label: &str, stored: &[Speaker], speakers: &mut Vec<Speaker>) -> usize {
    let label = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end_matches(|c: char| c.is_whitespace())
        .to_string();
    let key = label_key(&label);
    if let Some(at) = speakers
        .iter()
        .position(|s| s.label == label || label_key(&s.label) == key)
    {
        return at;
    }
    let known = stored
        .iter()
        .find(|s| s.label == label)
        .or_else(|| stored.iter().find(|s| label_key(&s.label) == key))
        .or_else(|| {
            stored
                .iter()
                .find(|s| s.name.as_deref() == Some(label.as_str()))
        });
    if let Some(known) = known {
        if let Some(at) = speakers.iter().position(|s| s.id == known.id) {
            return at;
        }
        speakers.push(known.clone());
        return speakers.len() - 1;
    }
    let mut id: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if id.is_empty() {
        id = "speaker".to_string();
    }
    let base = id.clone();
    let mut n = 1;
    while speakers.iter().chain(stored).any(|s| s.id == id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    speakers.push(Speaker {
        id,
        label,
        name: None,
        role: SpeakerRole::Other,
    });
    speakers.len() - 1
}

/// One entry of Folio's Participants paragraph, `Tess Marlowe (Marlowe),
/// interviewer`, given to the speaker it names.
pub fn apply_participant(name: &str, details: &str, speakers: &mut [Speaker]) {
    let name = name.trim();
    let details = details.trim().trim_end_matches(['·', ' ', '\u{a0}']);
    let (label, rest) = match details.find(['(', '（']) {
        Some(open) => {
            let inner = &details[open..];
            let inner = inner
                .trim_start_matches(['(', '（'])
                .trim_start_matches(|c: char| c.is_whitespace());
            match inner.find([')', '）']) {
                Some(close) => (Some(inner[..close].trim()), &inner[close..]),
                None => (None, details),
            }
        }
        None => (None, details),
    };
    let word = rest
        .trim_start_matches([')', '）', ',', '，', '、', ' ', '\u{a0}'])
        .trim();
    let role = crate::terms::Terms::all().iter().find_map(|terms| {
        [
            SpeakerRole::Interviewer,
            SpeakerRole::Interviewee,
            SpeakerRole::Moderator,
            SpeakerRole::Interpreter,
            SpeakerRole::Group,
            SpeakerRole::Other,
        ]
        .into_iter()
        .find(|role| {
            terms
                .role(*role)
                .is_some_and(|w| !w.is_empty() && w == word)
        })
    });
    let key = label_key(label.unwrap_or(name));
    let Some(speaker) = speakers
        .iter_mut()
        .find(|s| label_key(&s.label) == key || s.name.as_deref() == Some(name))
    else {
        return;
    };
    // A name printed alone is the speaker's name, as the label was.
    speaker.name = Some(name.to_string());
    if let Some(role) = role {
        speaker.role = role;
    }
}

/// As the assembler places a turn: on its speaker's side of the page.
pub fn turn_role(role: SpeakerRole) -> TurnRole {
    match role {
        SpeakerRole::Interviewer => TurnRole::Question,
        SpeakerRole::Interviewee | SpeakerRole::Group => TurnRole::Answer,
        SpeakerRole::Moderator | SpeakerRole::Interpreter | SpeakerRole::Other => TurnRole::Remark,
    }
}
