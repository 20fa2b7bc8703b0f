//! Folds a reference document into Folio's parts: its styles win, Folio's
//! own styles fill the ids the template lacks, its page setup replaces ours.

use std::collections::BTreeSet;

use roxmltree::Document;

use crate::DocxError;
use crate::template::Template;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The template's styles plus every Folio style whose id it does not define,
/// so each paragraph's style exists and the template decides the look.
pub fn styles(template: &str, own: &str) -> Result<String, DocxError> {
    let broken = |message: String| DocxError::BrokenTemplate(format!("word/styles.xml: {message}"));
    let template_doc = Document::parse(template).map_err(|e| broken(e.to_string()))?;
    let root = template_doc.root_element();
    if root.tag_name().namespace() != Some(MAIN_NS) || root.tag_name().name() != "styles" {
        return Err(broken("the root is not w:styles".into()));
    }
    // Folio's snippets use the `w` prefix; the template must bind it the same way.
    if root.lookup_namespace_uri(Some("w")) != Some(MAIN_NS) {
        return Err(broken("the w prefix is not WordprocessingML".into()));
    }
    let defined: BTreeSet<&str> = root
        .children()
        .filter(|node| node.tag_name().name() == "style")
        .filter_map(|node| node.attribute((MAIN_NS, "styleId")))
        .collect();
    let own_doc = Document::parse(own).map_err(|e| DocxError::Patch {
        part: "word/styles.xml".into(),
        message: e.to_string(),
    })?;
    let mut missing = String::new();
    for style in own_doc
        .root_element()
        .children()
        .filter(|node| node.tag_name().name() == "style")
    {
        let id = style.attribute((MAIN_NS, "styleId")).unwrap_or_default();
        // The template's own defaults stay the defaults.
        if defined.contains(id) || style.attribute((MAIN_NS, "default")).is_some() {
            continue;
        }
        missing.push_str(&own[style.range()]);
        missing.push('\n');
    }
    let end = root.range().end;
    let close = template[..end]
        .rfind("</")
        .ok_or_else(|| broken("w:styles has no closing tag".into()))?;
    let merged = format!("{}{missing}{}", &template[..close], &template[close..]);
    Ok(match own_language(&own_doc, own) {
        Some(lang) => with_default_language(&merged, lang),
        None => merged,
    })
}

/// Replaces the attributes of `w:pgSz` and `w:pgMar` in docx-rs's section
/// properties with the template's.
pub fn page_setup(document: &str, template: &Template) -> String {
    let mut out = document.to_string();
    for (tag, attributes) in [
        ("<w:pgSz ", &template.page_size),
        ("<w:pgMar ", &template.page_margin),
    ] {
        if attributes.is_empty() {
            continue;
        }
        let Some(start) = out.rfind(tag) else {
            continue;
        };
        let Some(length) = out[start..].find("/>") else {
            continue;
        };
        let element = format!(
            "{tag}{} />",
            attributes
                .iter()
                .map(|(name, value)| format!(
                    r#"w:{name}="{}""#,
                    crate::inline::escape_attribute(value)
                ))
                .collect::<Vec<_>>()
                .join(" ")
        );
        out.replace_range(start..start + length + 2, &element);
    }
    out
}

/// Folio's `w:lang` element from its document defaults.
fn own_language<'a>(own_doc: &Document, own: &'a str) -> Option<&'a str> {
    let lang = own_doc
        .descendants()
        .find(|node| node.has_tag_name((MAIN_NS, "lang")))?;
    Some(&own[lang.range()])
}

/// The interview's language in the template's default run properties when
/// the template names none, so spelling and east-Asian text still work.
fn with_default_language(styles: &str, lang: &str) -> String {
    let Ok(document) = Document::parse(styles) else {
        return styles.to_string();
    };
    let Some(defaults) = document
        .descendants()
        .find(|node| node.has_tag_name((MAIN_NS, "rPrDefault")))
        .and_then(|node| node.children().find(|c| c.has_tag_name((MAIN_NS, "rPr"))))
    else {
        return styles.to_string();
    };
    if defaults
        .children()
        .any(|c| c.has_tag_name((MAIN_NS, "lang")))
    {
        return styles.to_string();
    }
    let range = defaults.range();
    let element = &styles[range.clone()];
    let patched = match element.strip_suffix("/>") {
        // `<w:rPr/>`: open it up.
        Some(open) => format!("{}>{lang}</w:rPr>", open.trim_end()),
        None => match element.rfind("</") {
            Some(close) => format!("{}{lang}{}", &element[..close], &element[close..]),
            None => return styles.to_string(),
        },
    };
    format!(
        "{}{patched}{}",
        &styles[..range.start],
        &styles[range.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANG: &str = r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#;
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn the_language_goes_into_defaults_that_lack_one() {
        let styles = format!(
            r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        let patched = with_default_language(&styles, LANG);
        assert!(
            patched.contains(&format!(r#"<w:sz w:val="20"/>{LANG}</w:rPr>"#)),
            "{patched}"
        );
        let empty = format!(
            r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        assert!(with_default_language(&empty, LANG).contains(&format!("<w:rPr>{LANG}</w:rPr>")));
    }

    #[test]
    fn a_template_language_is_kept() {
        let styles = format!(
            r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        assert_eq!(with_default_language(&styles, LANG), styles);
    }
}
