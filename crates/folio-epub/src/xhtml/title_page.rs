//! The title page: kicker, headline, standfirst, byline, publication and
//! dates, the participants, and any lead picture or dateline.

use folio_core::{DateTime, FrontBlock, Interview, LabelText};

use super::content::ContentWriter;
use crate::escape;
use folio_core::Language;

/// The inside of `<body>` for the title page.
pub fn title_page_body(
    interview: &Interview,
    language: &Language,
    headline: &str,
    lead: &[&FrontBlock],
    writer: &mut ContentWriter<'_>,
) -> String {
    let meta = &interview.meta;
    let labels = language.terms();
    let mut out = String::from("<section epub:type=\"titlepage\" class=\"titlepage\">\n<header>\n");
    if let Some(kicker) = visible(meta.kicker.as_deref()) {
        out.push_str(&format!(
            "<p class=\"kicker\">{}</p>\n",
            escape::text(kicker)
        ));
    }
    out.push_str(&format!(
        "<h1 class=\"headline\">{}</h1>\n",
        escape::text(headline)
    ));
    // Without a title the subtitle is the headline already.
    if let Some(subtitle) =
        visible(meta.subtitle.as_deref()).filter(|s| !headline.contains(&escape::xml_safe(s)))
    {
        out.push_str(&format!(
            "<p class=\"standfirst\">{}</p>\n",
            escape::text(subtitle)
        ));
    }
    out.push_str("</header>\n");
    // The bylines as every format prints them: the authors, then the
    // interviewers who are not among them.
    let bylines = meta.bylines(language);
    let interviewers_only = meta.authors.iter().all(|a| a.trim().is_empty());
    for (index, line) in bylines.iter().enumerate() {
        let class = if index == 0 && !interviewers_only {
            "byline"
        } else {
            "interviewers"
        };
        out.push_str(&format!(
            "<p class=\"{class}\">{}</p>\n",
            escape::text(line)
        ));
    }
    if let Some(publication) = visible(meta.publication.as_deref()) {
        out.push_str(&format!(
            "<p class=\"publication\">{}</p>\n",
            escape::text(publication)
        ));
    }
    let dates: Vec<String> = meta
        .date_lines(language)
        .iter()
        .map(|line| date_span(line.term, &line.text, &line.value))
        .collect();
    if !dates.is_empty() {
        out.push_str(&format!("<p class=\"dates\">{}</p>\n", dates.join(" ")));
    }
    participants(&mut out, interview, writer.label_text);
    for block in lead {
        match block {
            FrontBlock::Dateline { text } => {
                out.push_str(&format!(
                    "<p class=\"dateline\">{}</p>\n",
                    escape::text(text)
                ));
            }
            FrontBlock::Figure { figure } => writer.figure(&mut out, figure),
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                writer.blocks(&mut out, content)
            }
        }
    }
    if let Some(rights) = visible(meta.rights.as_deref()) {
        out.push_str(&format!(
            "<p class=\"rights\">{}</p>\n",
            escape::text(rights)
        ));
    }
    if let Some(url) = visible(meta.source_url.as_deref()) {
        let shown = escape::text(url);
        let link = match folio_core::link_target(url) {
            Some(href) => format!("<a href=\"{}\">{shown}</a>", escape::attr(&href)),
            None => shown,
        };
        out.push_str(&format!(
            "<p class=\"source\">{}: {link}</p>\n",
            escape::text(labels.source)
        ));
    }
    out.push_str("</section>\n");
    out
}

/// `Published <time datetime="2024-03-07">7 March 2024</time>`: the date
/// as the language writes it, machine-readable where HTML accepts the year.
fn date_span(term: &str, shown: &str, date: &DateTime) -> String {
    let year = chrono::Datelike::year(&date.date);
    let value = if (1..=9999).contains(&year) {
        format!(
            "<time datetime=\"{}\">{}</time>",
            escape::attr(&date.to_string()),
            escape::text(shown)
        )
    } else {
        escape::text(shown)
    };
    format!(
        "<span class=\"date\">{}</span>",
        folio_core::Terms::before(&escape::text(term), &value)
    )
}

/// Who is speaking, as every format lists it: each name, the label the
/// turns print (unless they print full names) and the role.
fn participants(out: &mut String, interview: &Interview, shown: LabelText) {
    let participants = interview.participants();
    if participants.is_empty() {
        return;
    }
    let terms = interview.terms();
    out.push_str(&format!(
        "<section class=\"participants\">\n<h2>{}</h2>\n<ul>\n",
        escape::text(terms.participants)
    ));
    for mut participant in participants {
        if shown == LabelText::FullName {
            participant.label = None;
        }
        out.push_str(&format!(
            "<li class=\"{}\"><span class=\"name\">{}</span>{}</li>\n",
            participant.role.as_str(),
            escape::text(&participant.name),
            escape::text(&participant.details(terms))
        ));
    }
    out.push_str("</ul>\n</section>\n");
}

/// The trimmed text, when there is something a reader would see.
pub fn visible(text: Option<&str>) -> Option<&str> {
    let text = text?.trim();
    let shows = text
        .chars()
        .any(|c| !c.is_whitespace() && !c.is_control() && escape::is_xml_char(c));
    shows.then_some(text)
}

/// Whether a label already says the name (`HELEN MARSH` for Helen Marsh).
pub fn same_name(name: &str, label: &str) -> bool {
    name.trim().to_lowercase() == label.trim().to_lowercase()
}
