//! `folio fonts`: which fonts the PDF writer will use, and what each covers.

use std::fmt::Write as _;

use anyhow::Result;

use crate::cli::FontsArgs;
use crate::render::{RenderSettings, pdf_options};

pub fn run(args: &FontsArgs) -> Result<()> {
    let settings = RenderSettings {
        font: args.font.clone(),
        cjk_font: args.cjk_font.clone(),
        style: crate::style::resolve(args.style.as_deref())?,
        ..RenderSettings::default()
    };
    let report = folio_pdf::font_report(&pdf_options(&settings));
    let mut out = String::new();
    for font in &report {
        let scripts: Vec<&str> = font.scripts.iter().map(|s| s.name()).collect();
        let _ = write!(out, "{:<26} {}", role_name(&font.role), font.family);
        if let Some(variant) = &font.cjk_variant {
            let _ = write!(out, " ({variant})");
        }
        let _ = writeln!(out);
        let source = match &font.path {
            Some(path) => path.display().to_string(),
            None => "embedded in Folio".to_string(),
        };
        let _ = writeln!(out, "{:<26} {source}", "");
        if !scripts.is_empty() {
            let _ = writeln!(out, "{:<26} covers {}", "", scripts.join(", "));
        }
        if let Some(problem) = &font.problem {
            let _ = writeln!(out, "{:<26} not used: {problem}", "");
        }
    }
    print!("{out}");
    Ok(())
}

fn role_name(role: &folio_pdf::FontRole) -> String {
    match role {
        folio_pdf::FontRole::Embedded(what) => format!("default {what}"),
        folio_pdf::FontRole::Font => "--font".to_string(),
        folio_pdf::FontRole::CjkFont => "--cjk-font".to_string(),
        folio_pdf::FontRole::BodyFont => "house body-font".to_string(),
        folio_pdf::FontRole::HeadingFont => "house heading-font".to_string(),
        folio_pdf::FontRole::SystemFallback(_) => "fallback (installed)".to_string(),
    }
}
