//! Setting broken lines: glue stretched or shrunk by the line's ratio and
//! glyphs given absolute positions.

use crate::layout::items::{Item, Paragraph};
use crate::layout::linebreak::{Break, next_line_start};
use crate::layout::shape::ShapedGlyph;
use crate::layout::style::Style;
use crate::layout::tree::{Glyph, Line, LinkArea, Run};

/// A piece of a line in logical order: a box, a space or a break's hyphen.
/// Its glyphs follow one another from its left edge.
struct Piece<'p> {
    level: u8,
    width: f32,
    glyphs: &'p [ShapedGlyph],
    /// The style the glyphs are drawn in.
    style: usize,
}

/// Lines of a paragraph, baselines at 0, `measure` wide from `x`. Pieces
/// are laid out in visual order (UAX #9 rule L2); right-to-left paragraphs
/// align their lines to the right.
pub fn set_lines(
    paragraph: &Paragraph<'_>,
    breaks: &[Break],
    x: f32,
    measure: f32,
    justify: bool,
    links: &mut Vec<(usize, LinkArea)>,
) -> Vec<Line> {
    let items = &paragraph.items;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (index, b) in breaks.iter().enumerate() {
        let ratio = if justify { b.ratio } else { 0.0 };
        let end = b.at.min(items.len());
        // One piece per item, and the break's hyphen.
        let mut pieces: Vec<Piece> = Vec::with_capacity(end.saturating_sub(start) + 1);
        for item in &items[start..end] {
            match item {
                Item::Box {
                    width,
                    glyphs,
                    style,
                    level,
                } => {
                    pieces.push(Piece {
                        level: *level,
                        width: *width,
                        glyphs,
                        style: *style,
                    });
                }
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                    glyph,
                    level,
                } => {
                    let adjusted = if ratio >= 0.0 {
                        width + ratio * stretch.min(1000.0)
                    } else {
                        width + ratio * shrink
                    };
                    pieces.push(Piece {
                        level: *level,
                        width: adjusted.max(0.0),
                        glyphs: glyph
                            .as_ref()
                            .map(|g| std::slice::from_ref(&g.glyph))
                            .unwrap_or_default(),
                        style: glyph.as_ref().map_or(0, |g| g.style),
                    });
                }
                Item::Penalty { .. } => {}
            }
        }
        if let Some(Item::Penalty {
            glyph: Some(g),
            width,
            level,
            ..
        }) = items.get(b.at)
        {
            pieces.push(Piece {
                level: *level,
                width: *width,
                glyphs: std::slice::from_ref(&g.glyph),
                style: g.style,
            });
        }
        // A line ending in a word's own hyphen (`Cross-|Border`) gets a soft
        // hyphen after it in the extracted text, so that extraction tools
        // that drop a line-final hyphen keep this one.
        let own_hyphen = matches!(items.get(b.at), Some(Item::Penalty { glyph: None, .. }))
            && index + 1 < breaks.len();
        // The glyph that gets the soft hyphen (piece and glyph index): the
        // glyphs are borrowed from the items, so it is added as they are
        // placed. Only empty pieces are dropped below, never this one.
        let soft_hyphen_after = pieces
            .iter()
            .enumerate()
            .next_back()
            .filter(|_| own_hyphen)
            .and_then(|(p, piece)| {
                let last = piece.glyphs.last()?;
                last.text
                    .ends_with(['-', '\u{2010}'])
                    .then_some((p, piece.glyphs.len() - 1))
            });
        let extent: f32 = pieces.iter().map(|p| p.width).sum();
        // Trailing spaces draw nothing.
        for piece in pieces.iter_mut().rev() {
            if piece.glyphs.is_empty() {
                continue;
            }
            if piece.glyphs.iter().all(|g| g.text == " ") {
                piece.glyphs = &[];
            } else {
                break;
            }
        }
        // Right-to-left lines are set flush right, so what ends them
        // logically (on the left) must not widen them.
        if paragraph.rtl {
            while pieces.last().is_some_and(|p| p.glyphs.is_empty()) {
                pieces.pop();
            }
        }
        let natural = if paragraph.rtl {
            pieces.iter().map(|p| p.width).sum()
        } else {
            extent
        };
        let left = if paragraph.rtl {
            x + (measure - natural).max(0.0)
        } else {
            x
        };
        let mut line = Line {
            x: left,
            baseline: 0.0,
            width: natural,
            runs: Vec::new(),
            tag: None,
        };
        let levels: Vec<u8> = pieces.iter().map(|p| p.level).collect();
        let mut pen = left;
        // Glyphs still to place: a new run is made room for all of them,
        // as most lines are one run.
        let mut room: usize = pieces.iter().map(|p| p.glyphs.len()).sum();
        for i in crate::layout::bidi::visual_order(&levels) {
            let Some(piece) = pieces.get(i) else { continue };
            let mut dx = 0.0;
            for (k, g) in piece.glyphs.iter().enumerate() {
                let soft_hyphen = soft_hyphen_after == Some((i, k));
                let at = pen + dx;
                let style = &paragraph.styles[piece.style];
                push_glyph(&mut line, style, g, soft_hyphen, at, links, index, room);
                room = room.saturating_sub(1);
                dx += g.advance;
            }
            pen += piece.width;
        }
        lines.push(line);
        start = next_line_start(items, b.at);
    }
    lines
}

#[allow(clippy::too_many_arguments)]
fn push_glyph(
    line: &mut Line,
    style: &Style,
    g: &ShapedGlyph,
    soft_hyphen: bool,
    x: f32,
    links: &mut Vec<(usize, LinkArea)>,
    line_index: usize,
    room: usize,
) {
    let mut text = g.text.clone();
    if soft_hyphen {
        text.push('\u{AD}');
    }
    let glyph = Glyph {
        id: g.id,
        x: x + g.x_offset,
        text,
    };
    if let Some(target) = style.link {
        // Extend the line's last area for the same link, else start one.
        match links.last_mut() {
            Some((l, area))
                if *l == line_index && area.target == target && area.x + area.width >= x - 6.0 =>
            {
                area.width = (x + g.advance - area.x).max(area.width);
            }
            _ => links.push((
                line_index,
                LinkArea {
                    x,
                    y: -style.size * 0.9,
                    width: g.advance,
                    height: style.size * 1.2,
                    target,
                    tag: style.tag,
                },
            )),
        }
    }
    match line.runs.last_mut() {
        Some(run)
            if run.face == g.face
                && run.size == style.size
                && run.color == style.color
                && run.rise == style.rise
                && run.strike == style.strike
                && run.tag == style.tag =>
        {
            run.glyphs.push(glyph);
        }
        _ => {
            let mut glyphs = Vec::with_capacity(room.max(1));
            glyphs.push(glyph);
            line.runs.push(Run {
                face: g.face,
                size: style.size,
                color: style.color,
                rise: style.rise,
                strike: style.strike,
                tag: style.tag,
                glyphs,
            });
        }
    }
}
