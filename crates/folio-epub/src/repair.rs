//! Corrections to what epub-builder 0.8.3 writes, applied to its output
//! before re-packing. Each one is pinned by a test in `tests/repairs.rs`
//! that fails when epub-builder stops needing it or the repair stops working.

use crate::error::EpubError;
use crate::escape;
use folio_core::Language;

pub const PACKAGE_PATH: &str = "OEBPS/content.opf";
pub const NAV_PATH: &str = "OEBPS/nav.xhtml";
pub const NCX_PATH: &str = "OEBPS/toc.ncx";

/// Adds the metadata epub-builder cannot express (creators with roles,
/// publisher, accessibility; see [`crate::package`]) to the package
/// document. Its own `dc:creator` would share the id `epub-creator-0` with
/// `dc:language`, and its `MetadataOpfV3` leaves values unescaped, so
/// neither is used.
pub fn add_package_metadata(opf: &str, metadata: &str) -> Result<String, EpubError> {
    let Some(at) = opf.find("</metadata>") else {
        return Err(unexpected(PACKAGE_PATH, "no </metadata>"));
    };
    let mut out = String::with_capacity(opf.len() + metadata.len() + 8);
    out.push_str(opf[..at].trim_end());
    out.push('\n');
    for line in metadata.lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("  ");
    out.push_str(&opf[at..]);
    Ok(out)
}

/// epub-builder's package document has no language (Ace's `epub-lang`):
/// give the `<package>` element the book's, and its direction.
pub fn set_package_language(opf: &str, language: &Language) -> Result<String, EpubError> {
    const ROOT: &str = "<package version=\"3.0\" xmlns=\"http://www.idpf.org/2007/opf\"";
    add_language(opf, ROOT, PACKAGE_PATH, "<package>", false, language)
}

/// epub-builder's navigation document has no language, its contents
/// `<nav>` no ARIA role (Ace's `epub-type-has-matching-role`), and its
/// landmarks `<nav>` shows as a second, unnamed navigation landmark
/// (`landmark-unique`). Gives it the book's language and direction, the
/// contents the `doc-toc` role named by its heading, and hides the
/// landmarks, which are for reading systems, as pandoc does.
pub fn fix_nav(nav: &str, language: &Language) -> Result<String, EpubError> {
    const TOC: &str = "<nav epub:type = \"toc\" id=\"toc\">";
    const LANDMARKS: &str = "<nav epub:type = \"landmarks\">";
    let nav = set_nav_language(nav, language)?;
    if !nav.contains(TOC) {
        return Err(unexpected(NAV_PATH, "the contents <nav> start tag differs"));
    }
    let labelled = if nav.contains("id=\"toc-title\"") {
        " aria-labelledby=\"toc-title\""
    } else {
        ""
    };
    Ok(nav
        .replace(
            TOC,
            &format!("<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\"{labelled}>"),
        )
        .replace(
            LANDMARKS,
            "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">",
        ))
}

/// epub-builder's navigation document has no language: give it the book's,
/// and its direction, as every other content document has.
fn set_nav_language(nav: &str, language: &Language) -> Result<String, EpubError> {
    const ROOT: &str =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"";
    add_language(nav, ROOT, NAV_PATH, "<html>", true, language)
}

/// `xml:lang` (and `lang` for HTML) and the direction, added to the start
/// tag that begins with `root` in `file`; an error when the tag differs or
/// already has a language.
fn add_language(
    text: &str,
    root: &str,
    file: &'static str,
    element: &str,
    html: bool,
    language: &Language,
) -> Result<String, EpubError> {
    let Some(at) = text.find(root) else {
        return Err(unexpected(
            file,
            &format!("the {element} start tag differs"),
        ));
    };
    let end = at + root.len();
    if text[end..]
        .split('>')
        .next()
        .is_some_and(|rest| rest.contains("lang="))
    {
        return Err(unexpected(
            file,
            &format!("{element} already has a language"),
        ));
    }
    let lang = escape::attr(language.tag());
    let html_lang = if html {
        format!(" lang=\"{lang}\"")
    } else {
        String::new()
    };
    let dir = match language.direction() {
        folio_core::Direction::Rtl => " dir=\"rtl\"",
        folio_core::Direction::Ltr => "",
    };
    Ok(format!(
        "{} xml:lang=\"{lang}\"{html_lang}{dir}{}",
        &text[..end],
        &text[end..]
    ))
}

/// The NCX names the table of contents where old readers show the book's
/// title, carries no `dtb:uid` and always claims a depth of 1: give it the
/// title, the identifier and the real depth.
pub fn fix_ncx_head(
    ncx: &str,
    title: &str,
    identifier: &str,
    depth: usize,
) -> Result<String, EpubError> {
    const DEPTH: &str = "<meta name=\"dtb:depth\" content=\"1\" />";
    if !ncx.contains(DEPTH) {
        return Err(unexpected(NCX_PATH, "no dtb:depth of 1"));
    }
    let ncx = ncx.replacen(
        DEPTH,
        &format!("<meta name=\"dtb:depth\" content=\"{depth}\" />"),
        1,
    );
    const HEAD: &str = "<head>";
    let Some(head) = ncx.find(HEAD) else {
        return Err(unexpected(NCX_PATH, "no <head>"));
    };
    if ncx.contains("dtb:uid") {
        return Err(unexpected(NCX_PATH, "it already has a dtb:uid"));
    }
    let (Some(open), Some(close)) = (ncx.find("<docTitle>"), ncx.find("</docTitle>")) else {
        return Err(unexpected(NCX_PATH, "no <docTitle>"));
    };
    let head_end = head + HEAD.len();
    Ok(format!(
        "{}\n    <meta name=\"dtb:uid\" content=\"{}\" />{}<docTitle>\n    <text>{}</text>\n  {}",
        &ncx[..head_end],
        escape::attr(identifier),
        &ncx[head_end..open],
        escape::text(title),
        &ncx[close..]
    ))
}

fn unexpected(file: &'static str, detail: &str) -> EpubError {
    EpubError::UnexpectedOutput {
        file,
        detail: detail.to_string(),
    }
}
