//! Captions and photo credits as pages print them: `Dana Park at home.
//! Photo: Jane Roe`, `(Photo by Jane Roe)`, `Credit: Agency`.

use crate::model::Figure;
use crate::normalise::clean_line;

/// Credit markers, in lower case (as the text is searched), longest first
/// so `photo by` wins over `photo`.
const CREDIT_MARKERS: &[&str] = &[
    "photograph by",
    "photographs by",
    "photo courtesy of",
    "photos by",
    "photo by",
    "image by",
    "photograph:",
    "photographs:",
    "photos:",
    "photo:",
    "image:",
    "credit:",
    "credits:",
    "illustration:",
    "illustration by",
    "picture:",
    "foto:",
    "photo :",
    "图片：",
    "图：",
    "摄影：",
];

/// Whether a line reads as a caption or credit rather than prose.
pub fn is_caption_line(text: &str) -> bool {
    is_clean_caption_line(&clean_line(text))
}

/// [`is_caption_line`] for a line already through [`clean_line`].
pub fn is_clean_caption_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words <= 50 && find_marker(text).is_some()
}

fn find_marker(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_lowercase();
    CREDIT_MARKERS.iter().find_map(|marker| {
        let at = lower.find(marker)?;
        // A marker starts the text or follows a space or bracket.
        let ok = at == 0 || lower[..at].ends_with([' ', '(', '[', '|', '/']);
        ok.then_some((at, at + marker.len()))
    })
}

/// Splits a printed caption into caption and credit.
pub fn split_caption(text: &str) -> Figure {
    split_clean_caption(&clean_line(text))
}

/// [`split_caption`] for a line already through [`clean_line`].
pub fn split_clean_caption(text: &str) -> Figure {
    let text = text.to_string();
    let Some((start, end)) = find_marker(&text) else {
        return Figure {
            caption: Some(text).filter(|t| !t.is_empty()),
            ..Figure::default()
        };
    };
    let caption = text[..start]
        .trim()
        .trim_end_matches(['(', '[', '|', '/'])
        .trim();
    let credit = text[end..].trim().trim_end_matches([')', ']']).trim();
    let keep_marker = text[start..end].to_lowercase().contains("courtesy");
    let credit = if keep_marker {
        format!("Courtesy of {}", credit.trim_start_matches("of ").trim())
    } else {
        credit.to_string()
    };
    Figure {
        caption: Some(caption.to_string()).filter(|c| !c.is_empty()),
        credit: Some(credit).filter(|c| !c.is_empty()),
        ..Figure::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_caption_and_credit() {
        let f = split_caption("David Gosset Photo: Courtesy of David Gosset");
        assert_eq!(f.caption.as_deref(), Some("David Gosset"));
        assert_eq!(f.credit.as_deref(), Some("Courtesy of David Gosset"));
        let f = split_caption("Dana Park at the mill. (Photo by Jane Roe)");
        assert_eq!(f.caption.as_deref(), Some("Dana Park at the mill."));
        assert_eq!(f.credit.as_deref(), Some("Jane Roe"));
        let f = split_caption("Just a caption.");
        assert_eq!(
            (f.caption.as_deref(), f.credit),
            (Some("Just a caption."), None)
        );
        assert!(is_caption_line("Photo: AP"));
        assert!(!is_caption_line("We took a photograph together in 1998."));
    }
}
