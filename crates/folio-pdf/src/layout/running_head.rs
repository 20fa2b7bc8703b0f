//! The running head of pages after the first: the interview's or the
//! book's title, shortened, on
//! the left, `n / N` on the right, a hairline below.

use crate::fonts::FaceId;
use crate::layout::shape::{Shaper, width};
use crate::layout::style::{PageGeometry, Rgb, Style};
use crate::layout::tree::{Glyph, Line, Page, Rule, Run};

/// The running head (short title left, `n / N` right, rule below) of page `number`.
pub fn running_head(
    page: &mut Page,
    number: usize,
    total: usize,
    title: &str,
    shaper: &Shaper<'_>,
    g: &PageGeometry,
) {
    let style = Style::new(FaceId::SANS, 7.5)
        .color(Rgb::GREY)
        .tracking(0.04);
    let baseline = g.margin_top - 26.0;
    let title = short_title(title);
    let left = line_of(
        shaper,
        &title.to_uppercase(),
        &style,
        g.margin_left,
        baseline,
    );
    let folio = format!("{number} / {total}");
    let w = width(&shaper.shape(&folio, &style));
    let right = line_of(
        shaper,
        &folio,
        &style,
        g.width - g.margin_right - w,
        baseline,
    );
    page.lines.insert(0, right);
    page.lines.insert(0, left);
    page.rules.insert(
        0,
        Rule {
            x0: g.margin_left,
            y0: baseline + 6.0,
            x1: g.width - g.margin_right,
            y1: baseline + 6.0,
            thickness: 0.4,
            color: Rgb::GREY,
        },
    );
}

/// The title cut at a word boundary to fit a running head.
fn short_title(title: &str) -> String {
    let head = title.split([':', '：', '—']).next().unwrap_or(title).trim();
    if head.chars().count() <= 60 {
        return head.to_string();
    }
    let mut out = String::new();
    for word in head.split_whitespace() {
        if out.chars().count() + word.chars().count() > 56 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// One unbroken line of text at `x`.
pub(crate) fn line_of(
    shaper: &Shaper<'_>,
    text: &str,
    style: &Style,
    x: f32,
    baseline: f32,
) -> Line {
    let glyphs = shaper.shape(text, style);
    let mut pen = x;
    let mut runs: Vec<Run> = Vec::new();
    for g in glyphs {
        let glyph = Glyph {
            id: g.id,
            x: pen + g.x_offset,
            text: g.text.clone(),
        };
        pen += g.advance;
        match runs.last_mut() {
            Some(r) if r.face == g.face => r.glyphs.push(glyph),
            _ => runs.push(Run {
                face: g.face,
                size: style.size,
                color: style.color,
                glyphs: vec![glyph],
            }),
        }
    }
    Line {
        x,
        baseline,
        width: pen - x,
        runs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let t = short_title("Reader's Reflections: Concept of jointly building");
        assert_eq!(t, "Reader's Reflections");
        let long = "word ".repeat(30);
        let cut = short_title(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 60, "{cut}");
    }
}
