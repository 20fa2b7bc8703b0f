//! The one link policy: which links a handout, a book and a document may
//! carry, decided once for every writer.
//!
//! Only web addresses (`http:`, `https:`, with a host a URL parser takes:
//! EPUBCheck fails a book over one it rejects) and mail links (`mailto:`
//! with an address) are links. A relative path points nowhere once the
//! file is printed, mailed or packed into a book (in an EPUB it would
//! point into the package); `#anchors` point into a page that is not
//! there; `javascript:`, `data:`, `file:` and other schemes are ways in,
//! not places to go. Readers turn such links into their text, with one
//! warning, so every format prints the same words without them.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{Inline, Interview};

/// The address a link may lead to, as every writer writes it, or `None`
/// when no reader of a handout can follow it. Characters URLs may not
/// contain are percent-encoded.
pub fn link_target(url: &str) -> Option<String> {
    let url = url.trim();
    if url.chars().any(|c| c.is_control()) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let valid = if let Some(rest) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
    {
        valid_authority(rest)
    } else if let Some(rest) = lower.strip_prefix("mailto:") {
        rest.contains('@')
    } else {
        false
    };
    if !valid {
        return None;
    }
    let mut href = String::with_capacity(url.len());
    let chars: Vec<char> = url.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let escaped_percent = c == '%'
            && chars.get(index + 1).is_some_and(char::is_ascii_hexdigit)
            && chars.get(index + 2).is_some_and(char::is_ascii_hexdigit);
        match c {
            '%' if escaped_percent => href.push(c),
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '%' => {
                href.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c => href.push(c),
        }
    }
    Some(href)
}

/// Whether the part after `http://` starts with a host a URL parser takes:
/// letters, digits, `-` and `.` (any script), or a bracketed IPv6 address,
/// with optional user information and port.
fn valid_authority(rest: &str) -> bool {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(ipv6) = host_port.strip_prefix('[') {
        return ipv6.split_once(']').is_some_and(|(address, _)| {
            !address.is_empty()
                && address
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        });
    }
    let (host, port) = host_port.split_once(':').unwrap_or((host_port, ""));
    !host.is_empty()
        && !host.starts_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && port.chars().all(|c| c.is_ascii_digit())
}

/// Turns every link [`link_target`] refuses into its text, and says once
/// which were left out.
pub(crate) fn unlink_unfollowable(interview: &mut Interview) -> Option<Diagnostic> {
    let mut dropped = Vec::new();
    interview.for_each_inline_run(&mut |inlines| unlink(inlines, &mut dropped));
    if dropped.is_empty() {
        return None;
    }
    let shown: Vec<String> = dropped
        .iter()
        .take(3)
        .map(|url| format!("{url:?}"))
        .collect();
    let more = match dropped.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Some(Diagnostic::new(
        DiagnosticKind::LostFormatting,
        None,
        format!(
            "{} link{} kept as text, because only web and mail addresses can be followed from a handout or a book: {}{more}",
            dropped.len(),
            if dropped.len() == 1 { "" } else { "s" },
            shown.join(", "),
        ),
    ))
}

fn unlink(inlines: &mut Vec<Inline>, dropped: &mut Vec<String>) {
    let mut index = 0;
    while let Some(inline) = inlines.get_mut(index) {
        if let Inline::Link { url, content } = inline
            && link_target(url).is_none()
        {
            dropped.push(std::mem::take(url));
            let content = std::mem::take(content);
            // The link's content takes its place and is looked at in turn:
            // it may hold links of its own.
            inlines.splice(index..=index, content);
            continue;
        }
        if let Some(children) = inline.children_mut() {
            unlink(children, dropped);
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_are_kept() {
        assert_eq!(
            link_target("mailto:a@b.example").as_deref(),
            Some("mailto:a@b.example")
        );
        assert_eq!(link_target("http://"), None);
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target("https://x.example/\u{7}"), None);
        assert_eq!(link_target("http://exa mple.com/"), None);
        assert_eq!(
            link_target("https://user@example.com:8080/a").as_deref(),
            Some("https://user@example.com:8080/a")
        );
        assert_eq!(
            link_target("https://[::1]/").as_deref(),
            Some("https://[::1]/")
        );
        assert_eq!(
            link_target("https://例え.jp/パス").as_deref(),
            Some("https://例え.jp/パス")
        );
        assert_eq!(
            link_target("https://a.example/100%").as_deref(),
            Some("https://a.example/100%25")
        );
        assert_eq!(
            link_target("https://a.example/%C3%A9").as_deref(),
            Some("https://a.example/%C3%A9")
        );
    }

    #[test]
    fn links_no_reader_can_follow_become_their_text() {
        let mut inlines = vec![
            Inline::text("See "),
            Inline::Link {
                url: "javascript:alert(1)".into(),
                content: vec![Inline::Strong {
                    content: vec![Inline::text("this")],
                }],
            },
            Inline::text(" and "),
            Inline::Link {
                url: "https://a.example/".into(),
                content: vec![Inline::text("that")],
            },
        ];
        let mut dropped = Vec::new();
        unlink(&mut inlines, &mut dropped);
        assert_eq!(dropped, ["javascript:alert(1)"]);
        assert!(matches!(&inlines[1], Inline::Strong { .. }));
        assert!(matches!(&inlines[3], Inline::Link { .. }));
    }

    #[test]
    fn readers_apply_the_policy_once_for_every_writer() {
        let text = "**Q:** Click [here](javascript:alert(1)), [there](file:///etc/passwd) or mail <ben@example.com>?\n\n**A:** No.\n";
        let parsed =
            crate::read_bytes(text.as_bytes(), "links.md", &Default::default()).expect("reads");
        let mut urls = Vec::new();
        let mut interview = parsed.interview.clone();
        interview.for_each_inline_run(&mut |inlines| {
            for inline in inlines.iter() {
                if let Inline::Link { url, .. } = inline {
                    urls.push(url.clone());
                }
            }
        });
        assert_eq!(urls, ["mailto:ben@example.com"]);
        let messages: Vec<String> = parsed.warnings.iter().map(|w| w.message.clone()).collect();
        assert!(messages.contains(&"2 links kept as text, because only web and mail addresses can be followed from a handout or a book: \"javascript:alert(1)\", \"file:///etc/passwd\"".to_string()), "{messages:?}");
    }
}
