//! The same input gives the same bytes, also for several conversions in one
//! process, even though docx-rs keeps process-global id counters.

// A failed expectation in a test or benchmark is a panic by design.
#![allow(clippy::panic)]

mod common;

use common::{fixture, options, write};
use docx_rs::{Hyperlink, HyperlinkType, Paragraph, Run};

#[test]
fn two_conversions_in_one_process_are_identical() {
    let interview = fixture("rich.json");
    let first = write(&interview, &options());
    // Advance docx-rs's global hyperlink and paragraph counters in between.
    for _ in 0..5 {
        let _ = Paragraph::new().add_hyperlink(
            Hyperlink::new("https://example.org", HyperlinkType::External).add_run(Run::new()),
        );
    }
    let _ = write(&fixture("chinese.json"), &options());
    let second = write(&interview, &options());
    assert!(
        first == second,
        "the second conversion differs from the first"
    );
}

#[test]
fn conversions_on_other_threads_are_identical() {
    let interview = fixture("rich.json");
    let here = write(&interview, &options());
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let interview = interview.clone();
            std::thread::spawn(move || write(&interview, &options()))
        })
        .collect();
    for handle in handles {
        let there = handle.join().unwrap_or_default();
        assert!(here == there, "a conversion on another thread differs");
    }
}

#[test]
fn the_date_stamped_into_the_file_follows_source_date_epoch() {
    let interview = fixture("rich.json");
    let stamped = |epoch| {
        write(
            &interview,
            &folio_docx::DocxOptions {
                common: folio_core::WriterOptions {
                    source_date_epoch: Some(epoch),
                    ..options().common
                },
                ..options()
            },
        )
    };
    assert!(stamped(1_700_000_000) == stamped(1_700_000_000));
    assert!(stamped(1_700_000_000) != stamped(1_600_000_000));
}
