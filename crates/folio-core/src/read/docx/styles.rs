//! What a paragraph or character style means, from `word/styles.xml`.
//!
//! A style is known by its id (Folio's own ids, Word's built-in ids), by
//! its name in the languages Word and LibreOffice write them (`heading 1`,
//! `Überschrift 1`, `Titre 1`), through the style it is based on, and
//! finally by its outline level (a custom style at outline level 1 is a
//! heading). Character styles add bold, italics, strike-out and raised or
//! lowered text from their run properties, or from their name when those
//! say nothing.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::xml::{self, attr, child, child_val, on_off};

/// What a paragraph is, by its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Dates,
    Participants,
    Dateline,
    EditorsNote,
    Intro,
    /// A heading of level 1 to 9.
    Heading(u8),
    /// Folio's text under a section heading (Word's "Body Text" too).
    BodyText,
    Question,
    Answer,
    AnswerContinued,
    Remark,
    SpeakerHeading,
    Quote,
    ListBullet,
    ListNumber,
    ListParagraph,
    Figure,
    FigurePlaceholder,
    Caption,
    TableHeading,
    TableText,
    Bio,
    Afterword,
    EndNote,
    /// A table of contents: generated text, not content.
    Contents,
    Normal,
}

impl ParaKind {
    /// The styles only Folio's writer gives the turns of an interview.
    pub fn is_turn_style(self) -> bool {
        matches!(
            self,
            ParaKind::Question
                | ParaKind::Answer
                | ParaKind::AnswerContinued
                | ParaKind::Remark
                | ParaKind::SpeakerHeading
        )
    }
}

/// A character style's meaning beyond its formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CharRole {
    #[default]
    Plain,
    /// Folio's Speaker Label.
    Label,
    StageDirection,
    Timestamp,
    /// Verbatim text (`Code`).
    Code,
    /// A figure's credit inside its caption.
    Credit,
    /// A name in Folio's Participants paragraph.
    ParticipantName,
}

/// Run formatting: each `None` leaves what is around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunFormat {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub strike: Option<bool>,
    /// `Some(true)` raised, `Some(false)` lowered.
    pub raised: Option<bool>,
}

impl RunFormat {
    /// The formatting of a `w:rPr` element.
    pub fn of(properties: Node) -> Self {
        let strike = match (on_off(properties, "strike"), on_off(properties, "dstrike")) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (a, b) => a.or(b),
        };
        let raised = match child_val(properties, "vertAlign") {
            Some("superscript") => Some(true),
            Some("subscript") => Some(false),
            Some(_) => None,
            None => None,
        };
        RunFormat {
            bold: on_off(properties, "b"),
            italic: on_off(properties, "i"),
            strike,
            raised,
        }
    }

    /// `self` over `base`: what `self` says wins.
    pub fn over(self, base: RunFormat) -> RunFormat {
        RunFormat {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            strike: self.strike.or(base.strike),
            raised: self.raised.or(base.raised),
        }
    }

    fn is_empty(self) -> bool {
        self == RunFormat::default()
    }
}

/// A resolved character style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CharStyle {
    pub role: CharRole,
    pub format: RunFormat,
}

#[derive(Debug, Clone, Default)]
struct Definition {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    format: RunFormat,
}

/// The styles of one document.
#[derive(Debug, Default)]
pub struct Styles {
    paragraphs: HashMap<String, Definition>,
    characters: HashMap<String, Definition>,
    /// The paragraph style used when a paragraph names none.
    default_paragraph: Option<String>,
}

/// Chains of `basedOn` longer than this are cut (a loop, or nonsense).
const MAX_CHAIN: usize = 12;

impl Styles {
    pub fn parse(document: Option<&Document>) -> Self {
        let mut styles = Styles::default();
        let Some(document) = document else {
            return styles;
        };
        for style in document
            .root_element()
            .children()
            .filter(|n| xml::is(*n, "style"))
        {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            let definition = Definition {
                name: child_val(style, "name").map(str::to_string),
                based_on: child_val(style, "basedOn").map(str::to_string),
                outline: child(style, "pPr")
                    .and_then(|p| child_val(p, "outlineLvl"))
                    .and_then(|v| v.parse::<u8>().ok()),
                format: child(style, "rPr").map(RunFormat::of).unwrap_or_default(),
            };
            match attr(style, "type") {
                Some("paragraph") => {
                    if attr(style, "default").is_some_and(|d| d == "1" || d == "true") {
                        styles.default_paragraph = Some(id.to_string());
                    }
                    styles.paragraphs.insert(id.to_string(), definition);
                }
                Some("character") => {
                    styles.characters.insert(id.to_string(), definition);
                }
                _ => {}
            }
        }
        styles
    }

    /// What a paragraph of style `id` is (`None`: the default style).
    pub fn paragraph(&self, id: Option<&str>) -> ParaKind {
        let Some(id) = id.or(self.default_paragraph.as_deref()) else {
            return ParaKind::Normal;
        };
        let mut current = id.to_string();
        for _ in 0..MAX_CHAIN {
            if let Some(kind) = folio_paragraph(&current).or_else(|| builtin_paragraph(&current)) {
                return kind;
            }
            let Some(definition) = self.paragraphs.get(&current) else {
                return ParaKind::Normal;
            };
            if let Some(kind) = definition.name.as_deref().and_then(builtin_paragraph) {
                return kind;
            }
            if let Some(level) = definition.outline.filter(|l| *l < 9) {
                return ParaKind::Heading(level + 1);
            }
            match &definition.based_on {
                Some(parent) => current = parent.clone(),
                None => return ParaKind::Normal,
            }
        }
        ParaKind::Normal
    }

    /// What a run of character style `id` is.
    pub fn character(&self, id: &str) -> CharStyle {
        let mut role = folio_character(id);
        let mut format = RunFormat::default();
        let mut named = builtin_character(id);
        let mut current = id.to_string();
        for _ in 0..MAX_CHAIN {
            let Some(definition) = self.characters.get(&current) else {
                break;
            };
            format = format.over(definition.format);
            if named.is_none() {
                named = definition.name.as_deref().and_then(builtin_character);
            }
            match &definition.based_on {
                Some(parent) => {
                    if role == CharRole::Plain {
                        role = folio_character(parent);
                    }
                    current = parent.clone();
                }
                None => break,
            }
        }
        // Run properties say what the style does; a name says it when
        // they are missing (no styles part, or a style without them).
        if format.is_empty()
            && let Some(by_name) = named
        {
            format = by_name;
        }
        CharStyle { role, format }
    }
}

fn folio_paragraph(id: &str) -> Option<ParaKind> {
    Some(match id {
        "Kicker" => ParaKind::Kicker,
        "Title" => ParaKind::Title,
        "Subtitle" => ParaKind::Subtitle,
        "Byline" => ParaKind::Byline,
        "Dates" => ParaKind::Dates,
        "Participants" => ParaKind::Participants,
        "Dateline" => ParaKind::Dateline,
        "EditorsNote" => ParaKind::EditorsNote,
        "Intro" => ParaKind::Intro,
        "BodyText" => ParaKind::BodyText,
        "Question" => ParaKind::Question,
        "Answer" => ParaKind::Answer,
        "AnswerContinued" => ParaKind::AnswerContinued,
        "Remark" => ParaKind::Remark,
        "SpeakerHeading" => ParaKind::SpeakerHeading,
        "Quote" => ParaKind::Quote,
        "ListBullet" => ParaKind::ListBullet,
        "ListNumber" => ParaKind::ListNumber,
        "Figure" => ParaKind::Figure,
        "FigurePlaceholder" => ParaKind::FigurePlaceholder,
        "Caption" => ParaKind::Caption,
        "TableHeading" => ParaKind::TableHeading,
        "TableText" => ParaKind::TableText,
        "Bio" => ParaKind::Bio,
        "Afterword" => ParaKind::Afterword,
        "EndNote" => ParaKind::EndNote,
        "TOCHeading" | "TOC1" | "TOC2" | "TOC3" => ParaKind::Contents,
        _ => return None,
    })
}

/// Lower case without spaces, hyphens or underscores: `heading 1`,
/// `Heading1` and `Heading_1` are one key.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Word's and LibreOffice's built-in paragraph styles by id or name, in
/// the languages they write them.
fn builtin_paragraph(name: &str) -> Option<ParaKind> {
    let key = key(name);
    // `heading 1`, `Überschrift 1` (Word's German id drops the Ü:
    // `berschrift1`), `Titre 1`, `Título 1`, `Titolo 1`, `Kop 1`, `标题 1`.
    const HEADINGS: &[&str] = &[
        "heading",
        "überschrift",
        "berschrift",
        "titre",
        "título",
        "titulo",
        "titolo",
        "kop",
        "rubrik",
        "overskrift",
        "otsikko",
        "nagłówek",
        "nadpis",
        "заголовок",
        "标题",
        "見出し",
        "제목",
    ];
    for word in HEADINGS {
        if let Some(digits) = key.strip_prefix(word)
            && let Ok(level) = digits.parse::<u8>()
            && (1..=9).contains(&level)
        {
            return Some(ParaKind::Heading(level));
        }
    }
    Some(match key.as_str() {
        "title" | "titel" | "titre" | "título" | "titulo" | "titolo" | "tytuł" | "标题"
        | "表題" | "название" => ParaKind::Title,
        "subtitle"
        | "untertitel"
        | "soustitre"
        | "subtítulo"
        | "subtitulo"
        | "sottotitolo"
        | "ondertitel"
        | "副标题"
        | "副題"
        | "подзаголовок" => ParaKind::Subtitle,
        "quote" | "intensequote" | "quotations" | "quotation" | "blocktext" | "zitat"
        | "intensiveszitat" | "citation" | "citationintense" | "cita" | "citadestacada"
        | "citazione" | "citaat" | "引用" | "引用文" => ParaKind::Quote,
        "listparagraph" | "listenabsatz" | "paragraphedeliste" | "párrafodelista"
        | "paragrafoelenco" | "lijstalinea" | "列表段落" | "リスト段落" => {
            ParaKind::ListParagraph
        }
        "listbullet"
        | "listbullet2"
        | "listbullet3"
        | "aufzählungszeichen"
        | "listeàpuces"
        | "listbullets" => ParaKind::ListBullet,
        "listnumber" | "listnumber2" | "listnumber3" | "listennummer" | "listenumérotée"
        | "numbering1" | "numbering2" => ParaKind::ListNumber,
        "caption" | "beschriftung" | "légende" | "legende" | "descripción" | "didascalia"
        | "bijschrift" | "题注" | "図表番号" | "illustration" | "drawing" => {
            ParaKind::Caption
        }
        "tocheading"
        | "toc1"
        | "toc2"
        | "toc3"
        | "contentsheading"
        | "contents1"
        | "contents2"
        | "contents3"
        | "inhaltsverzeichnisüberschrift" => ParaKind::Contents,
        _ => return None,
    })
}

fn folio_character(id: &str) -> CharRole {
    match id {
        "SpeakerLabel" => CharRole::Label,
        "StageDirection" => CharRole::StageDirection,
        "Timestamp" => CharRole::Timestamp,
        "VerbatimChar" => CharRole::Code,
        "Credit" => CharRole::Credit,
        "ParticipantName" => CharRole::ParticipantName,
        _ => CharRole::Plain,
    }
}

/// Built-in character styles by id or name, as formatting.
fn builtin_character(name: &str) -> Option<RunFormat> {
    let on = Some(true);
    Some(match key(name).as_str() {
        "strong" | "fett" | "starkbetont" | "gras" | "negrita" | "grassetto" => RunFormat {
            bold: on,
            ..RunFormat::default()
        },
        "emphasis" | "subtleemphasis" | "intenseemphasis" | "hervorhebung" | "accentuation"
        | "énfasis" | "enfasi" | "nadruk" => RunFormat {
            italic: on,
            ..RunFormat::default()
        },
        "strongemphasis" => RunFormat {
            bold: on,
            italic: on,
            ..RunFormat::default()
        },
        "strikeout" | "strikethrough" => RunFormat {
            strike: on,
            ..RunFormat::default()
        },
        "superscript" => RunFormat {
            raised: Some(true),
            ..RunFormat::default()
        },
        "subscript" => RunFormat {
            raised: Some(false),
            ..RunFormat::default()
        },
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn styles(xml: &str) -> Styles {
        let text = format!(r#"<w:styles xmlns:w="{}">{xml}</w:styles>"#, xml::W);
        let document = Document::parse(&text).unwrap();
        Styles::parse(Some(&document))
    }

    #[test]
    fn headings_by_id_name_language_base_and_outline_level() {
        let styles = styles(concat!(
            r#"<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Titre 1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Heading"/><w:basedOn w:val="Titre1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Deep"><w:name w:val="Deep"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>"#,
        ));
        assert_eq!(styles.paragraph(Some("berschrift2")), ParaKind::Heading(2));
        assert_eq!(styles.paragraph(Some("Titre1")), ParaKind::Heading(1));
        assert_eq!(styles.paragraph(Some("Mine")), ParaKind::Heading(1));
        assert_eq!(styles.paragraph(Some("Deep")), ParaKind::Heading(3));
        assert_eq!(styles.paragraph(Some("Loop")), ParaKind::Normal);
        assert_eq!(styles.paragraph(Some("Heading3")), ParaKind::Heading(3));
        assert_eq!(styles.paragraph(Some("Question")), ParaKind::Question);
        assert_eq!(styles.paragraph(None), ParaKind::Normal);
    }

    #[test]
    fn character_styles_by_properties_then_name() {
        let styles = styles(concat!(
            r#"<w:style w:type="character" w:styleId="Loud"><w:name w:val="Loud"/><w:rPr><w:b/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Louder"><w:name w:val="Louder"/><w:basedOn w:val="Loud"/><w:rPr><w:i w:val="1"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Quiet"><w:name w:val="Quiet"/><w:basedOn w:val="Loud"/><w:rPr><w:b w:val="false"/></w:rPr></w:style>"#,
        ));
        let louder = styles.character("Louder").format;
        assert_eq!((louder.bold, louder.italic), (Some(true), Some(true)));
        assert_eq!(styles.character("Quiet").format.bold, Some(false));
        assert_eq!(styles.character("Emphasis").format.italic, Some(true));
        assert_eq!(styles.character("SpeakerLabel").role, CharRole::Label);
    }
}
