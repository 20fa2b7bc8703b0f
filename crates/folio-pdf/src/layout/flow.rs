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
    /// Part of a figure (image, caption, credit) that may move to the top
    /// of the next page when it does not fit, letting the text after it
    /// fill the page.
    pub float: bool,
}

/// A placed question, for the outline: (title, page index, y).
pub type OutlineMark = (String, usize, f32);

/// An element in the order of placing, with its index among all elements.
#[derive(Debug, Clone, Copy)]
struct Placed<'e> {
    index: usize,
    element: &'e Element,
}

impl std::ops::Deref for Placed<'_> {
    type Target = Element;
    fn deref(&self) -> &Element {
        self.element
    }
}

/// Breaks the flow into pages of `height` starting at `top`. The elements'
/// content moves onto the pages.
pub fn paginate(
    mut elements: Vec<Element>,
    top: f32,
    height: f32,
) -> (Vec<Page>, Vec<OutlineMark>) {
    // First where each element goes (page, offset), then the moves: the
    // lines are not copied.
    let mut plan: Vec<Vec<(usize, f32)>> = Vec::new();
    let mut marks = Vec::new();
    {
        // The elements in the order they are placed: figures may move later.
        let mut flow: Vec<Placed> = elements
            .iter()
            .enumerate()
            .map(|(index, element)| Placed { index, element })
            .collect();
        let mut page_start = 0;
        while page_start < flow.len() {
            let mut end = page_end(&flow, page_start, height);
            if let Some(filled) = defer_figure(&mut flow, page_start, end, height) {
                end = filled;
            }
            let stretch = if end < flow.len() {
                space_stretch(&flow[page_start..end], height)
            } else {
                1.0
            };
            let mut page = Vec::with_capacity(end - page_start);
            let mut y = 0.0;
            for (k, e) in flow[page_start..end].iter().enumerate() {
                if k > 0 {
                    y += space_above(&flow[page_start + k - 1], e) * stretch;
                }
                let dy = top + y;
                if let Some(title) = &e.outline {
                    marks.push((title.clone(), plan.len(), dy));
                }
                page.push((e.index, dy));
                y += e.height;
            }
            plan.push(page);
            page_start = end;
        }
    }
    let pages = plan
        .into_iter()
        .map(|placed| {
            let mut page = Page::default();
            for (index, dy) in placed {
                if let Some(element) = elements.get_mut(index) {
                    place(&mut page, std::mem::take(&mut element.content), dy);
                }
            }
            page
        })
        .collect();
    (pages, marks)
}

/// The most bottom slack that is spread over the page's spaces (about
/// three body lines).
const MAX_SLACK: f32 = 45.0;

/// When the page ends before a figure that does not fit and leaves more
/// than [`MAX_SLACK`] empty, the figure floats: the text after it fills
/// the page and the figure heads the next one, as in a book. Returns the
/// new end of the page.
fn defer_figure(flow: &mut Vec<Placed>, start: usize, end: usize, height: f32) -> Option<usize> {
    if end <= start || !flow.get(end)?.float {
        return None;
    }
    let used = page_height(&flow[start..end]);
    if height - used <= MAX_SLACK {
        return None;
    }
    let group_end = (end..flow.len())
        .find(|&k| !flow[k].float)
        .unwrap_or(flow.len());
    let figure: Vec<Placed> = flow.drain(end..group_end).collect();
    let filled = page_end(flow, start, height);
    // Only text moves up; a second figure stays behind the first.
    let moved_text = filled > end && flow[end..filled].iter().all(|e| !e.float);
    let at = if moved_text { filled } else { end };
    flow.splice(at..at, figure);
    moved_text.then_some(filled)
}

/// Space above `e` set right after `prev`. Text that goes on under a
/// figure moved to the top of a page keeps the gap a figure leaves.
fn space_above(prev: &Element, e: &Element) -> f32 {
    if prev.float && !e.float {
        e.space_before.max(FIGURE_GAP)
    } else {
        e.space_before
    }
}

/// The space a figure leaves below it (as `DocBuilder::figure` does).
const FIGURE_GAP: f32 = 8.0;

/// The spaces between the elements of a page, the first one's dropped.
fn spaces(page: &[Placed]) -> f32 {
    page.windows(2).map(|w| space_above(&w[0], &w[1])).sum()
}

/// Height of a run of elements set one after another (the first one's
/// space dropped, as at the top of a page).
fn page_height(page: &[Placed]) -> f32 {
    page.iter().map(|e| e.height).sum::<f32>() + spaces(page)
}

/// How much to widen the spaces between blocks so that a full page ends
/// flush with the bottom margin, as in a magazine; at most 2.5 times.
fn space_stretch(page: &[Placed], height: f32) -> f32 {
    let spaces = spaces(page);
    let used = page.iter().map(|e| e.height).sum::<f32>() + spaces;
    let slack = height - used;
    // A page cut short by a figure or a kept block stays ragged: spreading
    // a large gap over a few spaces would tear the page apart.
    if spaces <= 0.0 || slack <= 0.0 || slack > MAX_SLACK {
        return 1.0;
    }
    (1.0 + slack / spaces).min(2.5)
}

/// The index of the first element of the next page.
fn page_end(elements: &[Placed], start: usize, height: f32) -> usize {
    let mut y = 0.0;
    for (i, e) in elements.iter().enumerate().skip(start) {
        let needed = if i == start {
            e.height
        } else {
            space_above(&elements[i - 1], e) + e.height
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

fn place(page: &mut Page, content: Vec<Drawable>, dy: f32) {
    for d in content {
        match d {
            Drawable::Line(mut line) => {
                line.offset(dy);
                page.lines.push(line);
            }
            Drawable::Rule(rule) => page.rules.push(Rule {
                y0: rule.y0 + dy,
                y1: rule.y1 + dy,
                ..rule
            }),
            Drawable::Image(image) => page.images.push(PlacedImage {
                y: image.y + dy,
                ..image
            }),
            Drawable::Link(link) => page.links.push(LinkArea {
                y: link.y + dy,
                ..link
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
            float: false,
        }
    }

    fn refs(els: &[Element]) -> Vec<Placed<'_>> {
        els.iter()
            .enumerate()
            .map(|(index, element)| Placed { index, element })
            .collect()
    }

    /// A figure `height` tall (picture and caption) between lines.
    fn figure_el(height: f32) -> Vec<Element> {
        let mut picture = line_el(true);
        picture.height = height - 10.0;
        picture.float = true;
        let mut caption = line_el(false);
        caption.float = true;
        vec![picture, caption]
    }

    /// Which elements each page holds, by a marker in their height.
    fn pages_of(els: &[Element], height: f32) -> Vec<Vec<f32>> {
        let mut flow = refs(els);
        let mut pages = Vec::new();
        let mut start = 0;
        while start < flow.len() {
            let mut end = page_end(&flow, start, height);
            if let Some(filled) = defer_figure(&mut flow, start, end, height) {
                end = filled;
            }
            pages.push(flow[start..end].iter().map(|e| e.height).collect());
            start = end;
        }
        pages
    }

    #[test]
    fn a_figure_that_does_not_fit_floats_and_text_fills_the_page() {
        // Page of 100: three lines, then a figure of 80, then six lines.
        let mut els: Vec<Element> = (0..3).map(|_| line_el(true)).collect();
        els.extend(figure_el(80.0));
        els.extend((0..6).map(|_| line_el(true)));
        let pages = pages_of(&els, 100.0);
        // The six lines move up to fill page one; the figure heads page two.
        assert_eq!(pages[0], vec![10.0; 9]);
        assert_eq!(pages[1], vec![70.0, 10.0]);
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn a_figure_stays_when_the_page_is_nearly_full_or_nothing_follows() {
        // Eight lines leave 20 free: too little to be worth filling.
        let mut els: Vec<Element> = (0..8).map(|_| line_el(true)).collect();
        els.extend(figure_el(80.0));
        els.extend((0..3).map(|_| line_el(true)));
        let pages = pages_of(&els, 100.0);
        assert_eq!(pages[0], vec![10.0; 8]);
        // Under the figure, its gap of 8 leaves room for one line.
        assert_eq!(pages[1], vec![70.0, 10.0, 10.0]);
        assert_eq!(pages[2], vec![10.0, 10.0]);
        // Nothing after the figure: it simply goes to the next page.
        let mut els: Vec<Element> = (0..3).map(|_| line_el(true)).collect();
        els.extend(figure_el(80.0));
        let pages = pages_of(&els, 100.0);
        assert_eq!(pages, vec![vec![10.0; 3], vec![70.0, 10.0]]);
    }

    #[test]
    fn text_moved_up_before_a_figure_still_breaks_at_allowed_points() {
        // After the figure: one line, then a block of nine lines that may
        // not be split before its last line. Only the single line fits the
        // page's seven free slots at an allowed break.
        let mut els: Vec<Element> = (0..3).map(|_| line_el(true)).collect();
        els.extend(figure_el(80.0));
        els.push(line_el(true));
        els.extend((0..9).map(|k| line_el(k == 0 || k == 8)));
        let pages = pages_of(&els, 100.0);
        assert_eq!(pages[0], vec![10.0; 4]);
        // The block does not fit under the figure, so it starts page three.
        assert_eq!(pages[1], vec![70.0, 10.0]);
        assert_eq!(pages[2], vec![10.0; 9]);
    }

    #[test]
    fn breaks_back_up_to_allowed_points() {
        // Ten lines, a page of 85 holds eight; breaks only before 0, 2..=6.
        let els: Vec<Element> = (0..10)
            .map(|k| line_el(k == 0 || (2..=6).contains(&k)))
            .collect();
        assert_eq!(page_end(&refs(&els), 0, 85.0), 6);
        assert_eq!(page_end(&refs(&els), 6, 85.0), 10);
    }

    #[test]
    fn full_pages_end_flush_with_the_margin() {
        let mut els: Vec<Element> = (0..8).map(|_| line_el(true)).collect();
        els[4].space_before = 4.0;
        // 80 of lines + 4 of space on a page of 86: the space grows to 6.
        assert!((space_stretch(&refs(&els), 86.0) - 1.5).abs() < 1e-6);
        // Never more than 2.5 times, and not at all for a page cut short.
        assert!((space_stretch(&refs(&els), 100.0) - 2.5).abs() < 1e-6);
        assert!((space_stretch(&refs(&els), 200.0) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn an_element_taller_than_a_page_still_advances() {
        let mut big = line_el(true);
        big.height = 500.0;
        let els = vec![big, line_el(true)];
        assert_eq!(page_end(&refs(&els), 0, 100.0), 1);
    }
}
