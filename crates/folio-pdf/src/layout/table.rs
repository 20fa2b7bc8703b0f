//! Tables as a grid: columns sized from their cells' natural widths within
//! the measure, each cell set as a paragraph in its column, each row one
//! unbreakable flow element as tall as its tallest cell, with rules above
//! and below the table, under the header and between rows. A table stays
//! with the lines before it (the sentence that introduces it).

use folio_core::{Alignment, Inline, column_count, fit_columns};

use crate::layout::compose::Composer;
use crate::layout::flow::{Drawable, Element};
use crate::layout::items::Span;
use crate::layout::style::{ParagraphStyle, Rgb, Style};
use crate::layout::text::trim_end;
use crate::layout::tree::{LinkArea, NodeId, Rule, StructKind};

/// Space between a cell's text and its column's edges, left and right.
const PAD_X: f32 = 5.0;
/// Space above and below a cell's text.
const PAD_Y: f32 = 3.5;
/// The rules above and below the table, and under its header.
const HEAVY_RULE: f32 = 0.8;
const HEADER_RULE: f32 = 0.5;
/// The rules between body rows.
const THIN_RULE: f32 = 0.3;
/// The least width left for a cell's text.
const MIN_TEXT_WIDTH: f32 = 8.0;

/// How a table's cells are set.
#[derive(Debug, Clone)]
pub struct TableStyle {
    /// Body cells.
    pub body: Style,
    /// Header cells.
    pub head: Style,
    pub leading: f32,
    /// The measure: indents from the text block's edges, as a paragraph's.
    pub left_indent: f32,
    pub right_indent: f32,
}

/// One cell, set.
struct SetCell {
    lines: Vec<crate::layout::tree::Line>,
    links: Vec<(usize, LinkArea)>,
    baseline: f32,
}

/// Lays a table out as flow elements, one per row. A page may break
/// between rows, never inside one, nor right before the table or between
/// the header and the first row.
pub fn table(
    c: &mut Composer<'_, '_>,
    header: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    align: &[Alignment],
    style: &TableStyle,
) {
    let columns = column_count(header, rows);
    if columns == 0 {
        return;
    }
    let has_header = !header.is_empty();
    let all: Vec<(&[Vec<Inline>], bool)> = has_header
        .then_some((header, true))
        .into_iter()
        .chain(rows.iter().map(|r| (r.as_slice(), false)))
        .collect();
    // Every cell's spans, padded to the column count, and its structure
    // element: a table of rows of cells, the header's heading its column.
    c.open(StructKind::Table);
    let mut cells: Vec<Vec<Vec<Span>>> = Vec::with_capacity(all.len());
    let mut tags: Vec<Vec<Option<NodeId>>> = Vec::with_capacity(all.len());
    for (row, head) in &all {
        let base = if *head { &style.head } else { &style.body };
        c.open(StructKind::Tr);
        let mut row_spans = Vec::with_capacity(columns);
        let mut row_tags = Vec::with_capacity(columns);
        for column in 0..columns {
            // Without a header row, a table of two or more columns is read
            // as a fact box: its first column names what each row gives.
            let scope = if *head {
                Some("Column")
            } else if !has_header && columns > 1 && column == 0 {
                Some("Row")
            } else {
                None
            };
            let tag = c.open(if scope.is_some() {
                StructKind::Th
            } else {
                StructKind::Td
            });
            if let Some(node) = c.current() {
                node.scope = scope;
            }
            let mut s = Vec::new();
            if let Some(cell) = row.get(column) {
                c.spans(cell, base, &mut s);
            }
            trim_end(&mut s);
            c.close();
            row_spans.push(s);
            row_tags.push(Some(tag));
        }
        c.close();
        cells.push(row_spans);
        tags.push(row_tags);
    }
    c.close();
    let g = c.geometry;
    let available = (g.text_width() - style.left_indent - style.right_indent).max(0.0);
    let natural: Vec<f32> = (0..columns)
        .map(|column| {
            let widest = cells
                .iter()
                .map(|row| c.natural_width(&row[column]))
                .fold(0.0, f32::max);
            widest.ceil() + 2.0 * PAD_X
        })
        .collect();
    let widths = fit_columns(&natural, available);
    let total: f32 = widths.iter().sum();
    let left = g.margin_left + style.left_indent;
    // Each column's left edge; right to left, the first column is on the right.
    let mut edges = Vec::with_capacity(columns);
    let mut run = 0.0;
    for width in &widths {
        edges.push(if c.rtl {
            left + available - run - width
        } else {
            left + run
        });
        run += width;
    }
    let (x0, x1) = if c.rtl {
        (left + available - total, left + available)
    } else {
        (left, left + total)
    };
    let count = cells.len();
    for (index, (row, (_, head))) in cells.iter().zip(&all).enumerate() {
        let base = if *head { &style.head } else { &style.body };
        let set: Vec<SetCell> = row
            .iter()
            .enumerate()
            .map(|(column, spans)| {
                let text_left = edges[column] + PAD_X;
                let text_width = (widths[column] - 2.0 * PAD_X).max(MIN_TEXT_WIDTH);
                let mut para = ParagraphStyle::ragged(style.leading);
                para.left_indent = text_left - g.margin_left;
                para.right_indent = g.text_width() - para.left_indent - text_width;
                let (lines, links) = if spans.iter().all(|s| s.text.trim().is_empty()) {
                    (Vec::new(), Vec::new())
                } else {
                    c.lines(spans, &para)
                };
                let size = spans.iter().map(|s| s.style.size).fold(base.size, f32::max);
                let baseline = style.leading - (style.leading - size) / 2.0 - 0.22 * size;
                SetCell {
                    lines,
                    links,
                    baseline,
                }
            })
            .collect();
        let tallest = set.iter().map(|s| s.lines.len()).max().unwrap_or(0).max(1);
        // A row taller than a page is set in slices of as many lines as a
        // page holds, each its own element, so that no line runs off the
        // page; a row that fits is one slice.
        let per_slice =
            (((c.geometry.text_height() - 2.0 * PAD_Y) / style.leading).floor() as usize).max(1);
        let slices = tallest.div_ceil(per_slice);
        let mut contents: Vec<Vec<Drawable>> = vec![Vec::new(); slices];
        for (column, cell) in set.into_iter().enumerate() {
            let tag = tags
                .get(index)
                .and_then(|row| row.get(column))
                .copied()
                .flatten();
            let text_left = edges[column] + PAD_X;
            let text_width = (widths[column] - 2.0 * PAD_X).max(MIN_TEXT_WIDTH);
            for (k, mut line) in cell.lines.into_iter().enumerate() {
                let at = line.x - text_left;
                let wanted = match Alignment::of(align, column) {
                    Alignment::Default => at,
                    Alignment::Left => 0.0,
                    Alignment::Center => ((text_width - line.width) / 2.0).max(0.0),
                    Alignment::Right => (text_width - line.width).max(0.0),
                };
                let dx = wanted - at;
                line.shift(dx);
                let (slice, row_line) = (k / per_slice, k % per_slice);
                let baseline = PAD_Y + row_line as f32 * style.leading + cell.baseline;
                line.baseline = baseline;
                line.tag = tag;
                let Some(content) = contents.get_mut(slice) else {
                    continue;
                };
                content.push(Drawable::Line(line));
                for (_, area) in cell.links.iter().filter(|(l, _)| *l == k) {
                    content.push(Drawable::Link(LinkArea {
                        x: area.x + dx,
                        y: area.y + baseline,
                        ..*area
                    }));
                }
            }
        }
        let rule = |y: f32, thickness: f32, color: Rgb| {
            Drawable::Rule(Rule {
                x0,
                y0: y,
                x1,
                y1: y,
                thickness,
                color,
            })
        };
        for (slice, mut content) in contents.into_iter().enumerate() {
            let lines = (tallest - slice * per_slice).min(per_slice);
            let height = 2.0 * PAD_Y + lines as f32 * style.leading;
            let (first, last) = (slice == 0, slice + 1 == slices);
            // Above the table, and between body rows (the header has its own).
            if first && index == 0 {
                content.push(rule(0.0, HEAVY_RULE, Rgb::BLACK));
            } else if first && !(has_header && index == 1) {
                content.push(rule(0.0, THIN_RULE, Rgb::GREY));
            }
            if last && *head {
                content.push(rule(height, HEADER_RULE, Rgb::BLACK));
            }
            if last && index + 1 == count {
                content.push(rule(height, HEAVY_RULE, Rgb::BLACK));
            }
            c.push(Element {
                height,
                space_before: 0.0,
                // The table stays with what precedes it, the header with the
                // first row; a row's later slices may start a page.
                break_before: !first || index > 1 || (index == 1 && !has_header),
                content,
                outline: None,
                float: false,
            });
        }
    }
}
