//! Optimal line breaking (Knuth & Plass, "Breaking Paragraphs into Lines",
//! 1981): the set of breaks with the least total demerits over the whole
//! paragraph, rather than filling each line greedily.

use crate::layout::items::{INFINITY, Item};

/// A chosen break: the item index and the line's adjustment ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Break {
    pub at: usize,
    pub ratio: f32,
}

const LINE_PENALTY: f32 = 10.0;
const FLAGGED_DEMERITS: f32 = 10_000.0;
const FITNESS_DEMERITS: f32 = 100.0;

#[derive(Debug, Clone, Copy)]
struct Node {
    at: usize,
    line: usize,
    fitness: u8,
    totals: Totals,
    demerits: f32,
    previous: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    width: f32,
    stretch: f32,
    shrink: f32,
}

/// Breaks items into lines of `width`; `justify` false sets ragged lines.
/// Always returns breaks, ending with the paragraph's last item.
pub fn break_lines(items: &[Item], width: f32, justify: bool) -> Vec<Break> {
    if !justify {
        return ragged(items, width);
    }
    for tolerance in [1.5, 4.0, 50.0] {
        if let Some(breaks) = optimal(items, width, tolerance, true) {
            return breaks;
        }
    }
    ragged(items, width)
}

/// TeX's first pass: breaks with every line within a modest adjustment
/// (`\pretolerance`) and none at a hyphenation point, or `None` when the
/// paragraph needs hyphenation.
pub fn without_strain(items: &[Item], width: f32) -> Option<Vec<Break>> {
    optimal(items, width, PRETOLERANCE, false)
}

/// The largest adjustment ratio a first-pass line may have: spaces
/// stretched by their full stretch at most.
const PRETOLERANCE: f32 = 1.0;

/// `hyphens` false passes over hyphenation points as if they were not there.
fn optimal(items: &[Item], width: f32, tolerance: f32, hyphens: bool) -> Option<Vec<Break>> {
    let mut nodes = vec![Node {
        at: 0,
        line: 0,
        fitness: 1,
        totals: Totals::default(),
        demerits: 0.0,
        previous: None,
    }];
    let mut active: Vec<usize> = vec![0];
    let mut sum = Totals::default();
    for (i, item) in items.iter().enumerate() {
        let breakable = match item {
            Item::Box { .. } => false,
            Item::Glue { .. } => i > 0 && matches!(items[i - 1], Item::Box { .. }),
            Item::Penalty {
                penalty,
                hyphenation,
                ..
            } => *penalty < INFINITY && (hyphens || !hyphenation),
        };
        if breakable {
            consider(items, i, width, tolerance, sum, &mut nodes, &mut active);
            if active.is_empty() {
                return None;
            }
        }
        match item {
            Item::Box { width, .. } => sum.width += width,
            Item::Glue {
                width,
                stretch,
                shrink,
                ..
            } => {
                sum.width += width;
                sum.stretch += stretch;
                sum.shrink += shrink;
            }
            Item::Penalty { .. } => {}
        }
    }
    let best = active
        .iter()
        .copied()
        .filter(|&n| nodes[n].at == items.len() - 1)
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut cursor = Some(best);
    while let Some(n) = cursor {
        let node = nodes[n];
        if node.previous.is_some() {
            breaks.push(Break {
                at: node.at,
                ratio: 0.0,
            });
        }
        cursor = node.previous;
    }
    breaks.reverse();
    fill_ratios(items, width, &mut breaks);
    Some(breaks)
}

fn consider(
    items: &[Item],
    i: usize,
    width: f32,
    tolerance: f32,
    sum: Totals,
    nodes: &mut Vec<Node>,
    active: &mut Vec<usize>,
) {
    let (penalty, flagged, extra_width) = match &items[i] {
        Item::Penalty {
            penalty,
            flagged,
            width,
            ..
        } => (*penalty, *flagged, *width),
        _ => (0.0, false, 0.0),
    };
    let mut best: [Option<(f32, usize)>; 4] = [None; 4];
    let mut keep = Vec::with_capacity(active.len());
    for &a in active.iter() {
        let node = nodes[a];
        let natural = sum.width - node.totals.width + extra_width;
        let ratio = adjustment(
            natural,
            sum.stretch - node.totals.stretch,
            sum.shrink - node.totals.shrink,
            width,
        );
        // A line that cannot shrink enough ends this node's chances.
        if ratio < -1.0 {
            continue;
        }
        keep.push(a);
        if ratio > tolerance {
            continue;
        }
        let badness = 100.0 * ratio.abs().min(10.0).powi(3);
        let mut demerits = (LINE_PENALTY + badness).powi(2);
        if penalty >= 0.0 {
            demerits += penalty * penalty;
        } else if penalty > -INFINITY {
            demerits -= penalty * penalty;
        }
        if flagged && matches!(items[node.at], Item::Penalty { flagged: true, .. }) {
            demerits += FLAGGED_DEMERITS;
        }
        let fitness = fitness_class(ratio);
        if fitness.abs_diff(node.fitness) > 1 {
            demerits += FITNESS_DEMERITS;
        }
        let total = node.demerits + demerits;
        let slot = &mut best[usize::from(fitness)];
        if slot.is_none_or(|(d, _)| total < d) {
            *slot = Some((total, a));
        }
    }
    if penalty <= -INFINITY {
        // After a forced break nothing before it can start a line.
        keep.clear();
    }
    *active = keep;
    let after = totals_after(items, i, sum);
    for (fitness, candidate) in best.iter().enumerate() {
        if let Some((demerits, from)) = candidate {
            nodes.push(Node {
                at: i,
                line: nodes[*from].line + 1,
                fitness: fitness as u8,
                totals: after,
                demerits: *demerits,
                previous: Some(*from),
            });
            active.push(nodes.len() - 1);
        }
    }
}

/// Totals at the start of the line that follows a break at `i`: the
/// glue and penalties right after a break vanish.
fn totals_after(items: &[Item], i: usize, sum: Totals) -> Totals {
    let mut t = sum;
    for (k, item) in items[i..].iter().enumerate() {
        match item {
            Item::Box { .. } => break,
            Item::Glue {
                width,
                stretch,
                shrink,
                ..
            } => {
                t.width += width;
                t.stretch += stretch;
                t.shrink += shrink;
            }
            Item::Penalty { penalty, .. } if *penalty <= -INFINITY && k > 0 => break,
            Item::Penalty { .. } => {}
        }
    }
    t
}

fn adjustment(natural: f32, stretch: f32, shrink: f32, width: f32) -> f32 {
    if natural < width {
        if stretch >= INFINITY {
            0.0
        } else if stretch > 0.0 {
            (width - natural) / stretch
        } else {
            INFINITY
        }
    } else if natural > width {
        if shrink > 0.0 {
            (width - natural) / shrink
        } else {
            -INFINITY
        }
    } else {
        0.0
    }
}

fn fitness_class(ratio: f32) -> u8 {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

/// Adjustment ratios of the chosen lines, for setting them.
fn fill_ratios(items: &[Item], width: f32, breaks: &mut [Break]) {
    let mut start = 0;
    for b in breaks.iter_mut() {
        let (natural, stretch, shrink) = line_measure(items, start, b.at);
        b.ratio = adjustment(natural, stretch, shrink, width).clamp(-1.0, 10.0);
        start = next_line_start(items, b.at);
    }
}

/// Natural width, stretch and shrink of the line `items[start..end]` plus
/// the width of the penalty it ends at.
pub fn line_measure(items: &[Item], start: usize, end: usize) -> (f32, f32, f32) {
    let mut natural = 0.0;
    let mut stretch = 0.0;
    let mut shrink = 0.0;
    for item in &items[start..end] {
        match item {
            Item::Box { width, .. } => natural += width,
            Item::Glue {
                width,
                stretch: st,
                shrink: sh,
                ..
            } => {
                natural += width;
                stretch += st;
                shrink += sh;
            }
            Item::Penalty { .. } => {}
        }
    }
    if let Some(Item::Penalty { width, .. }) = items.get(end) {
        natural += width;
    }
    (natural, stretch, shrink)
}

/// The first item of the line after a break at `at`.
pub fn next_line_start(items: &[Item], at: usize) -> usize {
    let mut i = at + 1;
    while i < items.len() && !matches!(items[i], Item::Box { .. }) {
        if matches!(items[i], Item::Penalty { penalty, .. } if penalty <= -INFINITY) {
            break;
        }
        i += 1;
    }
    i
}

/// First fit: as many items on each line as fit. Used for ragged text and
/// as the last resort for justified text.
fn ragged(items: &[Item], width: f32) -> Vec<Break> {
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    let mut i = 0;
    while i < items.len() {
        let breakable = match &items[i] {
            Item::Box { .. } => false,
            Item::Glue { .. } => i > start && matches!(items[i - 1], Item::Box { .. }),
            Item::Penalty { penalty, .. } => *penalty < INFINITY,
        };
        if breakable {
            let (natural, _, _) = line_measure(items, start, i);
            let forced = matches!(items[i], Item::Penalty { penalty, .. } if penalty <= -INFINITY);
            if natural > width
                && let Some(fit) = last_fit.take()
            {
                breaks.push(Break {
                    at: fit,
                    ratio: 0.0,
                });
                start = next_line_start(items, fit);
                i = start;
                continue;
            }
            if forced {
                breaks.push(Break { at: i, ratio: 0.0 });
                start = next_line_start(items, i);
                last_fit = None;
                i = start;
                continue;
            }
            last_fit = Some(i);
        }
        i += 1;
    }
    if breaks.last().map(|b| b.at) != Some(items.len().saturating_sub(1)) {
        breaks.push(Break {
            at: items.len().saturating_sub(1),
            ratio: 0.0,
        });
    }
    breaks
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn word(width: f32) -> Item<'static> {
        Item::Box {
            width,
            glyphs: std::borrow::Cow::Borrowed(&[]),
            style: 0,
            level: 0,
        }
    }

    fn space() -> Item<'static> {
        Item::Glue {
            width: 5.0,
            stretch: 3.0,
            shrink: 1.0,
            glyph: None,
            level: 0,
        }
    }

    fn penalty(penalty: f32, hyphenation: bool) -> Item<'static> {
        Item::Penalty {
            width: if hyphenation { 3.0 } else { 0.0 },
            penalty,
            flagged: hyphenation,
            glyph: None,
            hyphenation,
            level: 0,
        }
    }

    /// `20 _ 20-|20 _ 20`: the only good first line ends at the break
    /// point inside the middle word.
    fn paragraph(hyphenation: bool) -> Vec<Item<'static>> {
        vec![
            word(20.0),
            space(),
            word(20.0),
            penalty(100.0, hyphenation),
            word(20.0),
            space(),
            word(20.0),
            Item::Glue {
                width: 0.0,
                stretch: INFINITY,
                shrink: 0.0,
                glyph: None,
                level: 0,
            },
            penalty(-INFINITY, false),
        ]
    }

    #[test]
    fn the_first_pass_passes_over_hyphenation_points_only() {
        let hyphenated = paragraph(true);
        assert_eq!(without_strain(&hyphenated, 48.0), None);
        let breaks: Vec<usize> = break_lines(&hyphenated, 48.0, true)
            .iter()
            .map(|b| b.at)
            .collect();
        assert_eq!(breaks, [3, 8]);
        // The same break point, not from hyphenation, is taken at once.
        let plain: Vec<usize> = without_strain(&paragraph(false), 48.0)
            .unwrap()
            .iter()
            .map(|b| b.at)
            .collect();
        assert_eq!(plain, [3, 8]);
    }
}
