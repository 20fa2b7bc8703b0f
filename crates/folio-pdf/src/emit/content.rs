//! Page content streams, written straight from the layout: rules, images,
//! then text. Glyphs are shown by CID (see [`fonts`](crate::emit::fonts));
//! a glyph whose text differs from its font-wide mapping (an added hyphen,
//! a no-break space drawn with the space glyph) is wrapped in an
//! `ActualText` span so extraction gives the right text back.
//!
//! Every piece of content is either marked as belonging to a structure
//! element (`/P <</MCID n>> BDC … EMC`, the MCIDs numbered through the
//! page) or as an artifact (rules, running heads, folios), so a screen
//! reader meets each word once, in the structure tree's order.

use crate::emit::fonts::{EmbeddedFont, FontSet};
use crate::fonts::FaceId;
use crate::layout::style::Rgb;
use crate::layout::tree::{NodeId, Page, Run, Structure};

pub fn image_name(index: usize) -> String {
    format!("Im{index}")
}

/// A page's content stream, and the structure element of each of its
/// marked-content sequences (indexed by MCID).
pub struct PageContent {
    pub stream: Vec<u8>,
    pub marks: Vec<NodeId>,
}

/// The content stream of one page; `height` turns the layout's
/// top-down y into PDF's bottom-up y.
pub fn page_content(
    page: &Page,
    height: f32,
    fonts: &FontSet,
    structure: &Structure,
) -> PageContent {
    let mut out = Content(Vec::with_capacity(16 * 1024));
    let mut marks = Vec::new();
    if !page.rules.is_empty() {
        out.op("/Artifact BMC");
    }
    for rule in &page.rules {
        out.color(rule.color, "RG");
        out.num(rule.thickness);
        out.op("w");
        out.num(rule.x0);
        out.num(height - rule.y0);
        out.op("m");
        out.num(rule.x1);
        out.num(height - rule.y1);
        out.op("l");
        out.op("S");
    }
    if !page.rules.is_empty() {
        out.op("EMC");
    }
    for image in &page.images {
        out.begin(image.tag, structure, &mut marks);
        out.op("q");
        for v in [image.width, 0.0, 0.0, image.height, image.x] {
            out.num(v);
        }
        out.num(height - image.y - image.height);
        out.op("cm");
        out.raw(format!("/{} Do\nQ\n", image_name(image.image)).as_bytes());
        out.op("EMC");
    }
    out.op("BT");
    let mut current: Option<(FaceId, f32)> = None;
    let mut current_color = None;
    // Lines through struck runs, drawn once the text object is closed:
    // colour, thickness, y, and the run's left and right edges.
    let mut strikes: Vec<(Rgb, f32, f32, f32, f32)> = Vec::new();
    // The marked-content sequence open now: consecutive runs of one
    // element share it, an artifact's is `None`.
    let mut open: Option<Option<NodeId>> = None;
    for line in &page.lines {
        for run in &line.runs {
            let tag = run.tag.or(line.tag);
            if open != Some(tag) {
                if open.is_some() {
                    out.op("EMC");
                }
                out.begin(tag, structure, &mut marks);
                open = Some(tag);
            }
            let y = height - line.baseline + run.rise;
            let Some(font) = fonts.get(run.face) else {
                continue;
            };
            if run.strike
                && let (Some(first), Some(last)) = (run.glyphs.first(), run.glyphs.last())
            {
                let (_, width, _) = font.lookup(last.id, &last.text);
                let right = last.x + width * run.size / 1000.0;
                strikes.push((
                    run.color,
                    run.size * 0.06,
                    y + run.size * 0.28,
                    first.x,
                    right,
                ));
            }
            if current != Some((run.face, run.size)) {
                out.raw(b"/");
                out.raw(font.resource.as_bytes());
                out.raw(b" ");
                out.num(run.size);
                out.op("Tf");
                current = Some((run.face, run.size));
            }
            if current_color != Some(run.color) {
                out.color(run.color, "rg");
                current_color = Some(run.color);
            }
            run_text(run, y, font, &mut out);
        }
    }
    if open.is_some() {
        out.op("EMC");
    }
    out.op("ET");
    let struck = !strikes.is_empty();
    if struck {
        out.op("/Artifact BMC");
    }
    for (color, thickness, y, x0, x1) in strikes {
        out.color(color, "RG");
        out.num(thickness);
        out.op("w");
        out.num(x0);
        out.num(y);
        out.op("m");
        out.num(x1);
        out.num(y);
        out.op("l");
        out.op("S");
    }
    if struck {
        out.op("EMC");
    }
    PageContent {
        stream: out.0,
        marks,
    }
}

/// Shows a run with as few text positionings as possible: one matrix
/// where the run starts, then `TJ` offsets wherever kerning or
/// justification moves a glyph away from where the viewer's pen would
/// put it.
fn run_text(run: &Run, y: f32, font: &EmbeddedFont, out: &mut Content) {
    let mut shown = Shown::default();
    // Where the viewer's pen is after the glyphs shown so far.
    let mut pen: Option<f32> = None;
    for g in &run.glyphs {
        let (cid, width, maps) = font.lookup(g.id, &g.text);
        let natural = width * run.size / 1000.0;
        // A glyph whose text is not its ToUnicode mapping says what it
        // stands for; one that stands for nothing (a cluster's later
        // glyph, mapped for PDF/UA's sake) says so with an empty text.
        if !maps {
            shown.flush(out);
            out.raw(b"/Span <</ActualText <FEFF");
            for unit in g.text.encode_utf16() {
                hex(&mut out.0, unit);
            }
            out.raw(b">>> BDC\n");
            out.matrix(g.x, y);
            shown.glyph(cid);
            shown.flush(out);
            out.op("EMC");
            pen = None;
            continue;
        }
        match pen {
            Some(p) if !shown.is_empty() => {
                // TJ numbers move the pen by -n/1000 em.
                let shift = ((g.x - p) * 1000.0 / run.size * 10.0).round() / 10.0;
                if shift != 0.0 {
                    shown.offset(-shift);
                }
                pen = Some(p + shift * run.size / 1000.0 + natural);
            }
            _ => {
                shown.flush(out);
                out.matrix(g.x, y);
                pen = Some(g.x + natural);
            }
        }
        shown.glyph(cid);
    }
    shown.flush(out);
}

/// A `TJ` array being built: strings of CIDs between offsets. The strings
/// are literal, two bytes per CID, so the content is half the size of hex
/// strings (less to write and to compress); the bytes a literal string
/// cannot hold as they are get a backslash escape.
#[derive(Default)]
struct Shown {
    array: Vec<u8>,
    open: bool,
}

impl Shown {
    fn is_empty(&self) -> bool {
        self.array.is_empty()
    }

    fn glyph(&mut self, cid: u16) {
        if !self.open {
            self.array.push(b'(');
            self.open = true;
        }
        for byte in cid.to_be_bytes() {
            match byte {
                b'(' | b')' | b'\\' => self.array.extend_from_slice(&[b'\\', byte]),
                // A bare end of line in a string reads back as a line feed.
                b'\r' => self.array.extend_from_slice(b"\\r"),
                b'\n' => self.array.extend_from_slice(b"\\n"),
                _ => self.array.push(byte),
            }
        }
    }

    fn offset(&mut self, value: f32) {
        self.close();
        number(&mut self.array, value);
    }

    fn close(&mut self) {
        if self.open {
            self.array.extend_from_slice(b") ");
            self.open = false;
        }
    }

    fn flush(&mut self, out: &mut Content) {
        if self.array.is_empty() {
            return;
        }
        self.close();
        out.raw(b"[");
        out.raw(&self.array);
        out.raw(b"] TJ\n");
        self.array.clear();
    }
}

struct Content(Vec<u8>);

impl Content {
    /// Opens a marked-content sequence for element `tag`, numbered next
    /// on the page, or an artifact of the page's furniture.
    fn begin(&mut self, tag: Option<NodeId>, structure: &Structure, marks: &mut Vec<NodeId>) {
        match tag.and_then(|t| Some((t, structure.nodes.get(t as usize)?))) {
            Some((t, node)) => {
                self.raw(b"/");
                self.raw(node.kind.name().as_bytes());
                self.raw(b" <</MCID ");
                self.raw(itoa::Buffer::new().format(marks.len()).as_bytes());
                self.op(">> BDC");
                marks.push(t);
            }
            None => self.op("/Artifact <</Type /Pagination>> BDC"),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn op(&mut self, op: &str) {
        self.0.extend_from_slice(op.as_bytes());
        self.0.push(b'\n');
    }

    fn matrix(&mut self, x: f32, y: f32) {
        self.raw(b"1 0 0 1 ");
        self.num(x);
        self.num(y);
        self.op("Tm");
    }

    fn color(&mut self, c: Rgb, op: &str) {
        self.num(c.0);
        self.num(c.1);
        self.num(c.2);
        self.op(op);
    }

    fn num(&mut self, value: f32) {
        number(&mut self.0, value);
    }
}

/// A number to three decimals, no trailing zeros, then a space.
fn number(out: &mut Vec<u8>, value: f32) {
    let scaled = (f64::from(value) * 1000.0).round();
    if !scaled.is_finite() || scaled.abs() > 1e15 {
        out.extend_from_slice(b"0 ");
        return;
    }
    let scaled = scaled as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let abs = scaled.unsigned_abs();
    out.extend_from_slice(itoa::Buffer::new().format(abs / 1000).as_bytes());
    let frac = abs % 1000;
    if frac != 0 {
        let digits = [frac / 100, frac / 10 % 10, frac % 10];
        let kept = if digits[2] != 0 {
            3
        } else if digits[1] != 0 {
            2
        } else {
            1
        };
        out.push(b'.');
        out.extend(digits[..kept].iter().map(|&d| b'0' + d as u8));
    }
    out.push(b' ');
}

/// `unit` as four upper-case hex digits.
fn hex(out: &mut Vec<u8>, unit: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(DIGITS[usize::from((unit >> shift) & 0xF)]);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(num(12.0), "12 ");
        assert_eq!(num(0.5), "0.5 ");
        assert_eq!(num(-0.25), "-0.25 ");
        assert_eq!(num(841.889_8), "841.89 ");
        assert_eq!(num(0.0004), "0 ");
        assert_eq!(num(-0.0004), "0 ");
        assert_eq!(num(f32::NAN), "0 ");
        assert_eq!(num(1234.06), "1234.06 ");
        assert_eq!(num(-0.1), "-0.1 ");
        assert_eq!(num(100.0), "100 ");
        assert_eq!(num(7.007), "7.007 ");
    }

    #[test]
    fn shown_text_joins_cids_between_offsets() {
        let mut shown = Shown::default();
        shown.glyph(1);
        shown.glyph(0x2A);
        shown.offset(-12.5);
        shown.glyph(3);
        let mut out = Content(Vec::new());
        shown.flush(&mut out);
        assert_eq!(out.0, b"[(\x00\x01\x00*) -12.5 (\x00\x03) ] TJ\n");
    }

    #[test]
    fn string_delimiters_and_line_ends_in_cids_are_escaped() {
        let mut shown = Shown::default();
        // 0x28 '(', 0x29 ')', 0x5C '\\', 0x0D, 0x0A.
        shown.glyph(0x2829);
        shown.glyph(0x5C0D);
        shown.glyph(0x0A41);
        let mut out = Content(Vec::new());
        shown.flush(&mut out);
        assert_eq!(out.0, b"[(\\(\\)\\\\\\r\\nA) ] TJ\n");
        // The escapes read back as the CIDs' bytes.
        let ops = lopdf::content::Content::decode(&out.0).unwrap().operations;
        let lopdf::Object::Array(items) = &ops[0].operands[0] else {
            panic!("TJ takes an array")
        };
        let lopdf::Object::String(bytes, _) = &items[0] else {
            panic!("a string")
        };
        assert_eq!(bytes, &[0x28, 0x29, 0x5C, 0x0D, 0x0A, 0x41]);
    }

    #[test]
    fn actual_text_is_hex_utf16() {
        let mut out = Vec::new();
        hex(&mut out, 0x00AD);
        hex(&mut out, 0xFB03);
        assert_eq!(out, b"00ADFB03");
    }
}
