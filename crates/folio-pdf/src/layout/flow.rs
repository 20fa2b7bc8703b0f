//! The vertical flow: elements stacked down the text block, and the page
//! breaker that keeps widows, orphans, labels and headings in place.

use crate::layout::tree::{Line, LinkArea, Page, PlacedImage, Rule};

/// Something drawn inside an element, relative to the element's top.
#[derive(Debug, Clone)]
pub enum Drawable {
    Line(Line),
    Rule(Rule),
    Image(PlacedImage),
    Link(LinkArea),
}

/// One unbreakable slice of the flow (a line, a rule, a figure).
#[derive(Debug, Clone)]
pub struct Element {
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Whether a page may end right before this element.
    pub break_before: bool,
    pub content: Vec<Drawable>,
    /// Outline title for a question starting here.
    pub outline: Option<String>,
}

/// A placed question, for the outline: (title, page index, y).
pub type OutlineMark = (String, usize, f32);

/// Breaks the flow into pages of `height` starting at `top`.
pub fn paginate(elements: &[Element], top: f32, height: f32) -> (Vec<Page>, Vec<OutlineMark>) {
    let mut pages = Vec::new();
    let mut marks = Vec::new();
    let mut page_start = 0;
    while page_start < elements.len() {
        let end = page_end(elements, page_start, height);
        let stretch = if end < elements.len() {
            space_stretch(&elements[page_start..end], height)
        } else {
            1.0
        };
        let mut page = Page::default();
        let mut y = 0.0;
        for (k, e) in elements[page_start..end].iter().enumerate() {
            if k > 0 {
                y += e.space_before * stretch;
            }
            let dy = top + y;
            if let Some(title) = &e.outline {
                marks.push((title.clone(), pages.len(), dy));
            }
            place(&mut page, e, dy);
            y += e.height;
        }
        pages.push(page);
        page_start = end;
    }
    (pages, marks)
}

/// The most bottom slack that is spread over the page's spaces (about
/// three body lines).
const MAX_SLACK: f32 = 45.0;

/// How much to widen the spaces between blocks so that a full page ends
/// flush with the bottom margin, as in a magazine; at most 2.5 times.
fn space_stretch(page: &[Element], height: f32) -> f32 {
    let spaces: f32 = page.iter().skip(1).map(|e| e.space_before).sum();
    let used: f32 = page.iter().map(|e| e.height).sum::<f32>() + spaces;
    let slack = height - used;
    // A page cut short by a figure or a kept block stays ragged: spreading
    // a large gap over a few spaces would tear the page apart.
    if spaces <= 0.0 || slack <= 0.0 || slack > MAX_SLACK {
        return 1.0;
    }
    (1.0 + slack / spaces).min(2.5)
}

/// The index of the first element of the next page.
fn page_end(elements: &[Element], start: usize, height: f32) -> usize {
    let mut y = 0.0;
    for (i, e) in elements.iter().enumerate().skip(start) {
        let needed = if i == start {
            e.height
        } else {
            e.space_before + e.height
        };
        if y + needed > height + 0.01 && i > start {
            // Back up to the last place a page may end.
            return (start + 1..=i)
                .rev()
                .find(|&b| elements[b].break_before)
                .unwrap_or(i);
        }
        y += needed;
    }
    elements.len()
}

fn place(page: &mut Page, element: &Element, dy: f32) {
    for d in &element.content {
        match d {
            Drawable::Line(line) => {
                let mut line = line.clone();
                line.offset(dy);
                page.lines.push(line);
            }
            Drawable::Rule(rule) => page.rules.push(Rule {
                y0: rule.y0 + dy,
                y1: rule.y1 + dy,
                ..*rule
            }),
            Drawable::Image(image) => page.images.push(PlacedImage {
                y: image.y + dy,
                ..*image
            }),
            Drawable::Link(link) => page.links.push(LinkArea {
                y: link.y + dy,
                ..*link
            }),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn line_el(break_before: bool) -> Element {
        Element {
            height: 10.0,
            space_before: 0.0,
            break_before,
            content: Vec::new(),
            outline: None,
        }
    }

    #[test]
    fn breaks_back_up_to_allowed_points() {
        // Ten lines, a page of 85 holds eight; breaks only before 0, 2..=6.
        let els: Vec<Element> = (0..10)
            .map(|k| line_el(k == 0 || (2..=6).contains(&k)))
            .collect();
        assert_eq!(page_end(&els, 0, 85.0), 6);
        assert_eq!(page_end(&els, 6, 85.0), 10);
    }

    #[test]
    fn full_pages_end_flush_with_the_margin() {
        let mut els: Vec<Element> = (0..8).map(|_| line_el(true)).collect();
        els[4].space_before = 4.0;
        // 80 of lines + 4 of space on a page of 86: the space grows to 6.
        assert!((space_stretch(&els, 86.0) - 1.5).abs() < 1e-6);
        // Never more than 2.5 times, and not at all for a page cut short.
        assert!((space_stretch(&els, 100.0) - 2.5).abs() < 1e-6);
        assert!((space_stretch(&els, 200.0) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn an_element_taller_than_a_page_still_advances() {
        let mut big = line_el(true);
        big.height = 500.0;
        let els = vec![big, line_el(true)];
        assert_eq!(page_end(&els, 0, 100.0), 1);
    }
}
