//! `word/document.xml` as a list of paragraphs and tables, each paragraph
//! with what its style means, its inlines, its speaker label (Folio's
//! Speaker Label runs), its pictures and its list level.
//!
//! What is not content is left out here: deleted text of tracked changes
//! (inserted text is kept), comments, field instructions (their results
//! are kept), bookmarks and proofing marks. Footnote references become
//! superscript numbers, and the notes' text is collected in order.

use std::collections::HashMap;

use roxmltree::Node;

use super::inlines::{self, Piece, Segment};
use super::numbering::Numbering;
use super::styles::{CharRole, ParaKind, RunFormat, Styles};
use super::xml::{self, R, WP, attr, child, child_val};
use crate::model::{Alignment, Figure, Inline};

/// A paragraph as read.
#[derive(Debug, Clone)]
pub struct Para {
    /// 1-based position among the document's paragraphs (the "line" of
    /// messages about it).
    pub number: usize,
    pub kind: ParaKind,
    pub inlines: Vec<Inline>,
    /// The text of Speaker Label runs opening the paragraph.
    pub label: Option<String>,
    /// The text of Credit runs (a figure's credit in its caption).
    pub credit: Option<String>,
    /// Pictures, with their alt text.
    pub figures: Vec<Figure>,
    pub list: Option<ListRef>,
    /// `w:outlineLvl` set on the paragraph itself (0 is level 1).
    pub outline: Option<u8>,
    /// `w:jc`, when it says left, centre or right.
    pub align: Option<Alignment>,
    /// Folio's Participants paragraph: each name with the text after it
    /// (` (LABEL), role`).
    pub participants: Vec<(String, String)>,
    /// Empty paragraphs right before this one (spacing typed as blank
    /// lines, which ends an editor's note as a wide gap does in text).
    pub blank_before: usize,
}

/// A paragraph's place in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRef {
    pub num_id: String,
    pub level: usize,
    /// From the numbering part; `None` when it does not say.
    pub ordered: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub number: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// A header row (`w:tblHeader`, or cells in Folio's Table Heading style).
    pub header: bool,
    pub cells: Vec<Vec<Para>>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Para(Para),
    Table(Table),
}

/// The body and what was found along the way.
#[derive(Debug, Default)]
pub struct Body {
    pub items: Vec<Item>,
    /// The text of each footnote or endnote referenced, in order; the
    /// reference is printed as its number.
    pub notes: Vec<String>,
    /// The first paragraph with a tracked change, if any.
    pub changes_at: Option<usize>,
}

/// What the walker needs from the other parts.
#[derive(Debug, Default)]
pub struct Parts<'a> {
    pub styles: Styles,
    pub numbering: Numbering,
    /// Relationship id → target (hyperlinks, pictures).
    pub links: HashMap<String, String>,
    /// The package's file name: a picture inside it is referred to as
    /// `talk.docx#word/media/image1.png` (see [`crate::image_source`]).
    pub package: String,
    /// Footnote and endnote id → its node.
    pub footnotes: HashMap<String, Node<'a, 'a>>,
    pub endnotes: HashMap<String, Node<'a, 'a>>,
}

/// A complex field being read (`w:fldChar` begin … separate … end).
#[derive(Debug, Default)]
struct Field {
    instruction: String,
    in_result: bool,
    link: Option<String>,
}

/// Tables, notes and run containers (links, insertions, content
/// controls) nested deeper than this are not followed.
const MAX_DEPTH: usize = 64;

struct Walker<'p, 'a> {
    parts: &'p Parts<'a>,
    number: usize,
    notes: Vec<String>,
    changes_at: Option<usize>,
    fields: Vec<Field>,
    depth: usize,
    runs: usize,
    join_runs: bool,
    /// Empty paragraphs since the last one kept.
    blanks: usize,
}

/// Reads the `w:body` of `document`; `join_runs` as [`inlines::build`] has it.
pub fn read(body: Node, parts: &Parts, join_runs: bool) -> Body {
    let mut walker = Walker {
        runs: 0,
        blanks: 0,
        join_runs,
        parts,
        number: 0,
        notes: Vec::new(),
        changes_at: None,
        fields: Vec::new(),
        depth: 0,
    };
    let mut items = Vec::new();
    walker.blocks(body, &mut items);
    Body {
        items,
        notes: walker.notes,
        changes_at: walker.changes_at,
    }
}

/// The paragraph state while its runs are read.
#[derive(Default)]
struct Draft {
    segments: Vec<Segment>,
    label: String,
    credit: String,
    figures: Vec<Figure>,
    /// Whether text other than a label has been met.
    text_seen: bool,
    participants: Vec<(String, String)>,
    /// The last run was a participant's name.
    in_name: bool,
}

impl Walker<'_, '_> {
    fn changed(&mut self) {
        self.changes_at.get_or_insert(self.number.max(1));
    }

    fn blocks(&mut self, container: Node, items: &mut Vec<Item>) {
        // Containers nested past any real document's depth are not
        // followed: the walk is recursive and must not run out of stack.
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.blocks_in(container, items);
        self.depth -= 1;
    }

    fn blocks_in(&mut self, container: Node, items: &mut Vec<Item>) {
        for node in container.children().filter(Node::is_element) {
            if xml::is(node, "p") {
                if let Some(paragraph) = self.paragraph(node) {
                    items.push(Item::Para(paragraph));
                }
            } else if xml::is(node, "tbl") {
                if self.depth < MAX_DEPTH {
                    self.depth += 1;
                    let table = self.table(node);
                    self.depth -= 1;
                    items.push(Item::Table(table));
                }
            } else if xml::is(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.blocks(content, items);
                }
            } else if xml::is(node, "customXml") || xml::is(node, "ins") || xml::is(node, "moveTo")
            {
                if !xml::is(node, "customXml") {
                    self.changed();
                }
                self.blocks(node, items);
            } else if xml::is(node, "del") || xml::is(node, "moveFrom") {
                self.changed();
            }
        }
    }

    fn table(&mut self, node: Node) -> Table {
        let number = self.number + 1;
        let mut rows = Vec::new();
        for row in node.children().filter(|n| xml::is(*n, "tr")) {
            let mut header = child(row, "trPr").is_some_and(|p| child(p, "tblHeader").is_some());
            let mut cells = Vec::new();
            for cell in row.children().filter(|n| xml::is(*n, "tc")) {
                let mut items = Vec::new();
                self.blocks(cell, &mut items);
                // A table inside a cell gives its paragraphs to the cell.
                let mut paragraphs = Vec::new();
                flatten(items, &mut paragraphs);
                cells.push(paragraphs);
            }
            if cells
                .iter()
                .flatten()
                .any(|p| p.kind == ParaKind::TableHeading)
            {
                header = true;
            }
            rows.push(Row { header, cells });
        }
        Table { number, rows }
    }

    fn paragraph(&mut self, node: Node) -> Option<Para> {
        self.number += 1;
        let number = self.number;
        let properties = child(node, "pPr");
        let style = properties.and_then(|p| child_val(p, "pStyle"));
        let kind = self.parts.styles.paragraph(style);
        let list = properties
            .and_then(|p| child(p, "numPr"))
            .and_then(|numbering| {
                let num_id = child_val(numbering, "numId")?.to_string();
                let level = child_val(numbering, "ilvl")
                    .and_then(|l| l.parse::<usize>().ok())
                    .unwrap_or(0)
                    .min(8);
                // numId 0 takes a style's numbering away.
                (num_id != "0").then(|| ListRef {
                    ordered: self.parts.numbering.ordered(&num_id, level),
                    num_id,
                    level,
                })
            });
        let outline = properties
            .and_then(|p| child_val(p, "outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|l| *l < 9);
        let align = match properties.and_then(|p| child_val(p, "jc")) {
            Some("left" | "start") => Some(Alignment::Left),
            Some("center") => Some(Alignment::Center),
            Some("right" | "end") => Some(Alignment::Right),
            _ => None,
        };
        if properties
            .and_then(|p| child(p, "rPr"))
            .is_some_and(|r| child(r, "ins").is_some() || child(r, "del").is_some())
        {
            self.changed();
        }
        let mut draft = Draft::default();
        self.inline_children(node, &mut draft, None);
        let inlines = inlines::build(&draft.segments, self.join_runs);
        let has_text = !crate::model::plain_text(&inlines).trim().is_empty();
        let label = Some(draft.label.trim().to_string()).filter(|l| !l.is_empty());
        if !has_text && draft.figures.is_empty() && label.is_none() {
            self.blanks += 1;
            return None;
        }
        let blank_before = std::mem::take(&mut self.blanks);
        Some(Para {
            number,
            kind,
            inlines,
            label,
            credit: Some(draft.credit.trim().to_string()).filter(|c| !c.is_empty()),
            figures: draft.figures,
            list,
            outline,
            align,
            participants: draft.participants,
            blank_before,
        })
    }

    /// The runs and run containers under `node`.
    fn inline_children(&mut self, node: Node, draft: &mut Draft, link: Option<&str>) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.inline_children_in(node, draft, link);
        self.depth -= 1;
    }

    fn inline_children_in(&mut self, node: Node, draft: &mut Draft, link: Option<&str>) {
        for child_node in node.children().filter(Node::is_element) {
            let name = child_node.tag_name().name();
            let in_w = child_node.tag_name().namespace() == Some(xml::W);
            match (in_w, name) {
                (true, "r") => self.run(child_node, draft, link),
                (true, "hyperlink") => {
                    let target = attr_r(child_node, "id")
                        .and_then(|id| self.parts.links.get(id).cloned())
                        .or_else(|| attr(child_node, "anchor").map(|a| format!("#{a}")));
                    let target = target.or_else(|| link.map(str::to_string));
                    self.inline_children(child_node, draft, target.as_deref());
                }
                (true, "ins" | "moveTo") => {
                    self.changed();
                    self.inline_children(child_node, draft, link);
                }
                (true, "del" | "moveFrom") => self.changed(),
                (true, "fldSimple") => {
                    let target = attr(child_node, "instr").and_then(hyperlink_target);
                    let target = target.or_else(|| link.map(str::to_string));
                    self.inline_children(child_node, draft, target.as_deref());
                }
                (true, "smartTag" | "customXml" | "dir" | "bdo") => {
                    self.inline_children(child_node, draft, link)
                }
                (true, "sdt") => {
                    if let Some(content) = child(child_node, "sdtContent") {
                        self.inline_children(content, draft, link);
                    }
                }
                _ => {}
            }
        }
    }

    fn field_link(&self) -> Option<String> {
        self.fields.iter().rev().find_map(|f| f.link.clone())
    }

    /// Whether text now is a field's instruction rather than its result.
    fn in_instruction(&self) -> bool {
        self.fields.iter().any(|f| !f.in_result)
    }

    fn run(&mut self, run: Node, draft: &mut Draft, link: Option<&str>) {
        self.runs += 1;
        let properties = child(run, "rPr");
        let char_style = properties
            .and_then(|p| child_val(p, "rStyle"))
            .map(|id| self.parts.styles.character(id))
            .unwrap_or_default();
        let direct = properties.map(RunFormat::of).unwrap_or_default();
        let bare = run.attributes().len() == 0
            && properties.is_none_or(|p| !p.children().any(|c| c.is_element()));
        let format = direct.over(char_style.format);
        for node in run.children().filter(Node::is_element) {
            if node.tag_name().namespace() == Some(WP) {
                continue;
            }
            let in_w = node.tag_name().namespace() == Some(xml::W);
            let name = node.tag_name().name();
            let piece = match (in_w, name) {
                (true, "t") if !self.in_instruction() => {
                    Piece::Text(node.text().unwrap_or_default().to_string())
                }
                (true, "tab") if !self.in_instruction() => Piece::Text("\t".into()),
                (true, "noBreakHyphen") => Piece::Text("\u{2011}".into()),
                (true, "br") => match attr(node, "type") {
                    Some("page" | "column") => continue,
                    _ => Piece::LineBreak,
                },
                (true, "cr") => Piece::LineBreak,
                (true, "instrText") => {
                    if let Some(field) = self.fields.last_mut()
                        && !field.in_result
                    {
                        field.instruction.push_str(node.text().unwrap_or_default());
                    }
                    continue;
                }
                (true, "fldChar") => {
                    match attr(node, "fldCharType") {
                        Some("begin") => self.fields.push(Field::default()),
                        Some("separate") => {
                            if let Some(field) = self.fields.last_mut() {
                                field.in_result = true;
                                field.link = hyperlink_target(&field.instruction);
                            }
                        }
                        Some("end") => {
                            self.fields.pop();
                        }
                        _ => {}
                    }
                    continue;
                }
                (true, "drawing" | "pict") => {
                    draft.figures.push(picture(node, self.parts));
                    continue;
                }
                (false, "AlternateContent") => {
                    // A picture written twice (DrawingML and VML): once.
                    if node
                        .descendants()
                        .any(|n| xml::is(n, "drawing") || xml::is(n, "pict"))
                    {
                        draft.figures.push(picture(node, self.parts));
                    }
                    continue;
                }
                (true, "footnoteReference" | "endnoteReference") => {
                    let notes = if name == "footnoteReference" {
                        &self.parts.footnotes
                    } else {
                        &self.parts.endnotes
                    };
                    let Some(note) = attr(node, "id").and_then(|id| notes.get(id)).copied() else {
                        continue;
                    };
                    if self.depth >= MAX_DEPTH {
                        continue;
                    }
                    self.depth += 1;
                    let text = self.note_text(note);
                    self.depth -= 1;
                    self.notes.push(text);
                    let mark = Segment {
                        superscript: true,
                        run: self.runs,
                        ..Segment::plain(Piece::Text(self.notes.len().to_string()))
                    };
                    draft.segments.push(mark);
                    draft.text_seen = true;
                    continue;
                }
                _ => continue,
            };
            if let Piece::Text(text) = &piece {
                let name = char_style.role == CharRole::ParticipantName;
                match (name, draft.in_name, draft.participants.last_mut()) {
                    (true, true, Some((last, _))) => last.push_str(text),
                    (true, _, _) => draft.participants.push((text.clone(), String::new())),
                    (false, _, Some((_, details))) => details.push_str(text),
                    (false, _, None) => {}
                }
                draft.in_name = name;
            }
            match (char_style.role, &piece) {
                (CharRole::Label, Piece::Text(text)) if !draft.text_seen => {
                    draft.label.push_str(text);
                    continue;
                }
                (CharRole::Credit, Piece::Text(text)) => {
                    draft.credit.push_str(text);
                    continue;
                }
                _ => {}
            }
            let piece = match (char_style.role, piece) {
                (CharRole::StageDirection, Piece::Text(text)) => Piece::StageDirection(text),
                (CharRole::Timestamp, Piece::Text(text)) => Piece::Timestamp(text),
                (CharRole::Code, Piece::Text(text)) => Piece::Code(text),
                (_, piece) => piece,
            };
            let is_blank = matches!(&piece, Piece::Text(t) if t.trim().is_empty());
            if !is_blank {
                draft.text_seen = true;
            }
            let field_link = self.field_link();
            let plain_atom = !matches!(piece, Piece::Text(_));
            draft.segments.push(Segment {
                bold: format.bold.unwrap_or(false) && !plain_atom,
                italic: format.italic.unwrap_or(false) && !plain_atom,
                strike: format.strike.unwrap_or(false),
                superscript: format.raised == Some(true),
                subscript: format.raised == Some(false),
                link: link.map(str::to_string).or(field_link),
                run: self.runs,
                bare,
                piece,
            });
        }
    }

    /// A note's text as one line.
    fn note_text(&mut self, note: Node) -> String {
        let mut items = Vec::new();
        let number = self.number;
        self.blocks(note, &mut items);
        self.number = number;
        let mut paragraphs = Vec::new();
        flatten(items, &mut paragraphs);
        paragraphs
            .iter()
            .map(|p| crate::model::plain_text(&p.inlines).trim().to_string())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether the body has a paragraph in one of Folio's turn styles that
/// opens with a Speaker Label run: a DOCX Folio wrote.
pub fn is_folio_styled(body: Node, styles: &Styles) -> bool {
    body.descendants()
        .filter(|n| xml::is(*n, "p"))
        .any(|paragraph| {
            let style = child(paragraph, "pPr").and_then(|p| child_val(p, "pStyle"));
            styles.paragraph(style).is_turn_style()
                && paragraph.descendants().any(|n| {
                    xml::is(n, "rStyle")
                        && attr(n, "val")
                            .is_some_and(|id| styles.character(id).role == CharRole::Label)
                })
        })
}

/// The paragraphs of `items`, tables' cells included, in order.
pub fn flatten(items: Vec<Item>, out: &mut Vec<Para>) {
    for item in items {
        match item {
            Item::Para(paragraph) => out.push(paragraph),
            Item::Table(table) => {
                for row in table.rows {
                    for cell in row.cells {
                        out.extend(cell);
                    }
                }
            }
        }
    }
}

fn attr_r<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((R, name))
}

/// The target of a `HYPERLINK "url"` field (`\l "anchor"` for a place in
/// the document).
fn hyperlink_target(instruction: &str) -> Option<String> {
    let rest = instruction.trim().strip_prefix("HYPERLINK")?;
    let mut anchor = false;
    let mut words = rest.split('"');
    let before = words.next().unwrap_or_default();
    if before.contains("\\l") {
        anchor = true;
    }
    let target = words.next().map(str::trim).filter(|t| !t.is_empty())?;
    Some(if anchor {
        format!("#{target}")
    } else {
        target.to_string()
    })
}

/// A picture: its alt text (`wp:docPr descr` or its title, or a VML
/// shape's `alt`) and, when the package holds its image, a reference to
/// that part for the writers to embed.
fn picture(node: Node, parts: &Parts) -> Figure {
    let doc_pr = node
        .descendants()
        .find(|n| n.tag_name().name() == "docPr" && n.tag_name().namespace() == Some(WP));
    let alt = doc_pr
        .and_then(|d| d.attribute("descr").or_else(|| d.attribute("title")))
        .or_else(|| {
            node.descendants()
                .find(|n| n.tag_name().name() == "shape")
                .and_then(|s| s.attribute("alt"))
        })
        .map(crate::normalise::clean_line)
        .filter(|a| !a.is_empty());
    // `a:blip r:embed` (DrawingML) or `v:imagedata r:id` (VML) names the
    // relationship; a linked picture (`r:link`) is outside the package.
    let src = node
        .descendants()
        .find_map(|n| {
            n.attribute((RELATIONSHIPS, "embed"))
                .filter(|_| n.tag_name().name() == "blip")
                .or_else(|| {
                    n.attribute((RELATIONSHIPS, "id"))
                        .filter(|_| n.tag_name().name() == "imagedata")
                })
        })
        .and_then(|id| parts.links.get(id))
        .and_then(|target| media_part(target))
        .filter(|_| !parts.package.is_empty())
        .map(|part| format!("{}#{part}", parts.package));
    Figure {
        alt,
        src,
        ..Figure::default()
    }
}

/// The relationships namespace of `r:embed` and `r:id`.
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The part a relationship of `word/document.xml` targets (`media/a.png`
/// → `word/media/a.png`), when it stays inside the package.
pub(super) fn media_part(target: &str) -> Option<String> {
    let part = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("word/{target}"),
    };
    let inside = !part.contains("://")
        && part
            .split('/')
            .all(|segment| !segment.is_empty() && segment != ".." && segment != ".");
    inside.then_some(part)
}
