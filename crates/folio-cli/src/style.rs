//! `folio style` and finding the house style for a conversion.

use std::path::Path;

use anyhow::{Context, Result, bail};
use folio_core::{DEFAULT_STYLE_TOML, HouseStyle};

use crate::cli::StyleArgs;
use crate::input::UsageError;

pub fn run(args: &StyleArgs) -> Result<()> {
    if args.print_default {
        print!("{DEFAULT_STYLE_TOML}");
        return Ok(());
    }
    if let Some(path) = &args.check {
        let style = load(path)?;
        let toml = toml_of(&style)?;
        print!("{toml}");
        return Ok(());
    }
    bail!(UsageError(
        "folio style needs --print-default or --check FILE".into()
    ))
}

fn toml_of(style: &HouseStyle) -> Result<String> {
    // serde_json keeps the field order; the TOML is for people to read.
    let value = serde_json::to_value(style)?;
    let mut out = String::new();
    if let serde_json::Value::Object(map) = value {
        for (key, value) in map {
            if !value.is_null() {
                out.push_str(&format!("{key} = {value}\n"));
            }
        }
    }
    Ok(out)
}

pub fn load(path: &Path) -> Result<HouseStyle> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the house style", path.display()))?;
    Ok(HouseStyle::from_toml(&text, &path.display().to_string())?)
}

/// `--style FILE`, else `folio.toml` in the current folder, else the default.
pub fn resolve(explicit: Option<&Path>) -> Result<HouseStyle> {
    match explicit {
        Some(path) => load(path),
        None => {
            let local = Path::new("folio.toml");
            if local.is_file() {
                load(local)
            } else {
                Ok(HouseStyle::default())
            }
        }
    }
}
