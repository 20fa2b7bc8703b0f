//! Setting broken lines: glue stretched or shrunk by the line's ratio and
//! glyphs given absolute positions.

use crate::layout::items::{Item, Paragraph};
use crate::layout::linebreak::{Break, next_line_start};
use crate::layout::tree::{Glyph, Line, LinkArea, Run};

/// Lines of a paragraph, baselines at 0; `x` is the left edge.
pub fn set_lines(
    paragraph: &Paragraph,
    breaks: &[Break],
    x: f32,
    justify: bool,
    links: &mut Vec<(usize, LinkArea)>,
) -> Vec<Line> {
    let items = &paragraph.items;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (index, b) in breaks.iter().enumerate() {
        let ratio = if justify { b.ratio } else { 0.0 };
        let mut line = Line {
            x,
            baseline: 0.0,
            width: 0.0,
            runs: Vec::new(),
        };
        let mut pen = x;
        let end = b.at.min(items.len());
        for item in &items[start..end] {
            match item {
                Item::Box { width, glyphs } => {
                    let mut gx = pen;
                    for g in glyphs {
                        push_glyph(&mut line, paragraph, g, gx, links, index);
                        gx += g.glyph.advance;
                    }
                    pen += width;
                }
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                    glyph,
                } => {
                    let adjusted = if ratio >= 0.0 {
                        width + ratio * stretch.min(1000.0)
                    } else {
                        width + ratio * shrink
                    };
                    if let Some(g) = glyph {
                        push_glyph(&mut line, paragraph, g, pen, links, index);
                    }
                    pen += adjusted.max(0.0);
                }
                Item::Penalty { .. } => {}
            }
        }
        if let Some(Item::Penalty {
            glyph: Some(g),
            width,
            ..
        }) = items.get(b.at)
        {
            push_glyph(&mut line, paragraph, g, pen, links, index);
            pen += width;
        }
        // A line ending in a word's own hyphen (`Cross-|Border`) gets a soft
        // hyphen after it in the extracted text, so that extraction tools
        // that drop a line-final hyphen keep this one.
        let own_hyphen = matches!(items.get(b.at), Some(Item::Penalty { glyph: None, .. }))
            && index + 1 < breaks.len();
        if own_hyphen
            && let Some(last) = line.runs.last_mut().and_then(|r| r.glyphs.last_mut())
            && last.text.ends_with(['-', '\u{2010}'])
        {
            last.text.push('\u{AD}');
        }
        // Trailing spaces draw nothing and would widen the line's extent.
        while let Some(last) = line.runs.last_mut() {
            if last.glyphs.last().is_some_and(|g| g.text == " ") {
                last.glyphs.pop();
                if last.glyphs.is_empty() {
                    line.runs.pop();
                }
            } else {
                break;
            }
        }
        line.width = pen - x;
        lines.push(line);
        start = next_line_start(items, b.at);
    }
    lines
}

fn push_glyph(
    line: &mut Line,
    paragraph: &Paragraph,
    g: &crate::layout::items::StyledGlyph,
    x: f32,
    links: &mut Vec<(usize, LinkArea)>,
    line_index: usize,
) {
    let style = &paragraph.styles[g.style];
    let glyph = Glyph {
        id: g.glyph.id,
        x: x + g.glyph.x_offset,
        text: g.glyph.text.clone(),
    };
    if let Some(target) = style.link {
        // Extend the line's last area for the same link, else start one.
        match links.last_mut() {
            Some((l, area))
                if *l == line_index && area.target == target && area.x + area.width >= x - 6.0 =>
            {
                area.width = (x + g.glyph.advance - area.x).max(area.width);
            }
            _ => links.push((
                line_index,
                LinkArea {
                    x,
                    y: -style.size * 0.9,
                    width: g.glyph.advance,
                    height: style.size * 1.2,
                    target,
                },
            )),
        }
    }
    match line.runs.last_mut() {
        Some(run)
            if run.face == g.glyph.face && run.size == style.size && run.color == style.color =>
        {
            run.glyphs.push(glyph);
        }
        _ => line.runs.push(Run {
            face: g.glyph.face,
            size: style.size,
            color: style.color,
            glyphs: vec![glyph],
        }),
    }
}
