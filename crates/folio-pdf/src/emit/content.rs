//! Layout pages to printpdf operations. Glyphs go in as glyph ids with the
//! text they stand for (that text becomes the font's ToUnicode map); a glyph
//! whose text differs from its font-wide mapping (an added hyphen, a no-break
//! space drawn with the space glyph) is wrapped in an ActualText span.

use std::collections::{BTreeMap, HashMap};

use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, FontId, Line as PdfLine, LinePoint, Op, PdfFontHandle,
    Point, Pt, TextItem, TextMatrix,
};

use crate::fonts::FaceId;
use crate::layout::style::Rgb;
use crate::layout::tree::{Document, Page, Run};

/// The resource name of a face: stable, so output does not depend on
/// printpdf's process-global id counter.
pub fn font_id(face: FaceId) -> FontId {
    FontId(format!("F{}", face.0))
}

pub fn image_name(index: usize) -> String {
    format!("Im{index}")
}

/// Each used glyph's text as the font's ToUnicode map will give it: the
/// first text seen for it, ligatures keeping all their characters.
pub fn canonical_texts(doc: &Document) -> HashMap<(FaceId, u16), String> {
    let mut map = HashMap::new();
    for page in &doc.pages {
        for line in &page.lines {
            for run in &line.runs {
                for g in &run.glyphs {
                    if !g.text.is_empty() && g.text != "\u{AD}" {
                        map.entry((run.face, g.id))
                            .or_insert_with(|| g.text.clone());
                    }
                }
            }
        }
    }
    // Glyphs only ever drawn as added hyphens map to the soft hyphen.
    for page in &doc.pages {
        for line in &page.lines {
            for run in &line.runs {
                for g in &run.glyphs {
                    map.entry((run.face, g.id))
                        .or_insert_with(|| g.text.clone());
                }
            }
        }
    }
    map
}

/// The operations of one page.
pub fn page_ops(
    page: &Page,
    height: f32,
    canonical: &HashMap<(FaceId, u16), String>,
    widths: &Widths<'_>,
) -> Vec<Op> {
    let mut ops = Vec::new();
    for rule in &page.rules {
        ops.push(Op::SetOutlineColor {
            col: color(rule.color),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(rule.thickness),
        });
        ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(rule.x0),
                            y: Pt(height - rule.y0),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(rule.x1),
                            y: Pt(height - rule.y1),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
    for image in &page.images {
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw([
                image.width,
                0.0,
                0.0,
                image.height,
                image.x,
                height - image.y - image.height,
            ]),
        });
        ops.push(Op::Unknown {
            key: "Do".into(),
            value: vec![DictItem::Name(image_name(image.image).into_bytes())],
        });
        ops.push(Op::RestoreGraphicsState);
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(FaceId, f32)> = None;
    let mut current_color = None;
    for line in &page.lines {
        let y = height - line.baseline;
        for run in &line.runs {
            if current != Some((run.face, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(run.face)),
                    size: Pt(run.size),
                });
                current = Some((run.face, run.size));
            }
            if current_color != Some(run.color) {
                ops.push(Op::SetFillColor {
                    col: color(run.color),
                });
                current_color = Some(run.color);
            }
            run_ops(run, y, canonical, widths, &mut ops);
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Glyph advance in thousandths of an em, exactly as the font's `/W`
/// array gives it to viewers.
pub type Widths<'a> = dyn Fn(FaceId, u16) -> f32 + 'a;

/// Emits a run as few text positionings as possible: one matrix where the
/// run starts, then TJ offsets wherever kerning or justification moves a
/// glyph away from where the viewer's pen would put it.
fn run_ops(
    run: &Run,
    y: f32,
    canonical: &HashMap<(FaceId, u16), String>,
    widths: &Widths<'_>,
    ops: &mut Vec<Op>,
) {
    let mut pending: Vec<Codepoint> = Vec::new();
    let mut pen: Option<f32> = None;
    let flush = |pending: &mut Vec<Codepoint>, ops: &mut Vec<Op>| {
        if !pending.is_empty() {
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(std::mem::take(pending))],
            });
        }
    };
    for g in &run.glyphs {
        let mapped = canonical.get(&(run.face, g.id));
        let differs = !g.text.is_empty() && mapped.is_some_and(|m| *m != g.text);
        let natural = widths(run.face, g.id) * run.size / 1000.0;
        let codepoint = Codepoint {
            gid: g.id,
            offset: 0.0,
            cid: mapped.cloned(),
        };
        if differs {
            flush(&mut pending, ops);
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: actual_text(&g.text),
            });
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(g.x), Pt(y)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![codepoint])],
            });
            ops.push(Op::EndMarkedContentWithProperties);
            pen = None;
            continue;
        }
        match (pen, pending.last_mut()) {
            (Some(p), Some(last)) => {
                let shift = ((g.x - p) * 1000.0 / run.size * 10.0).round() / 10.0;
                if shift != 0.0 {
                    last.offset -= shift;
                }
                pen = Some(p + shift * run.size / 1000.0 + natural);
            }
            _ => {
                flush(&mut pending, ops);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(g.x), Pt(y)),
                });
                pen = Some(g.x + natural);
            }
        }
        pending.push(codepoint);
    }
    flush(&mut pending, ops);
}

fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    let mut map = BTreeMap::new();
    map.insert(
        "ActualText".to_string(),
        DictItem::String {
            data,
            literal: false,
        },
    );
    DictItem::Dict { map }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}
