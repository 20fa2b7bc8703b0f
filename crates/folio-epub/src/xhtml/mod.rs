//! The XHTML content documents of the book.

mod chapters;
mod content;
mod document;
mod title_page;
mod turns;

pub use chapters::{Chapter, Matter, chapters};
pub use content::ContentWriter;
pub use document::document;
