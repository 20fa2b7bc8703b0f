//! The PDF file: determinism, metadata, fonts and the printpdf fixes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use folio_core::Paper;
use folio_pdf::{PdfError, PdfOptions, pdf};
use lopdf::{Document, Object};

fn options() -> PdfOptions {
    PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    }
}

fn seed_pdf() -> Vec<u8> {
    pdf(&common::fixture("seed.json"), &options())
        .expect("pdf")
        .bytes
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf reads our output")
}

fn catalog(doc: &Document) -> &lopdf::Dictionary {
    doc.catalog().expect("catalog")
}

#[test]
fn same_input_same_bytes_in_one_process() {
    let a = seed_pdf();
    let b = seed_pdf();
    // A different document in between must not shift any counter.
    let _ = pdf(&common::interview("en", &["Why?", "Because."]), &options());
    let c = seed_pdf();
    assert!(a == b && b == c, "conversions differ");
}

#[test]
fn seed_pdf_is_small() {
    let bytes = seed_pdf();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 85_000, "{} bytes", bytes.len());
}

#[test]
fn source_date_epoch_sets_the_dates() {
    let mut o = options();
    o.common.source_date_epoch = Some(1_700_000_000);
    let bytes = pdf(&common::fixture("seed.json"), &o).expect("pdf").bytes;
    let doc = load(&bytes);
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|r| doc.dereference(r))
        .map(|(_, o)| o.clone());
    let Ok(Object::Dictionary(info)) = info else {
        panic!("no info dictionary")
    };
    assert_eq!(
        info.get(b"CreationDate").and_then(Object::as_str).ok(),
        Some(&b"D:20231114221320Z"[..])
    );
    assert_ne!(bytes, seed_pdf());
}

#[test]
fn catalog_has_lang_page_labels_and_a_name_page_mode() {
    let doc = load(&seed_pdf());
    let cat = catalog(&doc);
    let lang = cat.get(b"Lang").and_then(Object::as_str).ok();
    assert_eq!(lang, Some(&b"en"[..]));
    assert!(matches!(cat.get(b"PageMode"), Ok(Object::Name(n)) if n == b"UseOutlines"));
    let labels = cat
        .get(b"PageLabels")
        .and_then(Object::as_dict)
        .expect("page labels");
    assert!(labels.get(b"Nums").is_ok());
}

#[test]
fn info_makes_no_pdfx_claim_and_keeps_keywords_whole() {
    let bytes = seed_pdf();
    let doc = load(&bytes);
    let (_, info) = doc
        .dereference(doc.trailer.get(b"Info").expect("info"))
        .expect("info object");
    let info = info.as_dict().expect("dict");
    assert!(info.get(b"GTS_PDFXVersion").is_err());
    let keywords = info
        .get(b"Keywords")
        .and_then(Object::as_str)
        .expect("keywords");
    assert_eq!(
        keywords,
        b"cyberspace; World Internet Conference, Wuzhen; global governance"
    );
    let title = info.get(b"Title").and_then(Object::as_str).expect("title");
    let units: Vec<u16> = title[2..]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    assert!(
        String::from_utf16_lossy(&units).starts_with("Reader’s Reflections: Concept of ‘jointly")
    );
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(xmp.contains("<rdf:li>World Internet Conference, Wuzhen</rdf:li>"));
    assert!(xmp.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li>"));
}

#[test]
fn outline_lists_questions_in_reading_order() {
    let interview = common::fixture("seed.json");
    let doc = load(&pdf(&interview, &options()).expect("pdf").bytes);
    let root = catalog(&doc)
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("outlines");
    let mut titles = Vec::new();
    let mut next = doc
        .get_dictionary(root)
        .and_then(|d| d.get(b"First"))
        .and_then(Object::as_reference)
        .ok();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).expect("item");
        let raw = item.get(b"Title").and_then(Object::as_str).expect("title");
        let units: Vec<u16> = raw
            .get(2..)
            .unwrap_or(raw)
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        titles.push(if raw.starts_with(&[0xFE, 0xFF]) {
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(raw).into_owned()
        });
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    let expected: Vec<String> = interview
        .turns
        .iter()
        .filter(|t| t.role == folio_core::TurnRole::Question)
        .map(|t| {
            let text = folio_core::blocks_plain_text(&t.content);
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(titles.len(), expected.len());
    for (t, e) in titles.iter().zip(&expected) {
        assert!(t.starts_with(e.as_str()), "{t} / {e}");
    }
}

#[test]
fn fonts_are_subset_and_tagged() {
    let doc = load(&seed_pdf());
    let mut descriptors = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        descriptors += 1;
        let name = dict
            .get(b"FontName")
            .and_then(Object::as_name)
            .expect("name");
        assert_eq!(
            name.get(6),
            Some(&b'+'),
            "{}",
            String::from_utf8_lossy(name)
        );
        assert!(name[..6].iter().all(u8::is_ascii_uppercase));
        let file = dict
            .get(b"FontFile2")
            .and_then(Object::as_reference)
            .expect("font file");
        let stream = doc
            .get_object(file)
            .and_then(Object::as_stream)
            .expect("stream");
        let length1 = stream
            .dict
            .get(b"Length1")
            .and_then(Object::as_i64)
            .expect("Length1");
        assert!(
            length1 < 60_000,
            "font program of {length1} bytes is not subset"
        );
    }
    assert!(descriptors >= 3);
}

#[test]
fn letter_paper_has_letter_pages() {
    let mut o = options();
    o.common.paper = Paper::Letter;
    let doc = load(&pdf(&common::fixture("seed.json"), &o).expect("pdf").bytes);
    for (_, page) in doc.get_pages() {
        let media = doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"MediaBox"))
            .and_then(Object::as_array)
            .expect("media box");
        let w = media[2].as_float().expect("w");
        let h = media[3].as_float().expect("h");
        assert_eq!((w.round(), h.round()), (612.0, 792.0));
    }
}

#[test]
fn links_are_clickable() {
    let mut i = common::interview("en", &["Where?", "Here."]);
    i.turns[1].content = vec![folio_core::Block::Paragraph {
        content: vec![
            folio_core::Inline::text("See "),
            folio_core::Inline::Link {
                url: "https://example.org/report".into(),
                content: vec![folio_core::Inline::text("the report")],
            },
            folio_core::Inline::text(" for details."),
        ],
    }];
    let bytes = pdf(&i, &options()).expect("pdf").bytes;
    let doc = load(&bytes);
    let uris: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"A").and_then(Object::as_dict).ok())
        .filter_map(|a| {
            a.get(b"URI")
                .and_then(Object::as_str)
                .ok()
                .map(<[u8]>::to_vec)
        })
        .collect();
    assert_eq!(uris, vec![b"https://example.org/report".to_vec()]);
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it() {
    let i = common::interview("en", &["What is \u{E000}?", "Private use."]);
    match pdf(&i, &options()) {
        Err(PdfError::MissingGlyph { code_point, .. }) => assert_eq!(code_point, 0xE000),
        other => panic!(
            "expected a missing-glyph error, got {:?}",
            other.map(|r| r.bytes.len())
        ),
    }
}

fn features_options() -> PdfOptions {
    let mut o = options();
    o.common.base_dir = Some(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")).into());
    o
}

#[test]
fn figures_embed_png_and_jpeg_in_original_quality() {
    let rendered = pdf(&common::fixture("features.json"), &features_options()).expect("pdf");
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let doc = load(&rendered.bytes);
    let jpeg = std::fs::read(format!(
        "{}/tests/fixtures/page.jpg",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("jpeg");
    let mut filters = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Image") {
            continue;
        }
        let filter = stream
            .dict
            .get(b"Filter")
            .and_then(Object::as_name)
            .expect("filter")
            .to_vec();
        if filter == b"DCTDecode" {
            assert_eq!(stream.content, jpeg, "JPEG was re-encoded");
        } else {
            assert_eq!(filter, b"FlateDecode");
            // Lossless: the PNG's own image data with its predictor.
            let parms = stream
                .dict
                .get(b"DecodeParms")
                .and_then(Object::as_dict)
                .expect("parms");
            assert_eq!(
                parms.get(b"Predictor").and_then(Object::as_i64).ok(),
                Some(15)
            );
        }
        filters.push(filter);
    }
    filters.sort();
    assert_eq!(
        filters,
        vec![b"DCTDecode".to_vec(), b"FlateDecode".to_vec()]
    );
}

#[test]
fn a_missing_image_is_a_warning_and_the_caption_stays() {
    let rendered = pdf(&common::fixture("features.json"), &options()).expect("pdf");
    assert_eq!(rendered.warnings.len(), 2, "{:?}", rendered.warnings);
    assert!(rendered.warnings[0].message.contains("gradient.png"));
}

#[test]
fn font_option_supplies_missing_characters() {
    if !common::require_font(common::DEJAVU_SANS, "fonts-dejavu-core") {
        return;
    }
    let dejavu = std::path::Path::new(common::DEJAVU_SANS);
    let i = common::interview("el", &["Τι είναι ☯;", "Ένα σύμβολο."]);
    let mut o = options();
    let without = pdf(&i, &o).map(|r| r.bytes.len());
    assert!(
        matches!(without, Err(PdfError::MissingGlyph { .. })),
        "{without:?}"
    );
    o.font = Some(dejavu.to_path_buf());
    let bytes = pdf(&i, &o).expect("pdf with --font").bytes;
    let doc = load(&bytes);
    let names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"FontName").and_then(Object::as_name).ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with("+DejaVuSans")),
        "{names:?}"
    );
}

/// Soft masks in a rendered PDF after one figure of `bytes` (saved as
/// `name`); the conversion must give no warning.
fn masks_for_figure(name: &str, bytes: Vec<u8>) -> usize {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(dir.join(name), bytes).unwrap();
    let mut i = common::interview("en", &["Shown?", "Yes."]);
    i.turns[1].content.push(folio_core::Block::Figure {
        figure: folio_core::Figure {
            src: Some(name.into()),
            alt: Some("A red band, more opaque to the right.".into()),
            caption: Some("Transparent".into()),
            ..Default::default()
        },
    });
    let mut o = options();
    o.common.base_dir = Some(dir.to_path_buf());
    let rendered = pdf(&i, &o).unwrap();
    assert!(
        rendered.warnings.is_empty(),
        "{name}: {:?}",
        rendered.warnings
    );
    let doc = load(&rendered.bytes);
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .count();
    assert!(images >= 1, "{name}: no image");
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"SMask").is_ok())
        .count()
}

fn encoded(picture: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// A PNG with an alpha channel becomes a colour image with a soft mask.
#[test]
fn rgba_png_gets_a_soft_mask() {
    let rgba = image::RgbaImage::from_fn(4, 2, |x, y| {
        image::Rgba([200, 40, 40, (x * 60 + y * 10) as u8])
    });
    let png = encoded(rgba.into(), image::ImageFormat::Png);
    assert_eq!(masks_for_figure("rgba.png", png), 1);
}

/// Images that cannot pass through (GIF, a PNG with a tRNS chunk, BMP)
/// are decoded and embedded losslessly, transparency as a soft mask.
#[test]
fn gif_bmp_and_trns_png_figures_are_embedded() {
    let rgba = image::RgbaImage::from_fn(3, 3, |x, _| {
        image::Rgba([0, 90, 160, if x == 0 { 0 } else { 255 }])
    });
    let gif = encoded(rgba.clone().into(), image::ImageFormat::Gif);
    assert_eq!(masks_for_figure("figure.gif", gif), 1);
    let bmp = encoded(
        image::DynamicImage::from(rgba).to_rgb8().into(),
        image::ImageFormat::Bmp,
    );
    assert_eq!(masks_for_figure("figure.bmp", bmp), 0);
    // A grey PNG whose grey level 0 is transparent (tRNS), CRCs and all.
    let grey = image::GrayImage::from_fn(2, 1, |x, _| image::Luma([if x == 0 { 0 } else { 200 }]));
    let mut png = encoded(grey.into(), image::ImageFormat::Png);
    // tRNS goes before the image data.
    let idat = png.windows(4).position(|w| w == b"IDAT").unwrap() - 4;
    let mut trns = vec![0, 0, 0, 2];
    trns.extend_from_slice(b"tRNS\0\0");
    let crc = crc32(&trns[4..]);
    trns.extend_from_slice(&crc.to_be_bytes());
    png.splice(idat..idat, trns);
    assert_eq!(masks_for_figure("trns.png", png), 1);
}

/// The PNG chunk checksum (ISO 3309 CRC-32).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Every glyph's text in the fonts' ToUnicode maps, no-break space and
/// typographic punctuation included.
#[test]
fn tounicode_maps_nbsp_quotes_and_dashes() {
    let i = common::interview(
        "fr",
        &[
            "« Oui\u{A0}? » — 10\u{A0}000 “quoted” ‘single’ – fin",
            "D’accord.",
        ],
    );
    let doc = load(&pdf(&i, &options()).expect("pdf").bytes);
    let mut maps = String::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Ok(r) = dict.get(b"ToUnicode").and_then(Object::as_reference) else {
            continue;
        };
        let stream = doc.get_object(r).and_then(Object::as_stream).expect("cmap");
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        maps.push_str(&String::from_utf8_lossy(&bytes).to_uppercase());
    }
    for code in [
        "00A0", "00AB", "00BB", "2014", "2013", "201C", "201D", "2018", "2019",
    ] {
        assert!(
            maps.contains(&format!("<{code}>")),
            "U+{code} missing from ToUnicode"
        );
    }
    assert!(!maps.contains("FFFD"));
}

/// Odd but valid models give a PDF or an error, never a panic.
#[test]
fn odd_inputs_do_not_panic() {
    use folio_core::{Block, Inline};
    let odd: Vec<Vec<Inline>> = vec![
        vec![],
        vec![Inline::text("   ")],
        vec![Inline::LineBreak, Inline::LineBreak],
        vec![Inline::text("a\u{AD}b\u{200B}c\u{200D}d\u{FEFF}")],
        vec![Inline::Emphasis { content: vec![] }, Inline::text("x")],
        vec![Inline::text("—".repeat(400))],
        vec![Inline::Link {
            url: String::new(),
            content: vec![Inline::text("https://".repeat(30))],
        }],
        vec![Inline::text("\u{0301}\u{0301} combining at the start")],
    ];
    for content in odd {
        let mut i = common::interview("xx-unknown", &["Q?", "A."]);
        i.turns[1].content = vec![Block::Paragraph { content }];
        i.meta.title = Some(String::new());
        let _ = pdf(&i, &options());
    }
    let mut empty = common::interview("en", &["Q?"]);
    empty.turns.clear();
    empty.speakers.clear();
    assert!(pdf(&empty, &options()).is_ok());
}

/// The CIDs a font's `/W` array gives widths for.
fn width_cids(doc: &Document, cid_font: &lopdf::Dictionary) -> Vec<i64> {
    let w = match cid_font.get(b"W") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(id)) => doc
            .get_object(*id)
            .and_then(Object::as_array)
            .expect("W")
            .clone(),
        _ => return Vec::new(),
    };
    let mut cids = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let first = w[i].as_i64().expect("cid");
        match &w[i + 1] {
            Object::Array(ws) => {
                cids.extend((0..ws.len() as i64).map(|k| first + k));
                i += 2;
            }
            last => {
                cids.extend(first..=last.as_i64().expect("cid"));
                i += 3;
            }
        }
    }
    cids
}

#[test]
fn cjk_subsets_are_renumbered_and_small() {
    if !common::require_cjk_font() {
        return;
    }
    let chinese = common::fixture("chinese.json");
    let rendered = pdf(&chinese, &PdfOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let size = rendered.bytes.len();
    assert!(size < 300_000, "Chinese PDF is {size} bytes");
    let doc = load(&rendered.bytes);
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        let dict = match font.get(b"DescendantFonts").and_then(Object::as_array) {
            Ok(a) => match &a[0] {
                Object::Dictionary(d) => d,
                Object::Reference(id) => doc.get_dictionary(*id).expect("CIDFont"),
                _ => panic!("odd DescendantFonts"),
            },
            Err(_) => panic!("Type0 font without DescendantFonts"),
        };
        fonts += 1;
        // Glyphs drawn are numbered 1..=n: no CID beyond the count.
        let cids = width_cids(&doc, dict);
        assert!(!cids.is_empty());
        let max = cids.iter().copied().max().unwrap_or(0);
        assert_eq!(max, cids.len() as i64, "CIDs {cids:?}");
    }
    assert!(fonts >= 2, "a CJK face and a Latin one");
}

#[test]
fn the_shipped_folio_toml_gives_the_designed_pdf() {
    // `folio style` writes DEFAULT_STYLE_TOML for users to edit: unedited,
    // it must give the page Folio designs, byte for byte.
    let seed = common::fixture("seed.json");
    let shipped = folio_core::HouseStyle::from_toml(folio_core::DEFAULT_STYLE_TOML, "folio.toml")
        .expect("toml");
    for paper in [Paper::A4, Paper::Letter] {
        let plain = PdfOptions {
            common: folio_core::WriterOptions {
                paper,
                ..options().common
            },
            ..options()
        };
        let styled = PdfOptions {
            common: folio_core::WriterOptions {
                style: shipped.clone(),
                ..plain.common.clone()
            },
            ..plain.clone()
        };
        let a = pdf(&seed, &plain).expect("pdf").bytes;
        let b = pdf(&seed, &styled).expect("pdf").bytes;
        assert!(a == b, "{paper:?}: the shipped folio.toml changes the PDF");
    }
}
