//! Resolving the voices of an interview once: who each label is (full name),
//! what part they play (interviewer, interviewee, moderator…), and a stable id.
//!
//! Evidence is taken strongest first: the user's override, front matter, the
//! label itself (`Q`, `INTERPRETER`, an outlet's abbreviation), names given
//! elsewhere in the document, and only then statistics (who speaks first,
//! who asks questions), which is reported as a guess.

use std::collections::{HashMap, HashSet};

use crate::assemble::labels::{is_question_answer_key, label_key};
use crate::assemble::roles::{self, Certainty, RoleEvidence};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{Speaker, SpeakerRole};

/// What the source or the user says about a speaker before the text is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerHint {
    pub label: Option<String>,
    pub name: Option<String>,
    pub role: Option<SpeakerRole>,
}

/// Everything known about the speakers apart from the turns themselves.
#[derive(Debug, Clone, Default)]
pub struct SpeakerHints {
    pub speakers: Vec<SpeakerHint>,
    /// Names or labels of who asks (front matter `interviewer`).
    pub interviewers: Vec<String>,
    /// Names or labels of who answers (front matter `interviewee`).
    pub interviewees: Vec<String>,
    pub publication: Option<String>,
    /// The byline's authors: when only one wrote the piece and nothing else
    /// names who asked, an unnamed interviewer is taken to be them.
    pub authors: Vec<String>,
    /// The person a headline names as interviewed (`Interview with Ann Lee`).
    pub headline_interviewee: Option<String>,
    /// The user's overrides (`--role LABEL=ROLE`, `--interviewer LABEL`), by label.
    pub overrides: Vec<(String, SpeakerRole)>,
}

/// A speaker as the turns show it, before resolution.
#[derive(Debug, Clone)]
pub struct SpeakerDraft {
    pub key: String,
    /// The label as first printed.
    pub label: String,
    /// Line of the first turn, for warnings.
    pub line: usize,
    /// Plain text of each of this speaker's turns.
    pub turn_texts: Vec<String>,
    /// Position of the first turn among all turns.
    pub first_turn: usize,
    /// Position of the last turn among all turns.
    pub last_turn: usize,
    /// Set for speakers the reader made up (unlabelled answers): their side is known.
    pub implied_role: Option<SpeakerRole>,
    /// The name a `Name (ABBR)` label printed for this speaker.
    pub introduced_as: Option<String>,
}

const HONORIFICS: &[&str] = &[
    "MR",
    "MRS",
    "MS",
    "MISS",
    "DR",
    "PROF",
    "PROFESSOR",
    "SEN",
    "SENATOR",
    "REP",
    "GEN",
    "GOV",
    "GOVERNOR",
    "PRESIDENT",
    "SECRETARY",
    "MINISTER",
    "MAYOR",
    "JUDGE",
    "SIR",
    "DAME",
    "LORD",
    "LADY",
    "REV",
    "FATHER",
    "SISTER",
    "AMB",
    "AMBASSADOR",
    "CAPT",
    "COL",
    "LT",
    "SGT",
    "M",
    "MME",
    "HERR",
    "FRAU",
    "SR",
    "SRA",
];

/// Resolves names, roles and ids. `context` is the text around the turns
/// (title, notes, intro, captions) where full names are usually given.
/// Returns the speakers and, for each, how its role was decided.
pub fn resolve(
    drafts: &[SpeakerDraft],
    hints: &SpeakerHints,
    context: &str,
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Speaker>, Vec<RoleEvidence>) {
    let mut roles: Vec<Option<SpeakerRole>> = Vec::with_capacity(drafts.len());
    let mut stated: Vec<Option<(Certainty, String)>> = Vec::with_capacity(drafts.len());
    let mut names: Vec<Option<String>> = Vec::with_capacity(drafts.len());
    // The context's words, indexed once for every speaker's name search.
    let words = ContextWords::new(context);
    for draft in drafts {
        let hint = find_hint(draft, hints);
        // A speaker the reader supplied is labelled with its name when known.
        let implied_name = draft.implied_role.map(|_| {
            (is_question_answer_key(&draft.key).is_none()
                && draft.label != "Q"
                && draft.label != "A")
                .then(|| draft.label.clone())
        });
        let name = hint
            .and_then(|h| h.name.clone())
            .or_else(|| {
                draft
                    .introduced_as
                    .as_deref()
                    .map(|short| full_name_in_text(short, &words).unwrap_or(short.to_string()))
            })
            .or_else(|| match implied_name {
                Some(name) => name,
                None => name_for(draft, hints, context, &words),
            });
        let (role, why) = if let Some(role) = override_role(draft, hints) {
            (Some(role), Some((Certainty::Stated, "--role".to_string())))
        } else if let Some(role) = hint.and_then(|h| h.role) {
            (
                Some(role),
                Some((Certainty::Stated, "front matter `speakers`".to_string())),
            )
        } else if let Some(role) = draft.implied_role {
            let why = match role {
                SpeakerRole::Interviewer => {
                    "the questions are set apart (in bold, in italics, numbered or as headings)"
                }
                _ => "answers the questions set apart",
            };
            (Some(role), Some((Certainty::Label, why.to_string())))
        } else if let Some(role) = role_from_people(draft, name.as_deref(), hints) {
            let why = match role {
                SpeakerRole::Interviewer => "named as interviewer in front matter",
                _ => "named as interviewee in front matter",
            };
            (Some(role), Some((Certainty::Stated, why.to_string())))
        } else if let Some(role) = role_from_label(&draft.key, hints, context) {
            let why = if role_from_label(&draft.key, &SpeakerHints::default(), "").is_none() {
                format!("the label {:?} stands for the publication", draft.label)
            } else {
                format!("the label {:?} says {}", draft.label, role.as_str())
            };
            (Some(role), Some((Certainty::Label, why)))
        } else {
            (None, None)
        };
        roles.push(role);
        stated.push(why);
        names.push(name);
    }
    let turn_count = drafts.iter().map(|d| d.last_turn + 1).max().unwrap_or(0);
    let decided = roles::decide(drafts, &names, &mut roles, turn_count);

    name_from_byline_and_headline(drafts, &roles, &mut names, hints);

    let mut used = HashSet::new();
    let mut evidence = Vec::with_capacity(drafts.len());
    let speakers = drafts
        .iter()
        .zip(roles)
        .zip(names)
        .zip(stated.into_iter().zip(decided))
        .enumerate()
        .map(
            |(index, (((draft, role), name), (stated, (certainty, reasons))))| {
                let role = role.unwrap_or(SpeakerRole::Other);
                let id = unique_id(&draft.label, index, &mut used);
                let (certainty, reasons) = match stated {
                    Some((certainty, why)) => (certainty, vec![why]),
                    None => (certainty, reasons),
                };
                if certainty >= Certainty::Evidence {
                    warnings.push(role_warning(draft, role, certainty, &reasons));
                }
                evidence.push(RoleEvidence {
                    speaker: id.clone(),
                    label: draft.label.clone(),
                    role,
                    certainty,
                    reasons,
                });
                Speaker {
                    id,
                    label: draft.label.clone(),
                    name,
                    role,
                }
            },
        )
        .collect();
    (speakers, evidence)
}

/// Names the one unnamed interviewer after the byline's only author, and
/// the one unnamed interviewee after the person the headline names, when
/// nobody else already carries that name.
fn name_from_byline_and_headline(
    drafts: &[SpeakerDraft],
    roles: &[Option<SpeakerRole>],
    names: &mut [Option<String>],
    hints: &SpeakerHints,
) {
    let fill = |role: SpeakerRole, person: Option<&String>, names: &mut [Option<String>]| {
        let Some(person) = person else { return };
        let of_role: Vec<usize> = (0..drafts.len())
            .filter(|&i| roles[i] == Some(role))
            .collect();
        let taken = names
            .iter()
            .flatten()
            .any(|n| label_key(n) == label_key(person));
        if let [only] = of_role.as_slice()
            && names[*only].is_none()
            && !taken
            && (is_question_answer_key(&drafts[*only].key).is_some()
                || drafts[*only].implied_role.is_some()
                || names_match(person, &drafts[*only].key))
        {
            names[*only] = Some(person.clone());
        }
    };
    if hints.interviewers.is_empty() && hints.authors.len() == 1 {
        fill(SpeakerRole::Interviewer, hints.authors.first(), names);
    }
    if hints.interviewees.is_empty() {
        fill(
            SpeakerRole::Interviewee,
            hints.headline_interviewee.as_ref(),
            names,
        );
    }
}

fn role_warning(
    draft: &SpeakerDraft,
    role: SpeakerRole,
    certainty: Certainty,
    reasons: &[String],
) -> Diagnostic {
    let verb = match certainty {
        Certainty::Evidence => "took",
        _ => "guessed",
    };
    Diagnostic::new(
        DiagnosticKind::GuessedRole,
        Some(draft.line),
        format!(
            "{verb} {:?} as the {} ({}); set `speakers` in front matter or pass {} to change it",
            draft.label,
            role.as_str(),
            reasons.join(", "),
            if draft.label.contains(' ') {
                format!("--role \"{}=ROLE\"", draft.label)
            } else {
                format!("--role {}=ROLE", draft.label)
            }
        ),
    )
}

fn find_hint<'a>(draft: &SpeakerDraft, hints: &'a SpeakerHints) -> Option<&'a SpeakerHint> {
    hints.speakers.iter().find(|h| {
        h.label
            .as_deref()
            .is_some_and(|l| label_key(l) == draft.key)
            || (h.label.is_none()
                && h.name
                    .as_deref()
                    .is_some_and(|n| names_match(n, &draft.key)))
    })
}

fn override_role(draft: &SpeakerDraft, hints: &SpeakerHints) -> Option<SpeakerRole> {
    hints
        .overrides
        .iter()
        .rev()
        .find(|(label, _)| label_key(label) == draft.key)
        .map(|(_, role)| *role)
}

/// Whether a person's name is what a label refers to (`Dana Park` ~ `PARK`, `MS. PARK`).
fn names_match(name: &str, key: &str) -> bool {
    let name_key = label_key(name);
    if name_key == key {
        return true;
    }
    let bare = strip_honorific(key);
    let surname = name_key.split_whitespace().last().unwrap_or("");
    !bare.is_empty() && (bare == surname || bare == name_key)
}

fn strip_honorific(key: &str) -> String {
    let words: Vec<&str> = key.split_whitespace().collect();
    let start = words
        .iter()
        .take_while(|w| HONORIFICS.contains(&w.trim_end_matches('.')))
        .count();
    words[start..].join(" ")
}

fn role_from_people(
    draft: &SpeakerDraft,
    name: Option<&str>,
    hints: &SpeakerHints,
) -> Option<SpeakerRole> {
    let matches = |people: &[String]| {
        people.iter().any(|p| {
            names_match(p, &draft.key) || name.is_some_and(|n| label_key(n) == label_key(p))
        })
    };
    if matches(&hints.interviewers) {
        Some(SpeakerRole::Interviewer)
    } else if matches(&hints.interviewees) {
        Some(SpeakerRole::Interviewee)
    } else {
        None
    }
}

pub(crate) fn role_from_label(
    key: &str,
    hints: &SpeakerHints,
    context: &str,
) -> Option<SpeakerRole> {
    if let Some(asks) = is_question_answer_key(key) {
        return Some(if asks {
            SpeakerRole::Interviewer
        } else {
            SpeakerRole::Interviewee
        });
    }
    let words: Vec<&str> = key.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    if has("INTERPRETER") || has("TRANSLATOR") || key == "口译" || key == "翻译" {
        return Some(SpeakerRole::Interpreter);
    }
    if has("MODERATOR") || has("CHAIR") || has("CHAIRMAN") || has("CHAIRWOMAN") || key == "主持人"
    {
        return Some(SpeakerRole::Moderator);
    }
    if matches!(
        key,
        "INTERVIEWER"
            | "HOST"
            | "CO-HOST"
            | "REPORTER"
            | "JOURNALIST"
            | "INTERVIEW"
            | "记者"
            | "記者"
            | "主持"
            | "ANCHOR"
            | "PRESENTER"
            | "Q&A"
    ) || has("REPORTER")
        || has("HOST")
    {
        return Some(SpeakerRole::Interviewer);
    }
    if matches!(
        key,
        "INTERVIEWEE" | "RESPONDENT" | "NARRATOR" | "GUEST" | "SUBJECT" | "受访者" | "嘉宾"
    ) {
        return Some(SpeakerRole::Interviewee);
    }
    if is_group(&words) {
        return Some(SpeakerRole::Group);
    }
    if is_outlet_abbreviation(key, hints, context) {
        return Some(SpeakerRole::Interviewer);
    }
    None
}

fn is_group(words: &[&str]) -> bool {
    let first = words.first().copied().unwrap_or("");
    matches!(
        first,
        "ALL"
            | "AUDIENCE"
            | "BOTH"
            | "TOGETHER"
            | "CROWD"
            | "EVERYONE"
            | "SEVERAL"
            | "MEMBERS"
            | "VOICES"
            | "CHORUS"
            | "PANEL"
            | "PANELISTS"
            | "PANELLISTS"
            | "GUESTS"
            | "STUDENTS"
            | "UNIDENTIFIED"
    ) || words.contains(&"AND")
        || words.contains(&"&")
        || (words.len() >= 3 && words.contains(&"OF") && first.ends_with('S'))
}

/// `GT` for `Global Times` (the publication, or `Global Times (GT)` in the text).
fn is_outlet_abbreviation(key: &str, hints: &SpeakerHints, context: &str) -> bool {
    if !(2..=6).contains(&key.len()) || !key.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let publication_matches = hints
        .publication
        .as_deref()
        .is_some_and(|p| initials(p) == key || label_key(p) == key);
    publication_matches || expansion_in_text(key, context).is_some()
}

fn initials(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Finds `Global Times (GT)` for `GT`: the capitalised words before the
/// parenthesised abbreviation whose initials spell it.
fn expansion_in_text(key: &str, context: &str) -> Option<String> {
    let needle = format!("({key})");
    let at = context.find(&needle)?;
    let before: Vec<&str> = context[..at].split_whitespace().collect();
    let n = key.chars().count();
    // Allow small words inside the expansion (`Voice of America (VOA)` has them capitalised anyway).
    for take in n..=(n + 2).min(before.len()) {
        let words = &before[before.len() - take..];
        let phrase = words.join(" ");
        let phrase = phrase.trim_start_matches(['"', '“', '(']);
        if initials(phrase) == key {
            return Some(phrase.to_string());
        }
    }
    None
}

/// Finds a speaker's full name in the front matter hints or the text around the turns.
fn name_for(
    draft: &SpeakerDraft,
    hints: &SpeakerHints,
    context: &str,
    words: &ContextWords<'_>,
) -> Option<String> {
    if let Some(asks) = is_question_answer_key(&draft.key) {
        let people = if asks {
            &hints.interviewers
        } else {
            &hints.interviewees
        };
        return (people.len() == 1).then(|| people[0].clone());
    }
    if let Some(person) = hints
        .interviewers
        .iter()
        .chain(&hints.interviewees)
        .find(|p| names_match(p, &draft.key) && p.split_whitespace().count() > 1)
    {
        return Some(person.clone());
    }
    if let Some(expansion) = expansion_in_text(&draft.key, context) {
        return Some(expansion);
    }
    let generic = role_from_label(&draft.key, &SpeakerHints::default(), "").is_some();
    if generic {
        // `记者`, `HOST`, `INTERVIEWER`: the one interviewer named elsewhere, if any.
        let asks = matches!(
            role_from_label(&draft.key, &SpeakerHints::default(), ""),
            Some(SpeakerRole::Interviewer)
        );
        return (asks && hints.interviewers.len() == 1).then(|| hints.interviewers[0].clone());
    }
    if draft.key.chars().any(crate::normalise::is_cjk) {
        // A CJK label that is no role word is the speaker's name as printed.
        return Some(draft.label.clone());
    }
    let bare = strip_honorific(&draft.key);
    if bare.is_empty() {
        return None;
    }
    full_name_in_text(&bare, words).or_else(|| {
        // A capitalised full name is a name already: `DANA PARK` is Dana Park.
        let is_full = bare.split_whitespace().count() >= 2
            && bare == draft.key
            && !bare.chars().any(|c| c.is_ascii_digit());
        is_full.then(|| title_case(&bare))
    })
}

/// The longest run of capitalised words ending in `bare` (case-insensitive)
/// in `context`, if it adds a given name: `David Gosset` for `GOSSET`.
/// The words of the context, line by line, and where each (lower-cased,
/// trimmed of punctuation) occurs: built once per interview, so finding a
/// name costs the places its last word occurs, not a pass over the whole
/// text for each of thousands of speakers.
pub(crate) struct ContextWords<'a> {
    lines: Vec<Vec<&'a str>>,
    at: HashMap<String, Vec<(usize, usize)>>,
}

impl<'a> ContextWords<'a> {
    pub(crate) fn new(context: &'a str) -> Self {
        let mut at: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let lines: Vec<Vec<&str>> = context
            .lines()
            .map(|line| line.split_whitespace().collect())
            .collect();
        for (l, words) in lines.iter().enumerate() {
            for (w, word) in words.iter().enumerate() {
                // A name's words are capitalised in the text (the search
                // below refuses any other): only those are indexed.
                let clean = clean_word(word);
                if clean.chars().next().is_some_and(char::is_uppercase) {
                    at.entry(clean.to_lowercase()).or_default().push((l, w));
                }
            }
        }
        ContextWords { lines, at }
    }
}

fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
}

fn full_name_in_text(bare: &str, context: &ContextWords<'_>) -> Option<String> {
    let target: Vec<String> = bare.split_whitespace().map(str::to_lowercase).collect();
    let clean = clean_word;
    // Lower-case equality without a new string for ASCII words (most).
    let same_word = |w: &str, lower: &str| {
        if w.is_ascii() {
            w.eq_ignore_ascii_case(lower)
        } else {
            w.to_lowercase() == lower
        }
    };
    let mut best: Option<String> = None;
    let last = target.last()?;
    // Only where the name's last word occurs, in reading order; names do
    // not run across lines, so each line is searched on its own.
    for &(line, word) in context.at.get(last.as_str()).map_or(&[][..], Vec::as_slice) {
        let words = &context.lines[line];
        let end = word + 1;
        {
            if end < target.len() {
                continue;
            }
            let tail = &words[end - target.len()..end];
            let matches = tail
                .iter()
                .zip(&target)
                .all(|(w, t)| same_word(clean(w), t));
            // The matched words themselves must be capitalised in the text.
            if !matches
                || !tail
                    .iter()
                    .all(|w| clean(w).chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            let mut start = end - target.len();
            while start > 0 && end - start < 4 {
                let prev = clean(words[start - 1]);
                let ends_clause = words[start - 1].ends_with([',', '.', ';', ':', ')', '"', '”']);
                let capitalised = prev.chars().next().is_some_and(char::is_uppercase)
                    && prev.chars().skip(1).any(char::is_lowercase);
                // A name is made of letters: `Federico：我真得很喜欢` is a sentence.
                let name_like = prev.chars().all(|c| {
                    (c.is_alphabetic() && !crate::normalise::is_cjk(c)) || "-'’.".contains(c)
                });
                let repeats = target.contains(&prev.to_lowercase());
                if ends_clause
                    || !capitalised
                    || !name_like
                    || repeats
                    || HONORIFICS.contains(&prev.to_uppercase().as_str())
                {
                    break;
                }
                start -= 1;
            }
            // A given name alone (`David`): the surname follows it in the
            // text (`David Eads (Red Hat)`, `Federico Bongiovanni（Google）`).
            if start == end - target.len() && target.len() == 1 {
                let mut parts: Vec<&str> = vec![clean(words[start])];
                let mut at = end;
                while at < words.len() && parts.len() < 3 {
                    if words[at - 1].ends_with([',', '.', ';', ':', ')', '"', '”']) {
                        break;
                    }
                    let word = words[at];
                    let run_end = word
                        .char_indices()
                        .find(|&(_, c)| {
                            !((c.is_alphabetic() && !crate::normalise::is_cjk(c))
                                || "-'’".contains(c))
                        })
                        .map_or(word.len(), |(i, _)| i);
                    let run = &word[..run_end];
                    let capitalised = run.chars().next().is_some_and(char::is_uppercase)
                        && run.chars().skip(1).any(char::is_lowercase);
                    if !capitalised || HONORIFICS.contains(&run.to_uppercase().as_str()) {
                        break;
                    }
                    parts.push(run);
                    if run_end < word.len() {
                        break;
                    }
                    at += 1;
                }
                if parts.len() > 1 {
                    let name = parts.join(" ");
                    if best.as_ref().is_none_or(|b| name.len() > b.len()) {
                        best = Some(name);
                    }
                }
                continue;
            }
            if start < end - target.len() {
                let name = words[start..end]
                    .iter()
                    .map(|w| clean(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                if best.as_ref().is_none_or(|b| name.len() > b.len()) {
                    best = Some(name);
                }
            }
        }
    }
    best
}

fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An id made from the label: ASCII letters, digits and hyphens, unique.
fn unique_id(label: &str, index: usize, used: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    let base = if slug.is_empty() || slug.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("speaker-{}", index + 1)
    } else {
        slug
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(label: &str, texts: &[&str], first_turn: usize) -> SpeakerDraft {
        SpeakerDraft {
            key: label_key(label),
            label: label.to_string(),
            line: 1,
            turn_texts: texts.iter().map(|s| s.to_string()).collect(),
            first_turn,
            last_turn: first_turn + texts.len().saturating_sub(1) * 2,
            implied_role: None,
            introduced_as: None,
        }
    }

    #[test]
    fn outlet_abbreviation_asks_and_surname_gets_full_name() {
        let context = "the Global Times (GT) talked to David Gosset, chairman of DG2CI.";
        let drafts = [draft("GT", &["Why?"], 0), draft("Gosset", &["Because."], 1)];
        let mut warnings = vec![];
        let (speakers, _) = resolve(&drafts, &SpeakerHints::default(), context, &mut warnings);
        assert_eq!(speakers[0].role, SpeakerRole::Interviewer);
        assert_eq!(speakers[0].name.as_deref(), Some("Global Times"));
        assert_eq!(speakers[1].role, SpeakerRole::Interviewee);
        assert_eq!(speakers[1].name.as_deref(), Some("David Gosset"));
        assert_eq!(
            (speakers[0].id.as_str(), speakers[1].id.as_str()),
            ("gt", "gosset")
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn roles_from_labels_and_overrides() {
        let drafts = [
            draft("MS. RIVERA", &["Thank you."], 0),
            draft("INTERPRETER", &["He says yes."], 1),
            draft("MEMBERS OF THE BAND", &["Yes!"], 2),
            draft("DANA PARK", &["Why?"], 3),
        ];
        let hints = SpeakerHints {
            overrides: vec![("Dana Park".into(), SpeakerRole::Moderator)],
            interviewees: vec!["Elena Rivera".into()],
            ..Default::default()
        };
        let (speakers, _) = resolve(&drafts, &hints, "", &mut vec![]);
        let roles: Vec<_> = speakers.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                SpeakerRole::Interviewee,
                SpeakerRole::Interpreter,
                SpeakerRole::Group,
                SpeakerRole::Moderator
            ]
        );
        assert_eq!(speakers[0].name.as_deref(), Some("Elena Rivera"));
        assert_eq!(speakers[3].name.as_deref(), Some("Dana Park"));
        assert_eq!(speakers[2].id, "members-of-the-band");
    }

    #[test]
    fn guesses_the_asker_and_says_so() {
        let drafts = [
            draft("Lee", &["So what happened?", "And then?"], 0),
            draft("Moss", &["We left.", "We came back."], 1),
        ];
        let mut warnings = vec![];
        let (speakers, _) = resolve(&drafts, &SpeakerHints::default(), "", &mut warnings);
        assert_eq!(speakers[0].role, SpeakerRole::Interviewer);
        assert_eq!(speakers[1].role, SpeakerRole::Interviewee);
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings
                .iter()
                .all(|w| w.kind == DiagnosticKind::GuessedRole)
        );
    }

    #[test]
    fn ids_are_unique_and_ascii() {
        let mut used = HashSet::new();
        assert_eq!(unique_id("记者", 0, &mut used), "speaker-1");
        assert_eq!(unique_id("Q", 1, &mut used), "q");
        assert_eq!(unique_id("Q.", 2, &mut used), "q-2");
    }
}
