//! `font_report`: the faces `folio fonts` lists and the scripts they draw.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use folio_core::HouseStyle;
use folio_pdf::{FontRole, PdfOptions, Script, font_report};

fn font_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fonts")
        .join(name)
}

const NOTO_CJK: &str = common::NOTO_SERIF_CJK;

#[test]
fn embedded_faces_come_first_with_their_scripts() {
    let options = PdfOptions {
        no_system_fonts: true,
        ..PdfOptions::default()
    };
    let report = font_report(&options);
    assert_eq!(report.len(), 6, "{report:#?}");
    let roles: Vec<&FontRole> = report.iter().map(|r| &r.role).collect();
    assert_eq!(roles[0], &FontRole::Embedded("serif"));
    assert_eq!(roles[5], &FontRole::Embedded("sans-bold"));
    assert_eq!(report[0].family, "Caladea");
    assert_eq!(report[0].postscript_name, "Caladea-Regular");
    assert_eq!(report[4].family, "Lato");
    // Caladea is Latin only; Lato also has Greek and Cyrillic.
    assert_eq!(report[0].scripts, vec![Script::Latin]);
    assert_eq!(
        report[4].scripts,
        vec![Script::Latin, Script::Greek, Script::Cyrillic]
    );
    assert!(
        report
            .iter()
            .all(|r| r.problem.is_none() && r.path.is_none())
    );
}

#[test]
fn option_and_style_fonts_are_listed_with_problems_named() {
    let options = PdfOptions {
        common: folio_core::WriterOptions {
            style: HouseStyle {
                body_font: Some(font_file("Lato-Regular.ttf").display().to_string()),
                ..HouseStyle::default()
            },
            ..Default::default()
        },
        no_system_fonts: true,
        font: Some(PathBuf::from("/nonexistent/Extra.ttf")),
        cjk_font: Some(font_file("LICENSE-Lato.txt")),
        ..PdfOptions::default()
    };
    let report = font_report(&options);
    let font = report
        .iter()
        .find(|r| r.role == FontRole::Font)
        .expect("--font");
    assert!(
        font.problem
            .as_deref()
            .is_some_and(|p| p.contains("cannot read")),
        "{font:?}"
    );
    let cjk = report
        .iter()
        .find(|r| r.role == FontRole::CjkFont)
        .expect("--cjk-font");
    assert!(
        cjk.problem
            .as_deref()
            .is_some_and(|p| p.contains("not a usable")),
        "{cjk:?}"
    );
    let body = report
        .iter()
        .find(|r| r.role == FontRole::BodyFont)
        .expect("body-font");
    assert_eq!(body.family, "Lato");
    assert_eq!(
        body.path.as_deref(),
        Some(font_file("Lato-Regular.ttf").as_path())
    );
    assert!(body.problem.is_none());
    assert!(!report.iter().any(|r| r.role == FontRole::HeadingFont));
}

#[test]
fn a_cjk_collection_lists_each_variant() {
    if !common::require_font(NOTO_CJK, "fonts-noto-cjk") {
        return;
    }
    let options = PdfOptions {
        no_system_fonts: true,
        cjk_font: Some(PathBuf::from(NOTO_CJK)),
        ..PdfOptions::default()
    };
    let faces: Vec<_> = font_report(&options)
        .into_iter()
        .filter(|r| r.role == FontRole::CjkFont)
        .collect();
    let variants: Vec<&str> = faces
        .iter()
        .filter_map(|r| r.cjk_variant.as_deref())
        .collect();
    for v in ["SC", "TC", "JP", "KR"] {
        assert!(variants.contains(&v), "{variants:?}");
    }
    for face in &faces {
        assert!(face.scripts.contains(&Script::HanSimplified), "{face:?}");
        assert!(face.scripts.contains(&Script::Hangul), "{face:?}");
    }
}

#[test]
fn system_fallbacks_follow_the_script_and_region() {
    if !common::require_font(NOTO_CJK, "fonts-noto-cjk") {
        return;
    }
    let report = font_report(&PdfOptions::default());
    let fallback = |script: Script| {
        report
            .iter()
            .find(|r| matches!(&r.role, FontRole::SystemFallback(s) if s.contains(&script)))
            .unwrap_or_else(|| panic!("no fallback for {script:?}: {report:#?}"))
    };
    for (script, variant) in [
        (Script::HanSimplified, "SC"),
        (Script::HanTraditional, "TC"),
        (Script::Kana, "JP"),
        (Script::Hangul, "KR"),
    ] {
        let face = fallback(script);
        assert!(face.scripts.contains(&script), "{face:?}");
        assert_eq!(face.cjk_variant.as_deref(), Some(variant), "{face:?}");
        assert!(face.path.is_some());
    }
    // Latin is the embedded serif's: no installed font stands in for it.
    assert!(
        !report
            .iter()
            .any(|r| matches!(&r.role, FontRole::SystemFallback(s) if s.contains(&Script::Latin)))
    );
}
