//! The XHTML content documents of the book.

mod book_page;
mod chapters;
mod content;
mod document;
mod title_page;
mod turns;

pub use book_page::anthology_title_page;
pub use chapters::{Chapter, Matter, chapters};
pub use content::ContentWriter;
pub use document::document;
