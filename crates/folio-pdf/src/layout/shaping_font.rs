//! Fonts as HarfRust shapes with them, with their shape plans. The
//! built-in faces' are made once per process: the OpenType lookups and plans
//! they build on first use then serve every document of a batch, and
//! [`prepare`] can build them while a program reads its input.

use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use crate::fonts::{EMBEDDED, FontData};

/// Plans by script and direction.
type Plans = Vec<(
    Option<harfrust::Script>,
    harfrust::Direction,
    Arc<harfrust::ShapePlan>,
)>;

/// A font ready for shaping.
pub struct ShapingFont {
    pub font: harfrust::Font,
    /// Shape plans are costly to build: one per script and direction.
    plans: RwLock<Plans>,
}

impl std::fmt::Debug for ShapingFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShapingFont")
            .field("units_per_em", &self.font.units_per_em())
            .finish_non_exhaustive()
    }
}

impl ShapingFont {
    fn new(font: harfrust::Font) -> Self {
        ShapingFont {
            font,
            plans: RwLock::new(Vec::new()),
        }
    }

    /// The shaping font for a face; `None` for a font that read-fonts
    /// cannot read.
    pub fn for_face(data: &FontData, index: u32) -> Option<Arc<ShapingFont>> {
        match data {
            FontData::Embedded(data) => {
                if index == 0
                    && let Some(at) = EMBEDDED.iter().position(|(_, e)| std::ptr::eq(*e, *data))
                {
                    return built_in().get(at).cloned().flatten();
                }
                harfrust::Font::new(*data, index).map(|f| Arc::new(ShapingFont::new(f)))
            }
            FontData::Loaded(data) => {
                let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = data.clone();
                harfrust::Font::new(shared, index).map(|f| Arc::new(ShapingFont::new(f)))
            }
        }
    }

    /// The plan for a script and direction, made on first use.
    pub fn plan(
        &self,
        script: Option<harfrust::Script>,
        direction: harfrust::Direction,
    ) -> Arc<harfrust::ShapePlan> {
        let find = |plans: &Plans| {
            plans
                .iter()
                .find(|(s, d, _)| *s == script && *d == direction)
                .map(|(.., plan)| Arc::clone(plan))
        };
        if let Some(plan) = find(&self.plans.read().unwrap_or_else(PoisonError::into_inner)) {
            return plan;
        }
        let mut plans = self.plans.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(plan) = find(&plans) {
            return plan;
        }
        let plan = Arc::new(harfrust::ShapePlan::new(
            &self.font,
            direction,
            script,
            None,
            &[],
        ));
        plans.push((script, direction, Arc::clone(&plan)));
        plan
    }
}

/// The built-in faces' shaping fonts, in [`EMBEDDED`]'s order.
fn built_in() -> &'static [Option<Arc<ShapingFont>>] {
    static FONTS: OnceLock<Vec<Option<Arc<ShapingFont>>>> = OnceLock::new();
    FONTS.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(_, data)| harfrust::Font::new(*data, 0).map(|f| Arc::new(ShapingFont::new(f))))
            .collect()
    })
}

/// Makes the built-in faces ready to shape Latin text before the first
/// document needs them: their plans and the lookups that shaping builds on
/// first use. Typesetting does this itself when needed; a program can call
/// this on another thread while it reads its input, so that the first
/// paragraphs do not wait for it.
pub fn prepare() {
    const SAMPLE: &str = "Often, the “first” office affords 42 fine views—and a kiosk’s AVA.";
    for font in built_in().iter().flatten() {
        let mut buffer = harfrust::Buffer::new();
        buffer.push_str(SAMPLE);
        buffer.guess_segment_properties();
        let plan = font.plan(buffer.script(), buffer.direction());
        let shaper = harfrust::ShaperFont::new(&font.font);
        let options = harfrust::ShapeOptions::new().plan(Some(&plan));
        // Only the tables built on the way matter, not the glyphs.
        let _ = harfrust::shape(&shaper, &mut buffer, options);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn built_in_faces_share_one_shaping_font_per_process() {
        prepare();
        let (_, serif) = EMBEDDED[0];
        let a = ShapingFont::for_face(&FontData::Embedded(serif), 0).unwrap();
        let b = ShapingFont::for_face(&FontData::Embedded(serif), 0).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        // A document's built-in serif is that font.
        let book = crate::fonts::FontBook::for_text("a", &Default::default()).unwrap();
        let face = &book.faces[0];
        let from_book = ShapingFont::for_face(&face.data, face.index).unwrap();
        assert!(Arc::ptr_eq(&a, &from_book));
        // A copy of the same bytes elsewhere is a font of its own.
        let loaded = FontData::Loaded(Arc::new(serif.to_vec()));
        let c = ShapingFont::for_face(&loaded, 0).unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        let plan = a.plan(
            Some(harfrust::Script::LATIN),
            harfrust::Direction::LeftToRight,
        );
        let again = b.plan(
            Some(harfrust::Script::LATIN),
            harfrust::Direction::LeftToRight,
        );
        assert!(Arc::ptr_eq(&plan, &again));
    }
}
