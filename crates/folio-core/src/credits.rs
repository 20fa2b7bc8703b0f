//! Who made an interview and when it appeared, as every writer prints it:
//! one rule for the names a file's metadata credits, one byline, one line
//! of dates, all in the interview's language.

use crate::{DateTime, Language, Meta};

/// One date under the headline: `Published 7 March 2024`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The language's word before the date (`Published`, `Mis à jour`).
    pub term: &'static str,
    /// The date as the language writes it; only the time when an update
    /// falls on the day of publication.
    pub text: String,
    pub value: DateTime,
}

impl DateLine {
    /// `Published 7 March 2024`, `作者：…` style joining included.
    pub fn to_text(&self) -> String {
        crate::Terms::before(self.term, &self.text)
    }
}

impl Meta {
    /// The people a file's metadata names as its creators: the authors,
    /// else the interviewers.
    pub fn credits(&self) -> &[String] {
        if self.authors.is_empty() {
            &self.interviewers
        } else {
            &self.authors
        }
    }

    /// The byline: `By Ana Lima and Ben Ode`, then `Interview by …` for
    /// interviewers who are not among the authors (alone when no author
    /// is named); empty without names.
    pub fn bylines(&self, language: &Language) -> Vec<String> {
        let terms = language.terms();
        let visible = |names: &[String]| -> Vec<String> {
            names
                .iter()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect()
        };
        let authors = visible(&self.authors);
        let interviewers: Vec<String> = visible(&self.interviewers)
            .into_iter()
            .filter(|n| !authors.contains(n))
            .collect();
        let mut lines = Vec::new();
        if !authors.is_empty() {
            lines.push(crate::Terms::before(terms.by, &terms.join_names(&authors)));
        }
        if !interviewers.is_empty() {
            lines.push(crate::Terms::before(
                terms.interview_by,
                &terms.join_names(&interviewers),
            ));
        }
        lines
    }

    /// Reads back a byline line that [`Meta::bylines`] printed (joined by
    /// ` · `) and someone edited: `By …` names the authors, `Interview by …`
    /// the interviewers, and a part with neither word takes the place of
    /// the line's first part. Interviewers the byline left out, because
    /// they were authors too, stay interviewers while they stay authors.
    pub fn set_bylines(&mut self, line: &str, language: &Language) {
        // A part without a word names whom the line named first: the
        // authors, or the interviewers when only they were printed.
        let interviewers_first = self.authors.iter().all(|n| n.trim().is_empty())
            && !self.interviewers.iter().all(|n| n.trim().is_empty());
        let hidden: Vec<String> = self
            .interviewers
            .iter()
            .filter(|n| self.authors.contains(n))
            .cloned()
            .collect();
        let mut authors = None;
        let mut interviewers = None;
        for part in line.split('·').map(str::trim).filter(|p| !p.is_empty()) {
            let (slot, names) = if let Some(rest) = after_term(part, |t| t.interview_by) {
                (&mut interviewers, rest)
            } else if let Some(rest) = after_term(part, |t| t.by) {
                (&mut authors, rest)
            } else if interviewers_first && authors.is_none() {
                (&mut interviewers, part)
            } else {
                (&mut authors, part)
            };
            slot.get_or_insert_with(Vec::new)
                .extend(split_names(names, language));
        }
        self.authors = authors.unwrap_or_default();
        let mut kept: Vec<String> = hidden
            .into_iter()
            .filter(|n| self.authors.contains(n))
            .collect();
        for name in interviewers.unwrap_or_default() {
            if !kept.contains(&name) {
                kept.push(name);
            }
        }
        self.interviewers = kept;
    }

    /// The publication date and the update, when there is one that
    /// differs.
    pub fn date_lines(&self, language: &Language) -> Vec<DateLine> {
        let terms = language.terms();
        let mut lines = Vec::new();
        if let Some(published) = self.published {
            lines.push(DateLine {
                term: terms.published,
                text: language.date(&published),
                value: published,
            });
        }
        if let Some(updated) = self.updated {
            let text = match (self.published, updated.time) {
                (Some(published), _) if published == updated => None,
                (Some(published), Some(time)) if published.date == updated.date => {
                    Some(time.format("%H:%M").to_string())
                }
                _ => Some(language.date(&updated)),
            };
            if let Some(text) = text {
                lines.push(DateLine {
                    term: terms.updated,
                    text,
                    value: updated,
                });
            }
        }
        lines
    }
}

/// The rest of `part` after a word of any language's terms (`Updated`,
/// `Mis à jour`, `作者：`), in any case; `None` when it does not start so.
pub(crate) fn after_term(part: &str, word: fn(&crate::Terms) -> &'static str) -> Option<&str> {
    crate::Terms::all().iter().find_map(|terms| {
        let word = word(terms);
        let head = part.get(..word.len())?;
        let rest = &part[word.len()..];
        (!word.is_empty()
            && head.to_lowercase() == word.to_lowercase()
            && (rest.starts_with(char::is_whitespace) || word.ends_with(['：', ':'])))
        .then(|| rest.trim_start())
    })
}

/// Names as a byline lists them, in the language's way or in English.
fn split_names(text: &str, language: &Language) -> Vec<String> {
    let terms = language.terms();
    let mut names = vec![text.to_string()];
    for separator in [terms.list_and, terms.list_comma, " and ", ",", ";", "&"] {
        // White space alone would split every name at its spaces.
        if separator.trim().is_empty() {
            continue;
        }
        names = names
            .iter()
            .flat_map(|n| n.split(separator).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    names
        .into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(authors: &[&str], interviewers: &[&str]) -> Meta {
        Meta {
            authors: authors.iter().map(|s| s.to_string()).collect(),
            interviewers: interviewers.iter().map(|s| s.to_string()).collect(),
            ..Meta::default()
        }
    }

    #[test]
    fn bylines_name_authors_then_other_interviewers_in_the_language() {
        let en = Language::of("en");
        assert_eq!(
            meta(&["Ana", "Ben", "Chloé"], &["Dan", "Ana"]).bylines(&en),
            ["By Ana, Ben and Chloé", "Interview by Dan"]
        );
        assert_eq!(meta(&["Ana"], &["Ana"]).bylines(&en), ["By Ana"]);
        assert_eq!(meta(&[], &["Dan"]).bylines(&en), ["Interview by Dan"]);
        assert!(meta(&[" "], &[]).bylines(&en).is_empty());
        assert_eq!(
            meta(&["李华", "王明"], &[]).bylines(&Language::of("zh")),
            ["作者：李华和王明"]
        );
        assert_eq!(meta(&[], &["Dan"]).credits(), ["Dan".to_string()]);
    }

    #[test]
    fn an_edited_byline_reads_back() {
        let en = Language::of("en");
        let mut m = meta(&["Ana", "Ben"], &["Dan", "Ana"]);
        let line = m.bylines(&en).join(" · ");
        m.set_bylines(&line, &en);
        assert_eq!(m.authors, ["Ana", "Ben"]);
        assert_eq!(m.interviewers, ["Ana", "Dan"]);
        m.set_bylines("By Ana, Ben and Chloé · Interview by Eve", &en);
        assert_eq!(m.authors, ["Ana", "Ben", "Chloé"]);
        assert_eq!(m.interviewers, ["Ana", "Eve"]);
        let mut m = meta(&[], &["Dan"]);
        m.set_bylines("Dan and Eve", &en);
        assert_eq!((m.authors.len(), m.interviewers.len()), (0, 2));
        let mut m = meta(&[], &[]);
        m.set_bylines("Ana Lima", &en);
        assert_eq!(m.authors, ["Ana Lima"]);
        let fr = Language::of("fr");
        let mut m = meta(&["Ana"], &[]);
        m.set_bylines("Par Ana et Ben · Propos recueillis par Chloé", &fr);
        assert_eq!(m.authors, ["Ana", "Ben"]);
        assert_eq!(m.interviewers, ["Chloé"]);
        let zh = Language::of("zh");
        let mut m = meta(&["李华"], &[]);
        m.set_bylines("作者：李华、王明和张伟", &zh);
        assert_eq!(m.authors, ["李华", "王明", "张伟"]);
    }

    #[test]
    fn an_update_on_the_day_shows_only_its_time() {
        let mut m = meta(&[], &[]);
        m.published = DateTime::parse("2024-03-07T09:00:00Z");
        m.updated = DateTime::parse("2024-03-07T14:30:00Z");
        let fr = Language::of("fr");
        let lines: Vec<String> = m.date_lines(&fr).iter().map(DateLine::to_text).collect();
        assert_eq!(lines, ["Publié 7 mars 2024, 09:00", "Mis à jour 14:30"]);
        m.updated = m.published;
        assert_eq!(m.date_lines(&fr).len(), 1);
    }
}
