//! The layout engine: shaping, line breaking, hyphenation, pagination.
//! Independent of PDF; produces a [`tree::Document`].

pub mod bidi;
pub mod book;
pub mod compose;
pub mod document;
pub mod flow;
pub mod hyphenate;
pub mod items;
pub mod linebreak;
pub mod running_head;
pub mod setline;
pub mod shape;
pub mod shaping_font;
pub mod style;
pub mod table;
pub mod text;
pub mod tree;
