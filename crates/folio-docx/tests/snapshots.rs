//! Pretty-printed `word/document.xml` and `word/styles.xml` of the samples.

mod common;

use common::{fixture, options, part, pretty, unzip, write};

fn snapshot(fixture_name: &str, name: &str) {
    let parts = unzip(&write(&fixture(fixture_name), &options()));
    insta::assert_snapshot!(
        format!("{name}_document"),
        pretty(&part(&parts, "word/document.xml"))
    );
    insta::assert_snapshot!(
        format!("{name}_styles"),
        pretty(&part(&parts, "word/styles.xml"))
    );
}

#[test]
fn rich_interview() {
    snapshot("rich.json", "rich");
}

#[test]
fn chinese_interview() {
    snapshot("chinese.json", "chinese");
}
