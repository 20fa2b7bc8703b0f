//! The tagged PDF read back: the structure tree's shape for the seed
//! (title `H1`, one division per turn in order, each speaker's label
//! tagged), figures described, content and tree pointing at each other,
//! and what `--pdf-standard` adds (PDF/UA and PDF/A claims, the output
//! intent) or refuses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use folio_core::{PdfA, PdfStandards};
use folio_pdf::{PdfError, PdfOptions, pdf};
use lopdf::{Dictionary, Document, Object, ObjectId};

fn options(standards: PdfStandards) -> PdfOptions {
    PdfOptions {
        common: folio_core::WriterOptions {
            base_dir: Some(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")).into()),
            ..Default::default()
        },
        no_system_fonts: true,
        standards,
        ..PdfOptions::default()
    }
}

const UA_AND_A: PdfStandards = PdfStandards {
    ua1: true,
    archive: Some(PdfA::A2a),
};

/// A structure element read back.
#[derive(Debug)]
struct Element {
    kind: String,
    title: Option<String>,
    alt: Option<String>,
    lang: Option<String>,
    children: Vec<Element>,
    /// Marked content: (page object, MCID).
    content: Vec<(ObjectId, i64)>,
}

fn text(object: &Object) -> String {
    let Object::String(bytes, _) = object else {
        panic!("not a string: {object:?}")
    };
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8(bytes.clone()).unwrap()
    }
}

fn dict<'d>(doc: &'d Document, object: &'d Object) -> &'d Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn element(doc: &Document, d: &Dictionary) -> Element {
    assert_eq!(d.get(b"Type").unwrap().as_name().unwrap(), b"StructElem");
    let page = d.get(b"Pg").ok().map(|p| p.as_reference().unwrap());
    let mut e = Element {
        kind: String::from_utf8(d.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap(),
        title: d.get(b"T").ok().map(text),
        alt: d.get(b"Alt").ok().map(text),
        lang: d.get(b"Lang").ok().map(text),
        children: Vec::new(),
        content: Vec::new(),
    };
    let kids = match d.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    for kid in &kids {
        match kid {
            Object::Integer(mcid) => e.content.push((page.expect("/Pg for an MCID"), *mcid)),
            _ => {
                let k = dict(doc, kid);
                match k.get(b"Type").ok().and_then(|t| t.as_name().ok()) {
                    Some(b"MCR") => e.content.push((
                        k.get(b"Pg").unwrap().as_reference().unwrap(),
                        k.get(b"MCID").unwrap().as_i64().unwrap(),
                    )),
                    Some(b"OBJR") => {}
                    _ => e.children.push(element(doc, k)),
                }
            }
        }
    }
    e
}

/// The document element under the structure tree root.
fn tree(doc: &Document) -> Element {
    let catalog = doc.catalog().unwrap();
    let mark_info = dict(doc, catalog.get(b"MarkInfo").unwrap());
    assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
    let root = dict(doc, catalog.get(b"StructTreeRoot").unwrap());
    assert_eq!(
        root.get(b"Type").unwrap().as_name().unwrap(),
        b"StructTreeRoot"
    );
    element(doc, dict(doc, root.get(b"K").unwrap()))
}

fn walk<'e>(e: &'e Element, out: &mut Vec<&'e Element>) {
    out.push(e);
    for c in &e.children {
        walk(c, out);
    }
}

/// Every MCID each page's content stream opens, in order.
fn page_mcids(doc: &Document) -> BTreeMap<ObjectId, Vec<i64>> {
    let mut out = BTreeMap::new();
    for (_, page) in doc.get_pages() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mcids = content
            .operations
            .iter()
            .filter(|op| op.operator == "BDC")
            .filter_map(|op| match op.operands.get(1) {
                Some(Object::Dictionary(d)) => d.get(b"MCID").ok()?.as_i64().ok(),
                _ => None,
            })
            .collect();
        out.insert(page, mcids);
    }
    out
}

fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    String::from_utf8(stream.content.clone()).unwrap()
}

#[test]
fn the_seed_is_tagged_in_reading_order_with_every_speaker_announced() {
    let interview = common::fixture("seed.json");
    let bytes = pdf(&interview, &options(PdfStandards::default()))
        .unwrap()
        .bytes;
    let doc = Document::load_mem(&bytes).unwrap();
    let root = tree(&doc);
    assert_eq!(root.kind, "Document");
    let mut all = Vec::new();
    walk(&root, &mut all);
    // The first heading is the title, and the only H1.
    let headings: Vec<&str> = all
        .iter()
        .filter(|e| e.kind.starts_with('H'))
        .map(|e| e.kind.as_str())
        .collect();
    assert_eq!(headings.first(), Some(&"H1"), "{headings:?}");
    assert_eq!(headings.iter().filter(|h| **h == "H1").count(), 1);
    // One division per turn, in the model's order, titled with its speaker.
    let turns: Vec<&Element> = root
        .children
        .iter()
        .filter(|e| e.kind == "Div" && e.title.is_some())
        .collect();
    assert_eq!(turns.len(), interview.turns.len());
    for (element, turn) in turns.iter().zip(&interview.turns) {
        let speaker = interview.speaker(&turn.speaker).unwrap();
        assert_eq!(element.title.as_deref(), Some(speaker.display_name()));
        // The first paragraph opens with the label, then the words.
        let first = element.children.first().expect("a paragraph");
        assert_eq!(first.kind, "P");
        assert_eq!(first.children.first().map(|e| e.kind.as_str()), Some("Lbl"));
        assert!(!first.children[0].content.is_empty());
        assert!(first.children.len() >= 2, "the label and the text");
    }
    // Content and tree point at each other: every MCID drawn belongs to
    // exactly one element, and every element's MCIDs are drawn.
    let drawn: BTreeSet<(ObjectId, i64)> = page_mcids(&doc)
        .into_iter()
        .flat_map(|(page, mcids)| mcids.into_iter().map(move |m| (page, m)))
        .collect();
    let mut claimed = BTreeSet::new();
    for e in &all {
        for c in &e.content {
            assert!(claimed.insert(*c), "{c:?} claimed twice");
        }
    }
    assert_eq!(drawn, claimed);
    // The parent tree maps each page's MCIDs back.
    let catalog = doc.catalog().unwrap();
    let root_dict = dict(&doc, catalog.get(b"StructTreeRoot").unwrap());
    let nums = dict(&doc, root_dict.get(b"ParentTree").unwrap())
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap();
    for (page_id, page) in doc
        .get_pages()
        .values()
        .map(|id| (*id, doc.get_dictionary(*id).unwrap()))
    {
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let at = nums
            .iter()
            .position(|n| n.as_i64().ok() == Some(key))
            .unwrap();
        let parents = nums[at + 1].as_array().unwrap();
        assert_eq!(parents.len(), page_mcids(&doc)[&page_id].len());
        assert!(parents.iter().all(|p| p.as_reference().is_ok()));
    }
    // Tagged without claiming a standard.
    let packet = xmp(&doc);
    assert!(!packet.contains("pdfuaid"));
    assert!(!packet.contains("pdfaid"));
    assert!(catalog.get(b"OutputIntents").is_err());
}

#[test]
fn figures_are_described_and_links_are_tagged_with_their_annotations() {
    let interview = common::fixture("features.json");
    let rendered = pdf(&interview, &options(PdfStandards::default())).unwrap();
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let root = tree(&doc);
    let mut all = Vec::new();
    walk(&root, &mut all);
    let alts: Vec<&str> = all
        .iter()
        .filter(|e| e.kind == "Figure")
        .map(|e| e.alt.as_deref().expect("alt"))
        .collect();
    assert_eq!(
        alts,
        [
            "A band of colour fading from one end to the other.",
            "A printed page photographed on a desk."
        ]
    );
    assert!(all.iter().any(|e| e.kind == "Caption"));
    // Each link annotation sits in a Link element and says where it goes.
    let mut annotations = 0;
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
        for annot in annots.as_array().unwrap() {
            let annot = dict(&doc, annot);
            assert!(annot.get(b"StructParent").is_ok());
            assert!(!text(annot.get(b"Contents").unwrap()).is_empty());
            annotations += 1;
        }
    }
    assert!(annotations > 0);
    assert!(all.iter().filter(|e| e.kind == "Link").count() >= annotations.min(1));
}

#[test]
fn a_figure_without_alt_text_is_read_by_its_caption_and_reported() {
    let mut interview = common::fixture("features.json");
    let json = serde_json::to_string(&interview).unwrap();
    let json = json.replace(
        "\"alt\":\"A band of colour fading from one end to the other.\",",
        "",
    );
    interview = serde_json::from_str(&json).unwrap();
    let rendered = pdf(&interview, &options(UA_AND_A)).unwrap();
    assert!(
        rendered.warnings.iter().any(|w| w.message
            == "figure image gradient.png has no alt text; its caption is read in its place"),
        "{:?}",
        rendered.warnings
    );
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let mut all = Vec::new();
    let root = tree(&doc);
    walk(&root, &mut all);
    let figure = all.iter().find(|e| e.kind == "Figure").unwrap();
    assert_eq!(
        figure.alt.as_deref(),
        Some("A gradient proof, printed without re-encoding.")
    );
}

#[test]
fn ua_1_refuses_a_picture_nothing_describes() {
    let json = serde_json::to_string(&common::fixture("features.json")).unwrap();
    let json = json
        .replace(
            "\"alt\":\"A band of colour fading from one end to the other.\",",
            "",
        )
        .replace(
            "\"caption\":\"A gradient proof, printed without re-encoding.\",",
            "",
        );
    let interview: folio_core::Interview = serde_json::from_str(&json).unwrap();
    // Without a standard: written, with a warning naming the picture.
    let rendered = pdf(&interview, &options(PdfStandards::default())).unwrap();
    assert!(rendered.warnings.iter().any(|w| w.message
        == "figure image gradient.png has no alt text or caption: a screen reader cannot say what it shows"));
    // Under PDF/UA-1: refused.
    let err = pdf(&interview, &options(UA_AND_A)).unwrap_err();
    assert!(matches!(err, PdfError::Standard(_)));
    assert_eq!(
        err.to_string(),
        "PDF/UA-1 needs a description of every picture, and 1 figure(s) have neither alt text nor a caption (the warnings name them); give each an alt text, or leave out --pdf-standard ua-1"
    );
}

#[test]
fn pdf_standards_are_declared_with_an_srgb_output_intent() {
    let interview = common::fixture("seed.json");
    let bytes = pdf(&interview, &options(UA_AND_A)).unwrap().bytes;
    // Deterministic, profile included.
    assert_eq!(bytes, pdf(&interview, &options(UA_AND_A)).unwrap().bytes);
    let doc = Document::load_mem(&bytes).unwrap();
    let packet = xmp(&doc);
    assert!(packet.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(packet.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(packet.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    // PDF/A admits the PDF/UA schema only when the file describes it.
    assert!(packet.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
    roxmltree::Document::parse(
        packet
            .trim_start_matches(|c| c != '<')
            .split_once("?>")
            .map(|(_, rest)| rest.rsplit_once("<?xpacket").unwrap().0)
            .unwrap(),
    )
    .expect("the XMP is well-formed");
    let catalog = doc.catalog().unwrap();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = dict(&doc, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let profile = profile
        .decompressed_content()
        .unwrap_or(profile.content.clone());
    assert_eq!(&profile[36..40], b"acsp");
    // PDF/A-2b alone claims B and no PDF/UA.
    let b = PdfStandards {
        ua1: false,
        archive: Some(PdfA::A2b),
    };
    let doc = Document::load_mem(&pdf(&interview, &options(b)).unwrap().bytes).unwrap();
    let packet = xmp(&doc);
    assert!(packet.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(!packet.contains("pdfuaid"));
}

#[test]
fn words_in_another_script_carry_their_language() {
    if !common::require_cjk_font()
        || !common::require_font(common::DEJAVU_SANS, "fonts-dejavu-core")
    {
        return;
    }
    let interview = common::interview(
        "en",
        &[
            "Who spoke?",
            "Xi Jinping (习近平) spoke, and “Привет” was the word; then more English.",
        ],
    );
    // The Chinese and Cyrillic letters come from installed fonts.
    let options = PdfOptions {
        no_system_fonts: false,
        ..options(PdfStandards::default())
    };
    let rendered = pdf(&interview, &options).unwrap();
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let root = tree(&doc);
    let mut all = Vec::new();
    walk(&root, &mut all);
    // (Other Spans, without a language, hold the text beside a label.)
    let foreign: Vec<&&Element> = all.iter().filter(|e| e.lang.is_some()).collect();
    let languages: Vec<(&str, &str)> = foreign
        .iter()
        .map(|e| (e.kind.as_str(), e.lang.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(languages, [("Span", "zh-Hans"), ("Span", "ru")], "{all:#?}");
    // Each marks its own words.
    assert!(foreign.iter().all(|e| !e.content.is_empty()));
    // Kanji in a Japanese interview are its own language, not Chinese.
    let japanese = common::interview("ja", &["東京はどうでしたか？", "東京都庁に行きました。"]);
    let rendered = pdf(&japanese, &options).unwrap();
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let mut all = Vec::new();
    let root = tree(&doc);
    walk(&root, &mut all);
    assert!(all.iter().all(|e| e.lang.is_none()), "{all:#?}");
}

#[test]
fn an_interview_in_another_language_than_its_book_says_so() {
    if !common::require_cjk_font() {
        return;
    }
    let english = common::interview("en", &["Why?", "Because."]);
    let mut chinese = common::interview("zh-Hans", &["为什么？", "因为。"]);
    chinese.meta.title = Some("访谈".into());
    let book = folio_core::Anthology::new(
        folio_core::Meta {
            title: Some("Book".into()),
            language: "en".into(),
            ..Default::default()
        },
        vec![english, chinese],
        folio_core::BookOrder::Given,
    );
    let options = PdfOptions {
        no_system_fonts: false,
        ..options(PdfStandards::default())
    };
    let rendered = folio_pdf::pdf_book(&book, &options).unwrap();
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let root = tree(&doc);
    let articles: Vec<Option<&str>> = root
        .children
        .iter()
        .filter(|e| e.kind == "Art")
        .map(|e| e.lang.as_deref())
        .collect();
    assert_eq!(articles, [None, Some("zh-Hans")]);
}
