//! The house style (`folio.toml`) as CSS appended to the stylesheet: fonts
//! as the first choice of a fallback stack, the base size relative to the
//! reader's own, label and question colours, and how labels look. Paper and
//! margins belong to print formats; reflowable books leave them to the
//! reading system.

use folio_core::{HouseStyle, LabelCase, style::parse_hex_colour};

/// The size every relative size in the stylesheet is measured against.
const DEFAULT_BASE_SIZE: f32 = 10.5;

/// CSS rules for the house style, to follow the base stylesheet.
pub fn house_css(style: &HouseStyle) -> String {
    let mut css = String::from("\n/* House style (folio.toml) */\n");
    if let Some(family) = style.body_font.as_deref().and_then(font_family) {
        css.push_str(&format!("body {{ font-family: {family}, serif; }}\n"));
    }
    if let Some(family) = style.heading_font.as_deref().and_then(font_family) {
        css.push_str(&format!(
            "h1, h2, h3, .kicker, .speaker, figcaption {{ font-family: {family}, sans-serif; }}\n"
        ));
    }
    if (style.base_size - DEFAULT_BASE_SIZE).abs() > f32::EPSILON && style.base_size.is_finite() {
        // Relative to the reader's chosen size, never a fixed one.
        let percent = (style.base_size / DEFAULT_BASE_SIZE * 100.0).clamp(50.0, 300.0);
        css.push_str(&format!("body {{ font-size: {percent:.0}%; }}\n"));
    }
    if let Some(colour) = colour(&style.label_color) {
        css.push_str(&format!(".speaker, .kicker {{ color: {colour}; }}\n"));
    }
    if let Some(colour) = colour(&style.question_color) {
        css.push_str(&format!(".turn.question p {{ color: {colour}; }}\n"));
    }
    match style.label_case {
        LabelCase::Bold => css.push_str(".speaker { font-weight: bold; font-variant: normal; }\n"),
        LabelCase::SmallCaps => css.push_str(
            ".speaker { font-weight: normal; font-variant: small-caps; letter-spacing: 0.03em; }\n",
        ),
    }
    css
}

/// `#rrggbb`, or nothing for anything else.
fn colour(text: &str) -> Option<String> {
    let (r, g, b) = parse_hex_colour(text.trim())?;
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// A quoted CSS family name; `None` when nothing printable is left.
fn font_family(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '"' | '\\' | '<' | '>' | '{' | '}' | ';') && !c.is_control())
        .collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| format!("\"{cleaned}\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::LabelText;

    #[test]
    fn the_default_style_colours_labels_and_keeps_sizes_relative() {
        let css = house_css(&HouseStyle::default());
        let colour = HouseStyle::default().label_color;
        assert!(css.contains(&format!(".speaker, .kicker {{ color: {colour}; }}")));
        assert!(!css.contains("font-size"));
        assert!(!css.contains("font-family"));
    }

    #[test]
    fn fonts_sizes_and_small_caps_come_through_safely() {
        let style = HouseStyle {
            body_font: Some("Source Serif 4\"; } body { color: red".into()),
            heading_font: Some("  ".into()),
            base_size: 12.6,
            label_case: LabelCase::SmallCaps,
            label_text: LabelText::FullName,
            ..HouseStyle::default()
        };
        let css = house_css(&style);
        assert!(css.contains("body { font-family: \"Source Serif 4  body  color: red\", serif; }"));
        assert!(
            !css.contains("sans-serif;"),
            "a blank heading font is left out"
        );
        assert!(css.contains("body { font-size: 120%; }"));
        assert!(css.contains("font-variant: small-caps"));
    }
}
