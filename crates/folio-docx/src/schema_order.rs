//! Puts the children of a few WordprocessingML elements into the order the
//! schema prescribes. docx-rs writes `w:numPr` as numId-then-ilvl and the
//! section's header and footer references after the page setup; Word is
//! strict about element order in places, so the package follows the schema.

/// Schema order of `w:sectPr` children (ECMA-376 CT_SectPr).
const SECTION_ORDER: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
];

/// Schema order of `w:numPr` children (CT_NumPr).
const NUMBERING_ORDER: &[&str] = &["w:ilvl", "w:numId"];

/// Schema order of `w:tblPr` children (CT_TblPr): docx-rs writes the
/// style last.
const TABLE_ORDER: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
];

pub fn reorder(document: &str) -> String {
    let document = reorder_children(document, "w:sectPr", SECTION_ORDER);
    let document = reorder_children(&document, "w:tblPr", TABLE_ORDER);
    reorder_children(&document, "w:numPr", NUMBERING_ORDER)
}

/// Reorders the children of every `<tag>…</tag>` whose children are all
/// empty elements; any other content is left untouched.
fn reorder_children(xml: &str, tag: &str, order: &[&str]) -> String {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let inner_start = start + open.len();
        let Some(length) = rest[inner_start..].find(&close) else {
            break;
        };
        out.push_str(&rest[..inner_start]);
        let inner = &rest[inner_start..inner_start + length];
        match empty_children(inner) {
            Some(mut children) => {
                // A stable sort keeps repeated references in their order.
                children.sort_by_key(|child| {
                    let name = child[1..].split([' ', '/', '>']).next().unwrap_or_default();
                    order
                        .iter()
                        .position(|known| *known == name)
                        .unwrap_or(order.len())
                });
                out.push_str(&children.concat());
            }
            None => out.push_str(inner),
        }
        rest = &rest[inner_start + length..];
    }
    out.push_str(rest);
    out
}

/// `<a /><b x="1" />` as its elements; `None` unless it is only empty elements.
fn empty_children(inner: &str) -> Option<Vec<&str>> {
    let mut children = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        if !rest.starts_with('<') {
            return None;
        }
        let end = rest.find("/>")? + 2;
        let element = &rest[..end];
        if element[1..].contains('<') || element[..end - 2].contains('>') {
            return None;
        }
        children.push(element);
        rest = &rest[end..];
    }
    Some(children)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_references_come_first() {
        let xml = r#"<w:sectPr><w:pgSz w:w="1" /><w:cols w:num="1" /><w:headerReference r:id="h" /><w:footerReference r:id="f1" /><w:footerReference r:id="f2" /><w:titlePg /></w:sectPr>"#;
        assert_eq!(
            reorder(xml),
            r#"<w:sectPr><w:headerReference r:id="h" /><w:footerReference r:id="f1" /><w:footerReference r:id="f2" /><w:pgSz w:w="1" /><w:cols w:num="1" /><w:titlePg /></w:sectPr>"#
        );
    }

    #[test]
    fn numbering_level_precedes_the_instance() {
        let xml = r#"<w:p><w:numPr><w:numId w:val="2" /><w:ilvl w:val="0" /></w:numPr></w:p>"#;
        assert_eq!(
            reorder(xml),
            r#"<w:p><w:numPr><w:ilvl w:val="0" /><w:numId w:val="2" /></w:numPr></w:p>"#
        );
    }

    #[test]
    fn table_style_comes_first() {
        let xml = r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto" /><w:jc w:val="left" /><w:tblBorders /><w:tblStyle w:val="InterviewTable" /><w:tblLook w:val="0620" /></w:tblPr></w:tbl>"#;
        assert_eq!(
            reorder(xml),
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="InterviewTable" /><w:tblW w:w="0" w:type="auto" /><w:jc w:val="left" /><w:tblBorders /><w:tblLook w:val="0620" /></w:tblPr></w:tbl>"#
        );
    }

    #[test]
    fn other_content_is_left_alone() {
        let xml = "<w:sectPr><w:x><w:y/></w:x></w:sectPr>";
        assert_eq!(reorder(xml), xml);
    }
}
