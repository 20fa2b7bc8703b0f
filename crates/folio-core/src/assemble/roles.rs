//! Who asks: the roles nothing stated, decided from what the speakers say.
//!
//! A host opens the conversation, welcomes the audience, introduces the
//! guests, thanks them for coming and closes; a guest thanks the host for
//! having them. Hosts often ask few literal questions (they steer with
//! statements), so the share of turns with a question mark is only one
//! piece of evidence among these, and turn length another. Each piece is
//! kept as a sentence, so `folio inspect` and the warnings can say why.

use std::collections::HashMap;

use crate::assemble::speakers::SpeakerDraft;
use crate::model::SpeakerRole;

/// How a speaker's role was decided, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// The user (`--role`) or the document's front matter said so.
    Stated,
    /// The label itself says it (`Q`, `HOST`, `INTERPRETER`, an outlet's initials).
    Label,
    /// What the speakers say: introductions, welcomes, thanks for coming.
    Evidence,
    /// Statistics only (question share, who speaks first): a guess.
    Guess,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Label => "label",
            Certainty::Evidence => "evidence",
            Certainty::Guess => "guess",
        }
    }
}

/// The role of one speaker and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RoleEvidence {
    /// The speaker's id in the model.
    pub speaker: String,
    pub label: String,
    pub role: SpeakerRole,
    pub certainty: Certainty,
    /// Each piece of evidence as a short phrase (`welcomes the audience`).
    pub reasons: Vec<String>,
}

/// Evidence for one speaker: positive for the asking side, negative for the answering side.
#[derive(Debug, Default, Clone)]
struct Tally {
    score: f32,
    reasons: Vec<String>,
}

impl Tally {
    fn add(&mut self, weight: f32, reason: impl Into<String>) {
        self.score += weight;
        self.reasons.push(reason.into());
    }
}

/// A host's strong signals reach this score; below it the speaker answers
/// when an asking side is already known.
const HOST_SCORE: f32 = 2.0;

const WELCOMES: &[&str] = &[
    "welcome to",
    "welcome back to",
    "welcome, everybody",
    "welcome, everyone",
    "welcome everybody",
    "welcome everyone",
    "hello and welcome",
    "hi and welcome",
    "hello, and welcome",
    "hi, and welcome",
    "welcome back, everybody",
    "welcome back, everyone",
    "i'm your host",
    "i am your host",
    "i’m your host",
    "this is your host",
    "you're listening to",
    "you’re listening to",
    "bienvenue",
    "willkommen",
    "bienvenidos",
    "benvenuti",
];

/// Phrases after which the people named are the guests.
const GUEST_INTRODUCTIONS: &[&str] = &[
    "our guest",
    "my guest",
    "guests today",
    "guest today",
    "joining me",
    "joining us",
    "joined by",
    "with me today",
    "with us today",
    "please welcome",
    "we have with us",
    "i'm here with",
    "i’m here with",
    "i am here with",
    "i'm talking with",
    "i’m talking with",
    "i'm talking to",
    "i’m talking to",
    "speaking with",
];

/// Phrases after which the people named are the hosts.
const HOST_INTRODUCTIONS: &[&str] = &[
    "your host",
    "our host",
    "co-host",
    "cohost",
    "hosts today",
    "host today",
    "hosted by",
];

/// A host thanking a guest for taking part.
const THANKS_FOR_COMING: &[&str] = &[
    "thanks for coming",
    "thank you for coming",
    "thanks for joining",
    "thank you for joining",
    "thanks for being here",
    "thank you for being here",
    "thanks for being on",
    "thank you for being on",
    "thanks for being with",
    "thank you for being with",
    "thank you for your time",
    "thanks for your time",
    "thank your for your time",
    "thank you for taking the time",
    "thanks for taking the time",
    "thank you for talking",
    "thanks for talking",
    "thank you so much for coming",
    "thank you so much for joining",
    "thank you so much for being",
    "thank you so much for your time",
    "we are honored to have you",
    "we're honored to have you",
    "great to have you",
    "good to have you",
    "glad to have you",
    "nice to have you",
];

/// A guest thanking the host.
const THANKS_FOR_HAVING: &[&str] = &[
    "thanks for having",
    "thank you for having",
    "thanks for inviting",
    "thank you for inviting",
    "thanks so much for having",
    "thank you so much for having",
    "glad to be here",
    "happy to be here",
    "great to be here",
    "good to be here",
    "nice to be here",
    "pleasure to be here",
    "thanks for the invitation",
    "thank you for the invitation",
];

/// A host closing the show.
const SIGN_OFFS: &[&str] = &[
    "thanks for listening",
    "thank you for listening",
    "thanks for watching",
    "thank you for watching",
    "see you next time",
    "until next time",
    "that's all for",
    "that’s all for",
    "that's it for",
    "that’s it for",
];

/// Phrases that hand the floor to someone else.
const HANDOVERS: &[&str] = &[
    "go ahead",
    "next question",
    "one more",
    "last question",
    "final question",
    "over to you",
    "the floor is yours",
    "you're next",
    "you’re next",
    "in the back",
    "in the front",
    "we have time for",
    "let's take",
    "let’s take",
    "any other questions",
    "any questions",
];

/// A short turn that gives the floor to someone.
fn hands_over(text: &str) -> bool {
    if text.split_whitespace().nth(30).is_some() {
        return false;
    }
    let lower = text.to_lowercase();
    HANDOVERS.iter().any(|h| lower.contains(h))
}

/// The first 400 and last 300 bytes of a turn (whole when shorter), at
/// character boundaries.
fn edges(text: &str) -> std::borrow::Cow<'_, str> {
    const HEAD: usize = 400;
    const TAIL: usize = 300;
    if text.len() <= HEAD + TAIL {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut head = HEAD;
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = text.len() - TAIL;
    while !text.is_char_boundary(tail) {
        tail += 1;
    }
    std::borrow::Cow::Owned(format!("{}\n{}", &text[..head], &text[tail..]))
}

fn asks(text: &str) -> bool {
    text.contains(['?', '？', '¿', '؟'])
}

fn question_share(draft: &SpeakerDraft) -> f32 {
    if draft.turn_texts.is_empty() {
        return 0.0;
    }
    let asked = draft.turn_texts.iter().filter(|t| asks(t)).count();
    asked as f32 / draft.turn_texts.len() as f32
}

fn mean_words(draft: &SpeakerDraft) -> f32 {
    if draft.turn_texts.is_empty() {
        return 0.0;
    }
    let words: usize = draft
        .turn_texts
        .iter()
        .map(|t| {
            let latin = t.split_whitespace().count();
            // Text without spaces between words counts by characters.
            let cjk = t.chars().filter(|&c| crate::normalise::is_cjk(c)).count() / 2;
            latin + cjk
        })
        .sum();
    words as f32 / draft.turn_texts.len() as f32
}

/// The words a speaker is called by in running text: the label, the full
/// name, and a given name or surname that no other speaker shares.
fn names_for(drafts: &[SpeakerDraft], names: &[Option<String>]) -> Vec<Vec<String>> {
    let full: Vec<Vec<String>> = drafts
        .iter()
        .zip(names)
        .map(|(draft, name)| {
            let mut all = vec![draft.label.to_lowercase()];
            if let Some(name) = name {
                all.push(name.to_lowercase());
            }
            all
        })
        .collect();
    let parts: Vec<Vec<String>> = full
        .iter()
        .map(|all| {
            all.iter()
                .flat_map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
                .collect()
        })
        .collect();
    // How many speakers' names hold each part: counted once, so thousands
    // of speakers do not each search all the others.
    let mut holders: HashMap<&str, usize> = HashMap::new();
    for own in &parts {
        let mut seen: Vec<&str> = Vec::new();
        for part in own {
            if !seen.contains(&part.as_str()) {
                seen.push(part);
                *holders.entry(part).or_default() += 1;
            }
        }
    }
    full.iter()
        .enumerate()
        .map(|(i, all)| {
            let mut called = all.clone();
            for part in &parts[i] {
                // Held by another speaker too: it does not say who is meant.
                let shared = holders.get(part.as_str()).copied().unwrap_or(0) > 1;
                if !shared && !called.contains(part) {
                    called.push(part.clone());
                }
            }
            called
        })
        .collect()
}

/// Whether `text` names a speaker called by any of `called`, as whole words.
fn mentions(text: &str, called: &[String]) -> bool {
    called.iter().any(|name| {
        !name.is_empty()
            && text.match_indices(name.as_str()).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + name.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
    })
}

/// The rest of the sentence after each occurrence of one of `phrases`.
fn after_phrases<'a>(lower: &'a str, phrases: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for phrase in phrases {
        for (at, _) in lower.match_indices(phrase) {
            let rest = &lower[at + phrase.len()..];
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    matches!(c, '!' | '?' | '\n' | '。' | '！' | '？')
                        || (c == '.' && rest[i + 1..].starts_with(|n: char| n.is_whitespace()))
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push(&rest[..end]);
        }
    }
    out
}

/// Decides the roles left open. `roles[i]` is `Some` for speakers whose role
/// was stated or follows from the label; `certainty` says which for those.
/// Returns the certainty and reasons for every speaker.
pub fn decide(
    drafts: &[SpeakerDraft],
    names: &[Option<String>],
    roles: &mut [Option<SpeakerRole>],
    turn_count: usize,
) -> Vec<(Certainty, Vec<String>)> {
    let called = names_for(drafts, names);
    let mut tallies = vec![Tally::default(); drafts.len()];
    // What is searched of each turn: the opening and the close of a
    // speaker's first turns and last turn, where welcomes, introductions
    // and thanks are said (a long answer is not read through for them).
    let lowered: Vec<Vec<String>> = drafts
        .iter()
        .map(|d| {
            let n = d.turn_texts.len();
            d.turn_texts
                .iter()
                .enumerate()
                .map(|(t, text)| {
                    if t < 3 || t + 1 == n {
                        edges(text).to_lowercase()
                    } else {
                        String::new()
                    }
                })
                .collect()
        })
        .collect();
    for (i, draft) in drafts.iter().enumerate() {
        if draft.first_turn == 0 {
            tallies[i].add(1.0, "speaks first");
        }
        if turn_count > 2 && draft.last_turn + 1 == turn_count && draft.first_turn != 0 {
            tallies[i].add(0.5, "speaks last");
        }
        // Openings and thanks count in a speaker's first few turns and last turn,
        // where hosts and guests say them; elsewhere they are quotations.
        let n = lowered[i].len();
        for (t, text) in lowered[i].iter().enumerate() {
            let edge = t < 3 || t + 1 == n;
            if !edge {
                continue;
            }
            // Each list is searched only when a word all its phrases share
            // is there: most turns have none of them.
            let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
            let thanks = has(&["thank", "have you", "to be here", "invitation"]);
            if has(&[
                "welcome",
                "host",
                "listening",
                "bienven",
                "willkommen",
                "benvenut",
            ]) && WELCOMES.iter().any(|w| text.contains(w))
            {
                tallies[i].add(2.0, "welcomes the audience");
            }
            if thanks && THANKS_FOR_COMING.iter().any(|w| text.contains(w)) {
                tallies[i].add(2.0, "thanks a guest for coming");
            }
            if thanks && THANKS_FOR_HAVING.iter().any(|w| text.contains(w)) {
                tallies[i].add(-2.5, "thanks the host for having them");
            }
            if t + 1 == n && SIGN_OFFS.iter().any(|w| text.contains(w)) {
                tallies[i].add(2.0, "signs off");
            }
            // Each person counts once per turn, however many phrases name them.
            let guest_windows = if has(&[
                "guest",
                "join",
                "with me",
                "with us",
                "welcome",
                "here with",
                "talking",
                "speaking",
            ]) {
                after_phrases(text, GUEST_INTRODUCTIONS)
            } else {
                Vec::new()
            };
            let host_windows = if has(&["host"]) {
                after_phrases(text, HOST_INTRODUCTIONS)
            } else {
                Vec::new()
            };
            if guest_windows.is_empty() && host_windows.is_empty() {
                continue;
            }
            for (j, names) in called.iter().enumerate() {
                if j != i && guest_windows.iter().any(|w| mentions(w, names)) {
                    tallies[i].add(2.0, format!("introduces {}", drafts[j].label));
                    tallies[j].add(-2.5, format!("introduced as a guest by {}", draft.label));
                }
                if host_windows.iter().any(|w| mentions(w, names)) {
                    let by = if j == i {
                        "introduces themselves as a host".to_string()
                    } else {
                        format!("introduced as a host by {}", draft.label)
                    };
                    tallies[j].add(3.0, by);
                }
            }
        }
    }
    let open: Vec<usize> = (0..drafts.len()).filter(|&i| roles[i].is_none()).collect();
    // Statistics, relative to the other open speakers: who asks more, and
    // who speaks in shorter turns, leans to the asking side.
    if open.len() > 1 {
        let shares: Vec<f32> = open.iter().map(|&i| question_share(&drafts[i])).collect();
        let lengths: Vec<f32> = open.iter().map(|&i| mean_words(&drafts[i])).collect();
        let mean_share = shares.iter().sum::<f32>() / shares.len() as f32;
        let mean_length = lengths.iter().sum::<f32>() / lengths.len() as f32;
        for (k, &i) in open.iter().enumerate() {
            let lean = (shares[k] - mean_share) * 3.0;
            tallies[i].add(
                lean,
                format!("asks in {:.0}% of their turns", shares[k] * 100.0),
            );
            if mean_length > 0.0 && drafts.len() > 1 {
                let ratio = lengths[k] / mean_length;
                if ratio < 0.6 {
                    tallies[i].add(0.5, "speaks in short turns");
                } else if ratio > 1.6 {
                    tallies[i].add(-0.5, "speaks in long turns");
                }
            }
        }
    } else if let [i] = open.as_slice() {
        let share = question_share(&drafts[*i]);
        tallies[*i].add(0.0, format!("asks in {:.0}% of their turns", share * 100.0));
    }

    let asking_known = roles
        .iter()
        .any(|r| matches!(r, Some(SpeakerRole::Interviewer | SpeakerRole::Moderator)));
    // A press conference or panel chair: with reporters asking, someone
    // whose turns are mostly hand-overs (`Joel, go ahead.`, `One more.`)
    // moderates; an official who hands over now and then still answers.
    let mut certainty = vec![Certainty::Guess; drafts.len()];
    let mut open = open;
    if asking_known && open.len() > 1 {
        for &i in &open {
            let turns = &drafts[i].turn_texts;
            let handovers = turns.iter().filter(|t| hands_over(t)).count();
            if turns.len() >= 3 && handovers >= 2 && handovers * 2 >= turns.len() {
                roles[i] = Some(SpeakerRole::Moderator);
                certainty[i] = Certainty::Evidence;
                tallies[i].reasons.insert(
                    0,
                    format!("hands over in {handovers} of {} turns", turns.len()),
                );
            }
        }
        open.retain(|&i| roles[i].is_none());
    }
    let answering_known = roles
        .iter()
        .any(|r| matches!(r, Some(SpeakerRole::Interviewee | SpeakerRole::Group)));
    // Evidence beyond statistics: what the speakers say.
    let said: Vec<bool> = tallies
        .iter()
        .map(|t| {
            t.reasons
                .iter()
                .any(|r| !r.starts_with("asks in") && !r.starts_with("speaks"))
        })
        .collect();
    let strong = |i: usize| said[i];
    let hosts: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&i| tallies[i].score >= HOST_SCORE && strong(i))
        .collect();
    if !hosts.is_empty() {
        for &i in &open {
            let host = hosts.contains(&i);
            roles[i] = Some(if host {
                SpeakerRole::Interviewer
            } else {
                SpeakerRole::Interviewee
            });
            if host || tallies[i].score <= -HOST_SCORE || strong(i) {
                certainty[i] = Certainty::Evidence;
            }
        }
    } else if asking_known {
        let askers: Vec<&str> = drafts
            .iter()
            .zip(roles.iter())
            .filter(|(_, r)| matches!(r, Some(SpeakerRole::Interviewer | SpeakerRole::Moderator)))
            .map(|(d, _)| d.label.as_str())
            .collect();
        let askers = askers.join(", ");
        for &i in &open {
            roles[i] = Some(SpeakerRole::Interviewee);
            tallies[i].reasons.insert(0, format!("{askers} asks"));
            if tallies[i].score <= -HOST_SCORE && strong(i) {
                certainty[i] = Certainty::Evidence;
            }
        }
    } else if !open.is_empty() {
        // Nobody is known to ask: the open speaker with the most evidence
        // for asking does (ties: who speaks first), unless the only one left
        // asks nothing and an answering side is known.
        let asker = open
            .iter()
            .copied()
            .max_by(|&a, &b| {
                tallies[a]
                    .score
                    .total_cmp(&tallies[b].score)
                    .then(drafts[b].first_turn.cmp(&drafts[a].first_turn))
            })
            .filter(|&a| open.len() > 1 || question_share(&drafts[a]) > 0.0 || answering_known);
        for &i in &open {
            roles[i] = Some(if Some(i) == asker {
                SpeakerRole::Interviewer
            } else {
                SpeakerRole::Interviewee
            });
            if tallies[i].score.abs() >= HOST_SCORE && strong(i) {
                certainty[i] = Certainty::Evidence;
            }
        }
    }
    tallies
        .into_iter()
        .zip(certainty)
        .map(|(tally, certainty)| (certainty, tally.reasons))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assemble::labels::label_key;

    fn draft(label: &str, texts: &[&str], first_turn: usize, last_turn: usize) -> SpeakerDraft {
        SpeakerDraft {
            key: label_key(label),
            label: label.to_string(),
            line: 1,
            turn_texts: texts.iter().map(|s| s.to_string()).collect(),
            first_turn,
            last_turn,
            implied_role: None,
            introduced_as: None,
        }
    }

    #[test]
    fn hosts_who_rarely_ask_are_still_hosts() {
        let drafts = [
            draft(
                "Ann Lee",
                &[
                    "Welcome to the show! Your hosts today are Ann Lee and Bo Kim.",
                    "And our guest today is Cy Roe. Welcome.",
                    "That is fascinating.",
                ],
                0,
                5,
            ),
            draft("Bo Kim", &["Hi, everybody!", "Right."], 1, 4),
            draft(
                "Cy Roe",
                &[
                    "Thanks for having me.",
                    "Did you ask? It started in 2007 when we sat down.",
                ],
                3,
                6,
            ),
        ];
        let names = vec![None, None, None];
        let mut roles = vec![None, None, None];
        let evidence = decide(&drafts, &names, &mut roles, 7);
        assert_eq!(
            roles,
            [
                Some(SpeakerRole::Interviewer),
                Some(SpeakerRole::Interviewer),
                Some(SpeakerRole::Interviewee)
            ]
        );
        assert!(
            evidence[1]
                .1
                .iter()
                .any(|r| r == "introduced as a host by Ann Lee")
        );
        assert!(
            evidence[2]
                .1
                .iter()
                .any(|r| r == "thanks the host for having them")
        );
        assert_eq!(evidence[2].0, Certainty::Evidence);
    }

    #[test]
    fn with_a_known_asker_the_rest_answer() {
        let drafts = [
            draft(
                "MS. LEE",
                &["Hello. Do you want to kick us off?", "Go ahead."],
                0,
                3,
            ),
            draft("Q", &["Why?", "And then?"], 1, 2),
        ];
        let mut roles = vec![None, Some(SpeakerRole::Interviewer)];
        decide(&drafts, &[None, None], &mut roles, 4);
        assert_eq!(roles[0], Some(SpeakerRole::Interviewee));
    }
}
