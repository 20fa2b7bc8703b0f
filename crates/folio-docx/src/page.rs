//! Page geometry from the paper size and the house style's margins.

use folio_core::{HouseStyle, Paper};

/// Page geometry in twentieths of a point (twips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSetup {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    /// Distance of the header from the top edge and of the footer from the bottom.
    pub header_distance: u32,
    pub footer_distance: u32,
}

/// Half an inch: where Word puts headers and footers by default.
const FURNITURE_DISTANCE: u32 = 720;

impl PageSetup {
    pub fn new(paper: Paper, style: &HouseStyle) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        };
        let [top, right, bottom, left] = style.margins_mm.map(mm_to_twips);
        PageSetup {
            width,
            height,
            top,
            right,
            bottom,
            left,
            // Within a narrow margin the header sits at the margin's edge.
            header_distance: FURNITURE_DISTANCE.min(top),
            footer_distance: FURNITURE_DISTANCE.min(bottom),
        }
    }

    /// Width of the text column in twips.
    pub fn text_width(self) -> u32 {
        self.width.saturating_sub(self.left + self.right)
    }

    /// Width and height of the text area in EMU, for sizing pictures.
    pub fn text_box_emu(self) -> (u32, u32) {
        const EMU_PER_TWIP: u32 = 635;
        let height = self.height.saturating_sub(self.top + self.bottom);
        (self.text_width() * EMU_PER_TWIP, height * EMU_PER_TWIP)
    }
}

/// Millimetres as twips; negative or absurd values become 0 or are capped.
fn mm_to_twips(mm: f32) -> u32 {
    let twips = (f64::from(mm) * 1440.0 / 25.4).round();
    if twips.is_nan() || twips <= 0.0 {
        0
    } else {
        // Half an A4 page at most, so the text area never goes negative.
        (twips.min(5000.0)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_come_from_the_style() {
        let style = HouseStyle {
            margins_mm: [25.4, 12.7, 0.0, 50.8],
            ..HouseStyle::default()
        };
        let page = PageSetup::new(Paper::Letter, &style);
        assert_eq!(
            (page.top, page.right, page.bottom, page.left),
            (1440, 720, 0, 2880)
        );
        assert_eq!((page.header_distance, page.footer_distance), (720, 0));
        assert_eq!(page.text_width(), 12240 - 720 - 2880);
        let default = PageSetup::new(Paper::A4, &HouseStyle::default());
        assert_eq!(
            (default.top, default.right, default.bottom, default.left),
            (1559, 1757, 1531, 1757)
        );
    }
}
