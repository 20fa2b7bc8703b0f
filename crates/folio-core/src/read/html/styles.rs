//! Bold and italic set by the page's style sheet rather than by `<b>` and
//! `<i>`: documents exported from Google Docs or pasted through a word
//! processor mark a question with `<span class="c4">`, and `.c4` is
//! `font-weight:700` in the page's `<style>`. Only rules whose selector is
//! a single class (`.c4`, `span.c4`) are read; a page styled by anything
//! subtler keeps its text, unbolded.

use std::collections::HashSet;

use scraper::{ElementRef, Html};

use crate::read::html::metadata::elements_named;

/// Style sheet text read, at most: a page's own rules are far smaller; a
/// page inlining a framework's style sheet has no interview styles in it
/// worth the time.
const MAX_STYLE_BYTES: usize = 512 * 1024;

#[derive(Debug, Default)]
pub struct ClassStyles {
    bold: HashSet<String>,
    italic: HashSet<String>,
}

impl ClassStyles {
    pub fn read(document: &Html) -> Self {
        let mut styles = ClassStyles::default();
        let mut read = 0;
        for sheet in elements_named(document, "style") {
            let text: String = sheet.text().collect();
            read += text.len();
            if read > MAX_STYLE_BYTES {
                break;
            }
            styles.add_rules(&text);
        }
        styles
    }

    fn add_rules(&mut self, sheet: &str) {
        for rule in sheet.split('}') {
            let Some((selectors, declarations)) = rule.rsplit_once('{') else {
                continue;
            };
            // `@media print { .c4 { … } }` leaves `@media print { .c4` here.
            let selectors = selectors.rsplit('{').next().unwrap_or(selectors);
            let bold = declares(
                declarations,
                "font-weight",
                &["bold", "bolder", "600", "700", "800", "900"],
            );
            let italic = declares(declarations, "font-style", &["italic", "oblique"]);
            if !bold && !italic {
                continue;
            }
            for selector in selectors.split(',') {
                let Some(class) = single_class(selector.trim()) else {
                    continue;
                };
                if bold {
                    self.bold.insert(class.to_string());
                }
                if italic {
                    self.italic.insert(class.to_string());
                }
            }
        }
    }

    pub fn is_bold(&self, element: ElementRef<'_>) -> bool {
        !self.bold.is_empty() && element.value().classes().any(|c| self.bold.contains(c))
    }

    pub fn is_italic(&self, element: ElementRef<'_>) -> bool {
        !self.italic.is_empty() && element.value().classes().any(|c| self.italic.contains(c))
    }
}

/// `.c4` or `span.c4`: the class a selector of one class names.
fn single_class(selector: &str) -> Option<&str> {
    let (element, class) = selector.split_once('.')?;
    let simple = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    ((element.is_empty() || element.chars().all(|c| c.is_ascii_alphanumeric())) && simple(class))
        .then_some(class)
}

/// Whether CSS declarations (`a: b; c: d`) set `property` to one of `values`.
pub fn declares(declarations: &str, property: &str, values: &[&str]) -> bool {
    declarations.split(';').any(|declaration| {
        declaration.split_once(':').is_some_and(|(name, value)| {
            let value = value
                .trim()
                .trim_end_matches("!important")
                .trim()
                .to_ascii_lowercase();
            name.trim().eq_ignore_ascii_case(property) && values.contains(&value.as_str())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_rules_of_an_exported_document() {
        let page = Html::parse_document(
            "<style>.c1{font-weight:400}.c4{color:#000;font-weight:700}p.c7,.c9{font-style:italic}\
             div .c5{font-weight:700}@media print{.c8{font-weight:bold}}</style>\
             <p class='c4 c1'>Bold</p><p class='c9'>Italic</p><p class='c5'>Not simple</p><p class='c8'>Print</p>",
        );
        let styles = ClassStyles::read(&page);
        let paragraphs: Vec<ElementRef<'_>> = elements_named(&page, "p").collect();
        let flags: Vec<(bool, bool)> = paragraphs
            .iter()
            .map(|p| (styles.is_bold(*p), styles.is_italic(*p)))
            .collect();
        assert_eq!(
            flags,
            [(true, false), (false, true), (false, false), (true, false)]
        );
    }
}
