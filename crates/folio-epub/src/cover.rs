//! The cover: the given picture, or a drawn one with kicker, title and
//! interviewee, and the cover page that shows it.

use crate::escape;
use crate::xhtml::document;
use folio_core::{Direction, Language};

/// Canvas of the drawn cover, in SVG user units (2:3, like most covers).
const WIDTH: f32 = 1200.0;
const HEIGHT: f32 = 1800.0;
/// Width available to text, inside the frame.
const TEXT_WIDTH: f32 = 960.0;

/// What the drawn cover says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverText<'a> {
    pub kicker: Option<&'a str>,
    pub title: &'a str,
    pub interviewees: Vec<&'a str>,
    pub publication: Option<&'a str>,
}

impl CoverText<'_> {
    /// The words of the cover in one line, for `alt` and `<title>`.
    pub fn description(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.kicker);
        parts.push(self.title);
        parts.extend(self.interviewees.iter().copied());
        parts.extend(self.publication);
        parts.join(" — ")
    }
}

/// An SVG cover in black on white, which reads on e-ink and in colour alike.
pub fn svg_cover(text: &CoverText<'_>, language: &Language) -> String {
    let lang = escape::attr(language.tag());
    let direction = match language.direction() {
        Direction::Rtl => " direction=\"rtl\"",
        Direction::Ltr => "",
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         width=\"{WIDTH}\" height=\"{HEIGHT}\" xml:lang=\"{lang}\"{direction}>\n\
         <title>{}</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\n\
         <rect x=\"60\" y=\"60\" width=\"1080\" height=\"1680\" fill=\"none\" stroke=\"#000000\" stroke-width=\"8\"/>\n",
        escape::text(&text.description())
    );
    let mut y = 330.0;
    if let Some(kicker) = text.kicker {
        for line in wrap(&kicker.to_uppercase(), TEXT_WIDTH / 44.0)
            .iter()
            .take(2)
        {
            push_line(
                &mut out,
                line,
                y,
                44.0,
                "font-family=\"sans-serif\" letter-spacing=\"4\"",
            );
            y += 60.0;
        }
        out.push_str(&format!(
            "<line x1=\"450\" y1=\"{y}\" x2=\"750\" y2=\"{y}\" stroke=\"#000000\" stroke-width=\"4\"/>\n",
        ));
        y += 150.0;
    }
    let (size, lines) = fit_title(text.title);
    for line in &lines {
        push_line(
            &mut out,
            line,
            y,
            size,
            "font-family=\"serif\" font-weight=\"bold\"",
        );
        y += size * 1.2;
    }
    y = y.max(1300.0);
    for name in text.interviewees.iter().take(3) {
        for line in wrap(name, TEXT_WIDTH / 60.0).iter().take(2) {
            push_line(
                &mut out,
                line,
                y,
                60.0,
                "font-family=\"serif\" font-style=\"italic\"",
            );
            y += 76.0;
        }
    }
    if let Some(line) = text
        .publication
        .and_then(|p| wrap(p, TEXT_WIDTH / 40.0).into_iter().next())
    {
        push_line(&mut out, &line, 1640.0, 40.0, "font-family=\"sans-serif\"");
    }
    out.push_str("</svg>\n");
    out
}

fn push_line(out: &mut String, line: &str, y: f32, size: f32, style: &str) {
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"middle\" fill=\"#000000\" {style}>{}</text>\n",
        WIDTH / 2.0,
        escape::text(line)
    ));
}

/// The largest title size at which the title fits; bigger type gets
/// fewer lines, so the title block stays about the same height.
fn fit_title(title: &str) -> (f32, Vec<String>) {
    for (size, max_lines) in [
        (120.0, 3),
        (104.0, 4),
        (90.0, 5),
        (78.0, 6),
        (66.0, 7),
        (56.0, 8),
    ] {
        let lines = wrap(title, TEXT_WIDTH / size);
        if lines.len() <= max_lines {
            return (size, lines);
        }
    }
    let mut lines = wrap(title, TEXT_WIDTH / 48.0);
    if lines.len() > 9 {
        lines.truncate(9);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    (48.0, lines)
}

/// Approximate advance of a character in ems: CJK and other wide
/// characters take a full em, the rest a little over half.
fn char_width(c: char) -> f32 {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        1.0
    } else if c.is_uppercase() {
        0.68
    } else {
        0.52
    }
}

fn is_wide(c: char) -> bool {
    char_width(c) >= 1.0
}

/// Greedy line breaking at spaces, and between any two wide characters.
/// A word longer than a line is broken between characters.
pub fn wrap(text: &str, max_ems: f32) -> Vec<String> {
    // Tokens: a word or one wide character, and whether a space preceded it.
    let mut tokens: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let mut space_before = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                tokens.push((std::mem::take(&mut word), space_before));
            }
            space_before = true;
        } else if is_wide(c) {
            if !word.is_empty() {
                tokens.push((std::mem::take(&mut word), space_before));
                space_before = false;
            }
            tokens.push((c.to_string(), space_before));
            space_before = false;
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push((word, space_before));
    }

    let width = |s: &str| s.chars().map(char_width).sum::<f32>();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for (token, spaced) in tokens {
        let token_width = width(&token);
        let gap = if spaced && !line.is_empty() { 0.3 } else { 0.0 };
        if !line.is_empty() && line_width + gap + token_width > max_ems {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if line.is_empty() && token_width > max_ems {
            for c in token.chars() {
                if line_width + char_width(c) > max_ems && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += char_width(c);
            }
            continue;
        }
        if spaced && !line.is_empty() {
            line.push(' ');
            line_width += 0.3;
        }
        line.push_str(&token);
        line_width += token_width;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The cover page: the cover picture filling the screen.
pub fn cover_page(language: &Language, image_href: &str, alt: &str) -> String {
    let body = format!(
        "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"{}\" alt=\"{}\"/>\n</section>\n",
        escape::attr(image_href),
        escape::attr(alt)
    );
    document(language, language.terms().cover, "cover", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_latin_at_spaces_and_cjk_anywhere() {
        assert_eq!(
            wrap("one two three four", 6.0),
            vec!["one two", "three four"]
        );
        let cjk = wrap("共同构建网络空间命运共同体", 5.0);
        assert_eq!(cjk, vec!["共同构建网", "络空间命运", "共同体"]);
        let long = wrap("Supercalifragilistic", 5.0);
        assert!(long.len() > 1 && long.concat() == "Supercalifragilistic");
        assert!(wrap("", 5.0).is_empty());
    }

    #[test]
    fn long_titles_get_smaller_type_not_more_lines() {
        let (big, _) = fit_title("Short");
        let (small, lines) = fit_title(&"Many words in a long headline ".repeat(6));
        assert!(big > small);
        assert!(lines.len() <= 9);
    }
}
