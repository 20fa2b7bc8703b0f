//! What Folio corrects in docx-rs's XML, and the shape each correction
//! expects. docx-rs cannot say some things (unique picture ids with alt
//! text, JPEG media, header rows) and says a few against the schema (an
//! empty `w:rPr` first in `w:pPr`, a width type on `w:gridCol`). Each fix
//! edits docx-rs's serialisation as it is today, so each also checks that
//! the serialisation still has that shape and fails with
//! [`DocxError::Patch`] when it has not: a new docx-rs that writes these
//! elements differently stops the build's tests, never quietly yields an
//! invalid or incomplete document. The tests below pin each shape against
//! docx-rs itself.

use crate::DocxError;
use crate::inline::escape_attribute;

fn shape_error(part: &str, message: impl Into<String>) -> DocxError {
    DocxError::Patch {
        part: part.to_string(),
        message: format!(
            "{} (docx-rs's XML no longer has the shape Folio corrects; see fixes.rs)",
            message.into()
        ),
    }
}

/// Points the relationships of JPEG media at `.jpeg` parts (docx-rs names
/// every media part `.png`). docx-rs stores a picture used twice once,
/// under the first one's id, so an id may have no relationship of its
/// own; but some must have, and none more than one.
pub fn jpeg_targets(rels: &str, jpeg_media: &[String]) -> Result<String, DocxError> {
    let mut out = rels.to_string();
    let mut found = 0;
    for id in jpeg_media {
        let png = format!(r#"Target="media/{id}.png""#);
        match out.matches(&png).count() {
            0 => continue,
            1 => found += 1,
            _ => {
                return Err(shape_error(
                    "word/_rels/document.xml.rels",
                    format!("the picture {id} has several relationships"),
                ));
            }
        }
        out = out.replace(&png, &format!(r#"Target="media/{id}.jpeg""#));
    }
    if found == 0 && !jpeg_media.is_empty() {
        return Err(shape_error(
            "word/_rels/document.xml.rels",
            format!(
                "no picture's relationship is `Target=\"media/{}.png\"`",
                jpeg_media[0]
            ),
        ));
    }
    Ok(out)
}

/// docx-rs opens every `w:pPr` with an empty `w:rPr`, which the schema
/// only allows last; dropping it keeps paragraph properties in schema
/// order. No `w:pPr` may open with an empty `w:rPr` afterwards.
pub fn tidy_paragraph_properties(xml: &str) -> Result<String, DocxError> {
    let out = xml
        .replace("<w:pPr><w:rPr /></w:pPr>", "")
        .replace("<w:pPr><w:rPr />", "<w:pPr>");
    for (at, _) in out.match_indices("<w:pPr>") {
        let next = &out[at + "<w:pPr>".len()..];
        let empty_run_properties = next.starts_with("<w:rPr")
            && next.find('>').is_some_and(|end| {
                next[..end].ends_with('/') || next[end + 1..].starts_with("</w:rPr>")
            });
        if empty_run_properties {
            return Err(shape_error(
                "paragraph properties",
                "a w:pPr still opens with an empty w:rPr",
            ));
        }
    }
    Ok(out)
}

/// docx-rs gives each `w:gridCol` a width type, which CT_TblGridCol does
/// not have (its width is always in twips). None may keep one.
pub fn grid_columns(document: &str) -> Result<String, DocxError> {
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    while let Some(start) = rest.find("<w:gridCol ") {
        let end = rest[start..].find("/>").map_or(rest.len(), |e| start + e);
        let column = rest[start..end].replace(r#" w:type="dxa""#, "");
        if column.contains("w:type") {
            return Err(shape_error(
                "word/document.xml",
                format!("a table column is `{column}/>`"),
            ));
        }
        out.push_str(&rest[..start]);
        out.push_str(&column);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// What docx-rs cannot say of a table: that its first row is a header
/// (`w:tblHeader`, repeated on each page the table runs over) and that the
/// table style's header formatting applies to it (`w:tblLook`), or not
/// when the table has no header. A header row is one of Table Heading
/// paragraphs. In a right-to-left document the columns run from the right
/// (`w:bidiVisual`), as its paragraphs do. Every table must open as
/// `<w:tbl>` with its `w:tblPr`, and a header row must carry docx-rs's
/// row properties.
pub fn table_headers(document: &str, right_to_left: bool) -> Result<String, DocxError> {
    const ROW_PROPERTIES: &str = "<w:trPr><w:cantSplit /></w:trPr>";
    const PART: &str = "word/document.xml";
    let opened = document.matches("<w:tbl>").count();
    let closed = document.matches("</w:tbl>").count();
    if opened != closed {
        return Err(shape_error(
            PART,
            format!("{closed} tables end but {opened} open as `<w:tbl>`"),
        ));
    }
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    while let Some(start) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(start);
        out.push_str(before);
        let end = table.find("</w:tbl>").unwrap_or(table.len());
        let Some(properties_end) = table[..end].find("</w:tblPr>") else {
            return Err(shape_error(PART, "a table has no w:tblPr"));
        };
        let first_row = table[..end]
            .find("<w:tr>")
            .map(|at| &table[at..at + table[at..].find("</w:tr>").unwrap_or(end - at)]);
        let header = first_row.is_some_and(|row| {
            row.contains(&format!(
                r#"<w:pStyle w:val="{}" />"#,
                crate::style::TABLE_HEADING
            ))
        });
        let look = if header {
            r#"<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1" />"#
        } else {
            r#"<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1" />"#
        };
        out.push_str(&table[..properties_end]);
        if right_to_left {
            out.push_str("<w:bidiVisual />");
        }
        out.push_str(look);
        let mut after = &table[properties_end..];
        if header {
            let Some(at) = after.find(ROW_PROPERTIES) else {
                return Err(shape_error(
                    PART,
                    format!("a header row has no `{ROW_PROPERTIES}`"),
                ));
            };
            out.push_str(&after[..at]);
            out.push_str("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
            after = &after[at + ROW_PROPERTIES.len()..];
        }
        // The rest of this table; the next `<w:tbl>` starts another.
        let (this, next) = after.split_at(after.find("</w:tbl>").map_or(after.len(), |e| e));
        out.push_str(this);
        rest = next;
    }
    out.push_str(rest);
    Ok(out)
}

/// docx-rs gives every picture `wp:docPr` id 1; Word wants them unique, and
/// the alt text belongs there. There must be one per picture.
pub fn number_pictures(document: &str, alts: &[String]) -> Result<String, DocxError> {
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let found = document.matches(DOC_PR).count();
    let all = document.matches("<wp:docPr ").count();
    if found != alts.len() || all != found {
        return Err(shape_error(
            "word/document.xml",
            format!(
                "{} pictures, but {found} of {all} wp:docPr are `{DOC_PR}`",
                alts.len()
            ),
        ));
    }
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    let mut index = 0;
    while let Some(position) = rest.find(DOC_PR) {
        out.push_str(&rest[..position]);
        let alt = alts.get(index).map(String::as_str).unwrap_or_default();
        index += 1;
        out.push_str(&format!(
            r#"<wp:docPr id="{index}" name="Figure {index}" descr="{}" />"#,
            escape_attribute(alt)
        ));
        rest = &rest[position + DOC_PR.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::{Docx, Paragraph, Pic, Run, Table, TableCell, TableRow};

    /// docx-rs's own document.xml for a paragraph, a picture and a table
    /// with a header row.
    fn docx_rs_document() -> (String, String) {
        // docx-rs takes the picture's size as given; the bytes are not read here.
        let picture = Pic::new_with_dimensions(vec![0x89, b'P', b'N', b'G'], 1, 1);
        let heading = Paragraph::new()
            .style(crate::style::TABLE_HEADING)
            .add_run(Run::new().add_text("Year"));
        let header_row = TableRow::new(vec![TableCell::new().add_paragraph(heading)]).cant_split();
        let body_row = TableRow::new(vec![
            TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text("2024"))),
        ])
        .cant_split();
        let xml = Docx::new()
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Text")))
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(picture)))
            .add_table(Table::new(vec![header_row, body_row]).set_grid(vec![2000]))
            .build();
        let document = String::from_utf8(xml.document).unwrap();
        let rels = String::from_utf8(xml.document_rels).unwrap();
        (document, rels)
    }

    #[test]
    fn every_fix_finds_the_shape_docx_rs_writes_today() {
        let (document, rels) = docx_rs_document();
        // What docx-rs writes that Folio corrects: if one of these fails,
        // docx-rs changed and the fix above it must follow.
        for shape in [
            "<w:pPr><w:rPr />",
            r#"<wp:docPr id="1" name="Figure" />"#,
            r#"w:type="dxa""#,
            "<w:tbl>",
            "<w:trPr><w:cantSplit /></w:trPr>",
        ] {
            assert!(document.contains(shape), "docx-rs no longer writes {shape}");
        }
        let tidy = tidy_paragraph_properties(&document).unwrap();
        let numbered = number_pictures(&tidy, &["A chart".to_string()]).unwrap();
        assert!(numbered.contains(r#"<wp:docPr id="1" name="Figure 1" descr="A chart" />"#));
        let headed = table_headers(&numbered, true).unwrap();
        assert!(headed.contains("<w:tblHeader />"), "{headed}");
        assert!(headed.contains("<w:bidiVisual />"));
        let columns = grid_columns(&headed).unwrap();
        assert!(columns.contains("<w:gridCol ") && !columns.contains(r#"w:type="dxa""#));
        let id = rels
            .split(r#"Target="media/"#)
            .nth(1)
            .and_then(|rest| rest.split(".png").next())
            .expect("a media relationship")
            .to_string();
        let jpeg = jpeg_targets(&rels, std::slice::from_ref(&id)).unwrap();
        assert!(jpeg.contains(&format!("media/{id}.jpeg")));
    }

    #[test]
    fn a_changed_shape_is_an_error_not_a_silent_skip() {
        let (document, rels) = docx_rs_document();
        let moved = document.replace(r#"name="Figure""#, r#"name="Picture""#);
        assert!(number_pictures(&moved, &["A chart".to_string()]).is_err());
        // One picture, two alt texts: a picture was lost.
        assert!(number_pictures(&document, &["a".into(), "b".into()]).is_err());
        assert!(tidy_paragraph_properties(&document.replace("<w:rPr />", "<w:rPr/>")).is_err());
        assert!(table_headers(&document.replace("<w:tbl>", "<w:tbl >"), false).is_err());
        let tidy = tidy_paragraph_properties(&document).unwrap();
        assert!(table_headers(&tidy.replace("<w:cantSplit />", "<w:cantSplit/>"), false).is_err());
        assert!(grid_columns(&document.replace(r#"w:type="dxa""#, r#"w:type="pct""#)).is_err());
        assert!(jpeg_targets(&rels, &["nowhere".to_string()]).is_err());
    }
}
