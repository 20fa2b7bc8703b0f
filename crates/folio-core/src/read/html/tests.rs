//! The web-page reader end to end: pages in the shapes real sites and
//! exporting tools give them, read into interviews.

use super::*;
use crate::model::SpeakerRole;

#[test]
fn a_news_page_reads_as_an_interview() {
    let page = r##"<!doctype html><html lang="en"><head>
        <title>Clay and patience: an interview | The Courier</title>
        <meta property="og:site_name" content="The Courier">
        <meta property="article:published_time" content="2024-05-02T09:00:00Z">
        </head><body>
        <header class="site-header"><nav><a href="/">Home</a> <a href="/arts">Arts</a></nav></header>
        <div class="cookie-banner">We use cookies. <button>OK</button></div>
        <main><article>
          <h1>Clay and patience</h1>
          <p class="standfirst">A potter on fifty years at the wheel.</p>
          <div class="byline">By <a href="/staff/ann">Ann Lee</a></div>
          <p><strong>Ann Lee:</strong> When did you start?</p>
          <p><strong>Bo Chen:</strong> At nine, in my aunt's shed.</p>
          <p>It was cold.</p>
          <div class="share-tools"><a href="#">Share</a></div>
          <p><strong>Ann Lee:</strong> And now?</p>
          <p><strong>Bo Chen:</strong> Now I teach.</p>
        </article>
        <aside><h2>Related</h2><ul><li><a href="/x">Other story</a></li></ul></aside></main>
        <footer>© The Courier</footer></body></html>"##;
    let parsed = read(page.as_bytes(), "talk.html", &ReadOptions::default()).expect("read");
    let interview = parsed.interview;
    assert_eq!(interview.meta.title.as_deref(), Some("Clay and patience"));
    assert_eq!(
        interview.meta.subtitle.as_deref(),
        Some("A potter on fifty years at the wheel.")
    );
    assert_eq!(interview.meta.authors, ["Ann Lee"]);
    assert_eq!(interview.meta.publication.as_deref(), Some("The Courier"));
    assert_eq!(interview.turns.len(), 4);
    assert_eq!(interview.turns[1].content.len(), 2);
    let roles: Vec<SpeakerRole> = interview.speakers.iter().map(|s| s.role).collect();
    assert_eq!(roles, [SpeakerRole::Interviewer, SpeakerRole::Interviewee]);
}

#[test]
fn a_page_without_text_is_an_error() {
    let error = read(
        b"<html><body><nav>Home</nav><script>x()</script></body></html>",
        "empty.html",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "empty.html: no article text found: the page has no <article>, <main> or paragraphs of text outside navigation, scripts and hidden elements"
    );
}

fn read_page(page: &str) -> crate::read::Parsed {
    read(page.as_bytes(), "page.html", &ReadOptions::default()).expect("the page reads")
}

fn turn_summary(parsed: &crate::read::Parsed) -> Vec<(String, usize)> {
    let interview = &parsed.interview;
    interview
        .turns
        .iter()
        .map(|turn| {
            let label = interview
                .speaker(&turn.speaker)
                .map(|s| s.label.clone())
                .unwrap_or_default();
            (label, turn.content.len())
        })
        .collect()
}

#[test]
fn labelled_lines_separated_by_single_breaks() {
    let parsed = read_page(
        "<html><body><div id='transcript'>\n<b>HOST:</b> Welcome to the show, today with a glaciologist.<br>\n\
         <b>MARA LIND:</b> Thanks for having me.<br>\n<b>HOST:</b> Why glaciers?<br>\n\
         <b>MARA LIND:</b> My father took me to one.<br>\nIt was loud.<br>\n</div></body></html>",
    );
    assert_eq!(
        turn_summary(&parsed),
        [
            ("HOST".to_string(), 1),
            ("MARA LIND".to_string(), 1),
            ("HOST".to_string(), 1),
            ("MARA LIND".to_string(), 1),
        ]
    );
    // The unlabelled line stays in the answer, after a line break.
    let last = crate::model::blocks_plain_text(&parsed.interview.turns[3].content);
    assert!(
        last.contains("one.") && last.contains("It was loud."),
        "{last}"
    );
}

#[test]
fn a_word_processor_export_styled_by_classes() {
    let parsed = read_page(
        "<html><head><style>.c0{font-weight:700}.c3{font-weight:400}</style></head><body>\
         <p><span class='c0'>A talk with the harbour master</span></p>\
         <p><span class='c3'>Recorded in March on the quay.</span></p>\
         <p><span class='c0'>How long have you worked here?</span></p><p><span class='c3'>Thirty-one years.</span></p>\
         <p><span class='c0'>What changed?</span></p><p><span class='c3'>The boats.</span></p><p><span class='c3'>And the fish.</span></p>\
         </body></html>",
    );
    assert_eq!(
        parsed.interview.meta.title.as_deref(),
        Some("A talk with the harbour master")
    );
    let summary = turn_summary(&parsed);
    assert_eq!(summary.len(), 4);
    assert_eq!(summary[3].1, 2);
    assert_eq!(parsed.interview.speakers[0].role, SpeakerRole::Interviewer);
}

#[test]
fn a_transcript_laid_out_as_a_table_and_definition_pairs() {
    let table = read_page(
        "<html><body><table>\
         <tr><td>Moderator</td><td>Good evening and welcome to the panel on river towns.</td></tr>\
         <tr><td>Ada Brook</td><td><p>Thank you. The river made this town.</p><p>And it still floods.</p></td></tr>\
         <tr><td>Moderator</td><td>How often does it flood now, compared with your childhood?</td></tr>\
         <tr><td>Ada Brook</td><td>Every other winter, where it used to be once in ten.</td></tr>\
         </table></body></html>",
    );
    assert_eq!(
        turn_summary(&table),
        [
            ("Moderator".to_string(), 1),
            ("Ada Brook".to_string(), 2),
            ("Moderator".to_string(), 1),
            ("Ada Brook".to_string(), 1),
        ]
    );
    let pairs = read_page(
        "<html><body><article><p>We spoke to a weaver about her loom and her work.</p><dl>\
         <dt>Why wool?</dt><dd>It forgives mistakes.</dd>\
         <dt>And colour?</dt><dd><p>Madder and woad.</p><p>Nothing else.</p></dd>\
         </dl></article></body></html>",
    );
    let summary = turn_summary(&pairs);
    assert_eq!(summary.len(), 4, "{summary:?}");
    assert_eq!(summary[3].1, 2);
}

#[test]
fn questions_marked_by_class_and_lazy_pictures() {
    let parsed = read_page(
        "<html><body><main><h1>On festivals</h1>\
         <div class='question'><p>Where did the idea come from?</p></div>\
         <div class='answer'><p>From a bus stop in the rain.</p>\
         <img src='data:image/gif;base64,R0lGOD' data-src='/media/stop.jpg' alt='The bus stop' width='640'></div>\
         <p class='question'>How big is it now?</p><p class='answer'>Twelve thousand people.</p>\
         </main><link rel='canonical' href='https://fest.example/talk'></body></html>",
    );
    let interview = &parsed.interview;
    assert_eq!(interview.turns.len(), 4);
    assert_eq!(interview.speakers[0].role, SpeakerRole::Interviewer);
    let figure = interview.turns[1]
        .content
        .iter()
        .find_map(|block| match block {
            crate::model::Block::Figure { figure } => Some(figure),
            _ => None,
        })
        .expect("the picture stays with the answer");
    // A site path is made absolute against the page's address.
    assert_eq!(
        figure.src.as_deref(),
        Some("https://fest.example/media/stop.jpg")
    );
}

#[test]
fn an_article_element_holding_only_the_header_and_a_quoted_interview() {
    let header_only = read_page(
        "<html><body><article><h1>Bells</h1><p class='byline'>By Jo Ames</p></article>\
         <div class='body'><p><b>Jo Ames:</b> How does a bell begin, in your workshop?</p>\
         <p><b>Mia Voss:</b> With a conversation about the note the parish wants.</p>\
         <p><b>Jo Ames:</b> And how does it end, when everything goes well?</p>\
         <p><b>Mia Voss:</b> With silence in the workshop, and someone crying.</p></div></body></html>",
    );
    assert_eq!(header_only.interview.meta.title.as_deref(), Some("Bells"));
    assert_eq!(header_only.interview.turns.len(), 4);
    let quoted = read_page(
        "<html><body><main><p>Our friends at the gazette ran this conversation last week:</p><blockquote>\
         <p><b>Q:</b> What did you plant first in the new garden?</p><p><b>A:</b> Potatoes, because they forgive everything.</p>\
         <p><b>Q:</b> And what came after the potatoes?</p><p><b>A:</b> Beans, then doubt, then more beans.</p>\
         </blockquote></main></body></html>",
    );
    assert_eq!(quoted.interview.turns.len(), 4);
}

#[test]
fn avatars_emoji_and_advert_markers() {
    let parsed = read_page(
        "<html><body><article>\
         <p><img class='avatar' src='/a.png'><strong>Ann:</strong> Did you like the festival this year?</p>\
         <p><img class='avatar' src='/b.png'><strong>Bo:</strong> Loved it <img class='wp-smiley emoji' alt='\u{1F642}' src='/s.svg'> truly.</p>\
         <div>Advertisement</div>\
         <p>And the food was better than ever before.</p>\
         <p><strong>Ann:</strong> Will you go back?</p><p><strong>Bo:</strong> Every year.</p>\
         </article></body></html>",
    );
    let interview = &parsed.interview;
    assert_eq!(interview.turns.len(), 4);
    let answer = crate::model::blocks_plain_text(&interview.turns[1].content);
    assert!(answer.contains("Loved it \u{1F642} truly."), "{answer}");
    assert!(!answer.contains("Advertisement"), "{answer}");
    assert_eq!(interview.turns[1].content.len(), 2);
}

#[test]
fn labels_linked_to_profiles_and_times_linked_to_the_recording() {
    let parsed = read_page(
        "<html><body><article>\
         <p><a href='#t=1'>00:01</a> <strong>Mat Ryer:</strong> Hello and welcome, today with Jo Lane.</p>\
         <p><a href='https://x.example/jo'><strong>Jo Lane:</strong></a> Thanks for having me here.</p>\
         <p><strong><a href='https://x.example/mat'>Mat Ryer</a>:</strong> What are you building?</p>\
         <p><strong><a href='https://x.example/jo'>Jo Lane</a>:</strong> A tiny database.</p>\
         </article></body></html>",
    );
    assert_eq!(
        turn_summary(&parsed),
        [
            ("Mat Ryer".to_string(), 1),
            ("Jo Lane".to_string(), 1),
            ("Mat Ryer".to_string(), 1),
            ("Jo Lane".to_string(), 1),
        ]
    );
    let first = &parsed.interview.turns[0].content;
    assert!(
        crate::model::blocks_plain_text(first).starts_with("[00:01]"),
        "{first:?}"
    );
}

#[test]
fn figures_without_pictures_keep_their_content() {
    let parsed = read_page(
        "<html><body><article>\
         <p><strong>Ann:</strong> What do the numbers say about the ferry, in the end?</p>\
         <p><strong>Bo:</strong> See for yourself.</p>\
         <figure class='wp-block-table'><table><tr><th>Year</th><th>Crossings</th></tr><tr><td>2023</td><td>4,100</td></tr></table>\
         <figcaption>Crossings by year</figcaption></figure>\
         <figure class='wp-block-pullquote'><blockquote><p>See for yourself.</p></blockquote></figure>\
         <p><strong>Ann:</strong> Thank you.</p><p><strong>Bo:</strong> Thank you.</p>\
         </article></body></html>",
    );
    let answer = &parsed.interview.turns[1].content;
    assert!(
        answer
            .iter()
            .any(|b| matches!(b, crate::model::Block::Table { .. })),
        "{answer:?}"
    );
    let text = crate::model::blocks_plain_text(answer);
    assert!(text.contains("Crossings by year"), "{text}");
    assert_eq!(text.matches("See for yourself.").count(), 1, "{text}");
}
