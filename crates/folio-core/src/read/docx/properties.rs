//! The core document properties (`docProps/core.xml`): title, creator,
//! subject, description, keywords, language, created and modified.

use crate::datetime::DateTime;
use crate::model::Meta;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct CoreProperties {
    pub title: Option<String>,
    pub creators: Vec<String>,
    pub subject: Option<String>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    pub created: Option<DateTime>,
    pub modified: Option<DateTime>,
}

pub fn read(document: &roxmltree::Document) -> CoreProperties {
    let mut core = CoreProperties::default();
    for node in document
        .root_element()
        .children()
        .filter(|n| n.is_element())
    {
        let text = crate::normalise::clean_line(node.text().unwrap_or_default());
        if text.is_empty() {
            continue;
        }
        match node.tag_name().name() {
            "title" => core.title = Some(text),
            "creator" => core.creators = super::super::split_people(&text),
            "subject" => core.subject = Some(text),
            "description" => core.description = Some(text),
            "keywords" => {
                core.keywords = text
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            "language" => core.language = Some(text),
            "created" => core.created = DateTime::parse(&text),
            "modified" => core.modified = DateTime::parse(&text),
            _ => {}
        }
    }
    core
}

impl CoreProperties {
    /// Fills what `meta` lacks from the core properties.
    pub fn fill(&self, meta: &mut Meta) {
        if meta.title.is_none() {
            meta.title.clone_from(&self.title);
        }
        if meta.authors.is_empty() {
            meta.authors.clone_from(&self.creators);
        }
        if meta.description.is_none() {
            // Word's Subject field says what the piece is about.
            meta.description = self.description.clone().or_else(|| self.subject.clone());
        }
        if meta.keywords.is_empty() {
            meta.keywords.clone_from(&self.keywords);
        }
        if meta.language.trim().is_empty()
            && let Some(language) = &self.language
        {
            meta.language.clone_from(language);
        }
        if meta.published.is_none() {
            meta.published = self.created;
        }
        if meta.updated.is_none() && self.modified != self.created {
            meta.updated = self.modified;
        }
    }
}
