//! Lists in `word/numbering.xml`: whether a numbering instance at a level
//! counts (decimal, letters, roman numerals) or marks items with bullets.

use std::collections::HashMap;

use roxmltree::Document;

use super::xml::{self, attr, child, child_val};

#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract numbering id → level → numFmt.
    formats: HashMap<String, HashMap<usize, String>>,
    /// Numbering instance id → abstract numbering id.
    instances: HashMap<String, String>,
    /// Level overrides of an instance: `(num id, level)` → numFmt.
    overrides: HashMap<(String, usize), String>,
}

impl Numbering {
    pub fn parse(document: Option<&Document>) -> Self {
        let mut numbering = Numbering::default();
        let Some(document) = document else {
            return numbering;
        };
        let level_formats = |node: roxmltree::Node| -> Vec<(usize, String)> {
            node.descendants()
                .filter(|n| xml::is(*n, "lvl"))
                .filter_map(|level| {
                    let index = attr(level, "ilvl")?.parse().ok()?;
                    Some((index, child_val(level, "numFmt")?.to_string()))
                })
                .collect()
        };
        for node in document.root_element().children() {
            if xml::is(node, "abstractNum")
                && let Some(id) = attr(node, "abstractNumId")
            {
                numbering
                    .formats
                    .insert(id.to_string(), level_formats(node).into_iter().collect());
            } else if xml::is(node, "num")
                && let Some(id) = attr(node, "numId")
            {
                if let Some(abstract_id) = child_val(node, "abstractNumId") {
                    numbering
                        .instances
                        .insert(id.to_string(), abstract_id.to_string());
                }
                for over in node.children().filter(|n| xml::is(*n, "lvlOverride")) {
                    if child(over, "lvl").is_some() {
                        for (level, format) in level_formats(over) {
                            numbering.overrides.insert((id.to_string(), level), format);
                        }
                    }
                }
            }
        }
        numbering
    }

    /// Whether list `num_id` counts its items at `level`; `None` when the
    /// numbering part does not say.
    pub fn ordered(&self, num_id: &str, level: usize) -> Option<bool> {
        let format = self
            .overrides
            .get(&(num_id.to_string(), level))
            .or_else(|| {
                let abstract_id = self.instances.get(num_id)?;
                self.formats.get(abstract_id)?.get(&level)
            })?;
        Some(!matches!(format.as_str(), "bullet" | "none"))
    }
}
