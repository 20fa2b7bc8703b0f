//! Writes the exception words of the `hyphenation` crate's US English
//! dictionary as static tables (`OUT_DIR/english_exceptions.rs`): English
//! is hyphenated with hypher's compiled patterns plus these words, which
//! gives the dictionary's points without decoding it at run time (see
//! `layout::hyphenate`). The tables hold bytes and integers only, no
//! pointers, so the loader has nothing to relocate in them at start-up.

use std::fmt::Write as _;
use std::path::Path;

use hyphenation::{Language, Load, Standard};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let dictionary = Standard::from_embedded(Language::EnglishUS)?;
    let mut words: Vec<(&String, &Vec<usize>)> = dictionary.exceptions.0.iter().collect();
    words.sort();
    let (mut text, mut points, mut entries) = (Vec::new(), Vec::new(), String::new());
    for (word, at) in words {
        let start = u32::try_from(text.len())?;
        let first = u16::try_from(points.len())?;
        text.extend_from_slice(word.as_bytes());
        for &p in at {
            points.push(u8::try_from(p)?);
        }
        write!(
            entries,
            "({start}, {}, {first}, {}), ",
            u8::try_from(word.len())?,
            u8::try_from(at.len())?
        )?;
    }
    let mut table = String::new();
    writeln!(
        table,
        "/// The exception words of the US English dictionary, sorted (by\n\
         /// bytes) and run together.\n\
         pub static WORDS: [u8; {}] = {:?};",
        text.len(),
        text
    )?;
    writeln!(
        table,
        "/// Per word: where it starts in `WORDS`, its length, where its\n\
         /// points start in `POINTS` and how many it has.\n\
         pub static ENTRIES: [(u32, u8, u16, u8); {}] = [{entries}];",
        entries.matches("), ").count()
    )?;
    writeln!(
        table,
        "/// Byte offsets where the words may be hyphenated.\n\
         pub static POINTS: [u8; {}] = {:?};",
        points.len(),
        points
    )?;
    let out = Path::new(&std::env::var("OUT_DIR")?).join("english_exceptions.rs");
    std::fs::write(out, table)?;
    Ok(())
}
