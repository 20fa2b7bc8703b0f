//! Embeds every file of the web page (`src/serve/page/`) in the binary, so
//! that `folio serve` works offline and a new page file needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let folder = Path::new("src/serve/page");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().is_file())
                .filter_map(|entry| entry.file_name().into_string().ok())
                .filter(|name| !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut table = String::from("&[\n");
    for name in &names {
        println!("cargo:rerun-if-changed={}/{name}", folder.display());
        let _ = writeln!(
            table,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/serve/page/\", {name:?}))),"
        );
    }
    table.push(']');
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(err) = std::fs::write(Path::new(&out).join("page_assets.rs"), table) {
        println!("cargo:warning=cannot write the page's table: {err}");
    }
}
