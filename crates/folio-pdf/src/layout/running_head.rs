//! The running head of pages after the first: the interview's or the
//! book's title, shortened, on
//! the left, `n / N` on the right, a hairline below.

use crate::fonts::FaceId;
use crate::layout::bidi::{Levels, visual_order};
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
    // Directional runs shaped each in its direction, shown in visual order.
    let levels = Levels::resolve(text, false);
    let mut pieces = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let end = levels.run_end(at, text.len());
        let Some(piece) = text.get(at..end).filter(|_| end > at) else {
            break;
        };
        let level = levels.at(at);
        pieces.push((
            level,
            shaper.shape_directed(piece, style, Some(level % 2 == 1)),
        ));
        at = end;
    }
    let order = visual_order(&pieces.iter().map(|(l, _)| *l).collect::<Vec<_>>());
    let glyphs = order
        .into_iter()
        .filter_map(|i| pieces.get(i))
        .flat_map(|(_, g)| g.iter().cloned());
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
                rise: 0.0,
                strike: false,
                tag: None,
                glyphs: vec![glyph],
            }),
        }
    }
    Line {
        x,
        baseline,
        width: pen - x,
        runs,
        tag: None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_hebrew_word_in_a_head_reads_right_to_left() {
        let text = "Talk שלום 2";
        let choice = crate::fonts::FontChoice {
            use_system_fonts: true,
            ..crate::fonts::FontChoice::default()
        };
        let book = crate::fonts::FontBook::for_text(text, &choice).unwrap();
        let shaper = Shaper::new(&book);
        let style = Style::new(crate::fonts::FaceId::SERIF, 10.0);
        let line = line_of(&shaper, text, &style, 0.0, 0.0);
        let x = |t: &str| {
            line.runs
                .iter()
                .flat_map(|r| r.glyphs.iter())
                .find(|g| g.text == t)
                .map(|g| g.x)
                .unwrap()
        };
        // A number after Hebrew joins its run (UAX #9 W2, N1): "Talk 2 םולש".
        assert!(x("T") < x("2") && x("2") < x("ם") && x("ם") < x("ש"));
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let t = short_title("Reader's Reflections: Concept of jointly building");
        assert_eq!(t, "Reader's Reflections");
        let long = "word ".repeat(30);
        let cut = short_title(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 60, "{cut}");
    }
}
