//! Writes the exception words of the `hyphenation` crate's US English
//! dictionary as a static table (`OUT_DIR/english_exceptions.rs`): English
//! is hyphenated with hypher's compiled patterns plus these words, which
//! gives the dictionary's points without decoding it at run time (see
//! `layout::hyphenate`).

use std::fmt::Write as _;
use std::path::Path;

use hyphenation::{Language, Load, Standard};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let dictionary = Standard::from_embedded(Language::EnglishUS)?;
    let mut words: Vec<(&String, &Vec<usize>)> = dictionary.exceptions.0.iter().collect();
    words.sort();
    let mut table = String::from(
        "/// The US English dictionary's exception words (lower case, sorted)\n\
         /// with the byte offsets where each may be hyphenated.\n\
         pub static ENGLISH_US: &[(&str, &[u8])] = &[\n",
    );
    for (word, points) in words {
        let points = points
            .iter()
            .map(|&p| u8::try_from(p))
            .collect::<Result<Vec<u8>, _>>()?;
        writeln!(table, "    ({word:?}, &{points:?}),")?;
    }
    table.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR")?).join("english_exceptions.rs");
    std::fs::write(out, table)?;
    Ok(())
}
