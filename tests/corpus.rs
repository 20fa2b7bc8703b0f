//! The reader against real interviews: each text in `tests/corpus/` is read
//! and checked against its hand-made key in `tests/corpus/keys/` (see
//! `keys/README.md` for how the keys count). Every turn must be found, in
//! order, with its speaker's label, its role, its first words and its
//! number of paragraphs; every visible text outside the turns must be in
//! the model outside the turns.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use folio_core::{
    Block, ClosingBlock, FrontBlock, Interview, TurnRole, blocks_plain_text, read_path,
};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// Words as the keys compare them: NFKC, lower case, `[mm:ss]` stamps
/// dropped, split at anything that is not a word character, and each CJK
/// ideograph a word of its own.
fn tokens(text: &str) -> Vec<String> {
    let lower = strip_stamps(&text.nfkc().collect::<String>().to_lowercase());
    let mut out = Vec::new();
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if word.chars().any(is_cjk) {
            out.extend(word.chars().map(String::from));
        } else if !word.is_empty() {
            out.push(word.to_string());
        }
    }
    out
}

/// `[04:22]` and `[01:02:03]` replaced by a space.
fn strip_stamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let stamp = after.find(']').filter(|&close| {
            let parts: Vec<&str> = after[..close].split(':').collect();
            (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
        });
        match stamp {
            Some(close) => {
                out.push(' ');
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn norm_label(label: &str) -> String {
    label
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Paragraphs as the keys count them: figures not at all, an ordered list
/// one per item, any other list one.
fn paragraphs(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Figure { .. } => 0,
            Block::List {
                ordered: true,
                items,
            } => items.len(),
            _ => 1,
        })
        .sum()
}

/// Everything the model holds outside the turns, as words.
fn outside_turns(interview: &Interview) -> Vec<String> {
    let mut text = String::new();
    let push_blocks = |blocks: &[Block], text: &mut String| {
        text.push_str(&blocks_plain_text(blocks));
        text.push('\n');
    };
    for block in &interview.front {
        match block {
            FrontBlock::EditorsNote { content } | FrontBlock::Introduction { content } => {
                push_blocks(content, &mut text)
            }
            FrontBlock::Dateline { text: line } => {
                text.push_str(line);
                text.push('\n');
            }
            FrontBlock::Figure { figure } => {
                text.push_str(&figure.plain_text());
                text.push('\n');
            }
        }
    }
    for section in &interview.sections {
        text.push_str(&section.heading);
        text.push('\n');
        push_blocks(&section.content, &mut text);
    }
    for turn in &interview.turns {
        for block in &turn.content {
            if let Block::Figure { figure } = block {
                text.push_str(&figure.plain_text());
                text.push('\n');
            }
        }
    }
    for block in &interview.closing {
        match block {
            ClosingBlock::Bio { content }
            | ClosingBlock::Afterword { content }
            | ClosingBlock::Footer { content } => push_blocks(content, &mut text),
        }
    }
    tokens(&text)
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

fn check(stem: &str) {
    let text = corpus().join(format!("{stem}.md"));
    let parsed = read_path(&text, &Default::default()).expect("the text reads");
    check_against_key(stem, stem, &parsed.interview);
    for layout in page::LAYOUTS {
        let page = page::render(&std::fs::read_to_string(&text).expect("the text"), *layout);
        let name = format!("{stem}.{layout:?}.html");
        let parsed = folio_core::read_bytes(page.as_bytes(), &name, &Default::default())
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        check_against_key(stem, &name, &parsed.interview);
    }
}

/// Checks a model read from the text, or from the text as a web page,
/// against the text's key.
fn check_against_key(stem: &str, name: &str, interview: &Interview) {
    let key: Value = serde_json::from_str(
        &std::fs::read_to_string(corpus().join(format!("keys/{stem}.json"))).expect("key"),
    )
    .expect("key is JSON");
    let expected = key["turns"].as_array().expect("turns");
    let mut problems = Vec::new();
    if interview.turns.len() != expected.len() {
        problems.push(format!(
            "{} turns found, the key has {}",
            interview.turns.len(),
            expected.len()
        ));
    }
    for (n, (turn, want)) in interview.turns.iter().zip(expected).enumerate() {
        let speaker = interview.speaker(&turn.speaker).expect("speaker");
        let role = match turn.role {
            TurnRole::Question => "question",
            TurnRole::Answer => "answer",
            TurnRole::Remark => "other",
        };
        let want_role = want["role"].as_str().unwrap_or("other");
        if want_role != "other" && role != want_role {
            problems.push(format!(
                "turn {}: role {role}, the key says {want_role}",
                n + 1
            ));
        }
        if let Some(label) = want["speaker"].as_str() {
            let got = norm_label(&speaker.label);
            // `Frederico (FSM)`: the first label printed a name before the
            // abbreviation the speaker is labelled by.
            let introduced = label
                .strip_suffix(&format!("({})", speaker.label))
                .map(str::trim)
                .is_some_and(|given| {
                    !given.is_empty()
                        && speaker
                            .name
                            .as_deref()
                            .is_some_and(|name| name.split_whitespace().next() == Some(given))
                });
            if norm_label(label) != got && !introduced {
                problems.push(format!(
                    "turn {}: speaker {:?}, the key says {label:?}",
                    n + 1,
                    speaker.label
                ));
            }
        }
        let words = tokens(&blocks_plain_text(&turn.content));
        let first = tokens(want["first_words"].as_str().unwrap_or(""));
        let head = &first[..first.len().min(6)];
        if !words.starts_with(head) {
            problems.push(format!(
                "turn {}: starts {:?}, the key says {:?}",
                n + 1,
                &words[..words.len().min(head.len())],
                head
            ));
        }
        let want_paragraphs = want["paragraphs"].as_u64().unwrap_or(0) as usize;
        let got_paragraphs = paragraphs(&turn.content);
        if got_paragraphs != want_paragraphs {
            problems.push(format!(
                "turn {}: {got_paragraphs} paragraphs, the key says {want_paragraphs}",
                n + 1
            ));
        }
    }
    let outside = outside_turns(interview);
    for block in key["not_turns"].as_array().into_iter().flatten() {
        let words = tokens(block.as_str().unwrap_or(""));
        if !contains_run(&outside, &words[..words.len().min(8)]) {
            problems.push(format!("not found outside the turns: {block}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{name}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The corpus texts as the web pages they came from: the Markdown rendered
/// to HTML, the title in the page's metadata and a headline, and around
/// the article what real pages put there (navigation, a cookie banner,
/// share buttons, related stories, comments, a footer), in four common
/// layouts. The HTML reader must find the same interview in each.
mod page {
    use pulldown_cmark::{Options, Parser, html};

    #[derive(Debug, Clone, Copy)]
    pub enum Layout {
        /// `<main><article>` with a header, share bars and comments.
        News,
        /// `<main class=post>` beside an `<aside>` of related posts.
        Blog,
        /// The article's HTML alone in `<body>`.
        Bare,
        /// Only `<div>`s with ids: the article found by its text.
        DivSoup,
    }

    pub const LAYOUTS: &[Layout] = &[Layout::News, Layout::Blog, Layout::Bare, Layout::DivSoup];

    const NAV: &str = r#"<header class="site-header"><a href="/">Example Site</a><nav><ul><li><a href="/news">News</a></li><li><a href="/blog">Blog</a></li><li><a href="/about">About us and our mission</a></li></ul></nav></header><div id="cookie-consent"><p>We use cookies to improve your experience on this site.</p><button>Accept</button></div>"#;
    const SHARE: &str = r#"<div class="share-buttons"><a href="https://social.example/share">Share on Social</a> <a href="mailto:?subject=x">Email</a></div>"#;
    const RELATED: &str = r#"<aside class="related"><h2>Related posts</h2><ul><li><a href="/a">Another interview with a maintainer about something</a></li><li><a href="/b">Release notes for the previous version, with all the details</a></li></ul></aside>"#;
    const COMMENTS: &str = r#"<section id="comments"><h3>3 comments</h3><div class="comment"><p>Great interview, thanks for sharing this with everyone!</p></div></section>"#;
    const FOOTER: &str = r#"<footer class="site-footer"><p>© 2023 Example Site. All rights reserved. Privacy policy. Terms of use.</p></footer>"#;

    pub fn render(markdown: &str, layout: Layout) -> String {
        let (title, body) = split_front_matter(markdown);
        let mut options = Options::empty();
        options.insert(Options::ENABLE_TABLES);
        options.insert(Options::ENABLE_STRIKETHROUGH);
        options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
        let mut content = String::new();
        html::push_html(&mut content, Parser::new_ext(body, options));
        let title = title.unwrap_or_default();
        let head = format!(
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example Site</title><meta property="og:site_name" content="Example Site"><script type="application/ld+json">{{"@context":"https://schema.org","@type":"BlogPosting","headline":{title:?},"datePublished":"2023-08-15T10:00:00Z","author":{{"@type":"Person","name":"Casey Writer"}}}}</script></head>"#
        );
        match layout {
            Layout::News => format!(
                r#"{head}<body>{NAV}<main><article><header><h1>{title}</h1><p class="byline">By Casey Writer</p><time datetime="2023-08-15">August 15, 2023</time></header>{SHARE}<div class="article-body">{content}</div>{SHARE}</article>{RELATED}</main>{COMMENTS}{FOOTER}</body></html>"#
            ),
            Layout::Blog => format!(
                r#"{head}<body>{NAV}<div class="container"><main class="post"><h1 class="post-title">{title}</h1>{content}</main>{RELATED}</div>{FOOTER}</body></html>"#
            ),
            Layout::Bare => {
                format!("<html><head><title>{title}</title></head><body>{content}</body></html>")
            }
            Layout::DivSoup => format!(
                r#"{head}<body>{NAV}<div id="wrapper"><div id="sidebar"><ul><li><a href="/1">Archive one</a></li><li><a href="/2">Archive two</a></li></ul></div><div id="content"><div class="entry">{content}</div></div></div>{COMMENTS}{FOOTER}</body></html>"#
            ),
        }
    }

    /// The title from YAML front matter, and the text after it.
    fn split_front_matter(markdown: &str) -> (Option<String>, &str) {
        let Some(rest) = markdown.strip_prefix("---\n") else {
            return (None, markdown);
        };
        let Some(end) = rest.find("\n---\n") else {
            return (None, markdown);
        };
        let title = rest[..end].lines().find_map(|line| {
            let value = line.strip_prefix("title:")?.trim();
            Some(
                value
                    .trim_matches(['"', '\''])
                    .replace('&', "&amp;")
                    .replace('<', "&lt;"),
            )
        });
        (title, &rest[end + 5..])
    }
}

#[test]
fn press_gaggle_with_spaced_q_labels() {
    check("01-whitehouse-press-gaggle");
}

#[test]
fn podcast_with_two_hosts_and_two_guests() {
    check("03-gotime-100-transcript-excerpt");
}

#[test]
fn numbered_bold_questions_with_indented_answers() {
    check("05-sklearn-blog-numbered-questions");
}

#[test]
fn chinese_translation_with_english_in_comments() {
    check("07-k8s-sig-api-machinery-spotlight-zh-cn");
}

#[test]
fn bold_questions_with_line_break_answers() {
    check("09-k8s-1.28-release-interview");
}

#[test]
fn tokens_follow_the_keys_conventions() {
    assert_eq!(tokens("[04:22] 45 minutes."), ["45", "minutes"]);
    assert_eq!(tokens("你好，David"), ["你", "好", "david"]);
    assert_eq!(tokens("I’m  Chiara"), ["i", "m", "chiara"]);
}
