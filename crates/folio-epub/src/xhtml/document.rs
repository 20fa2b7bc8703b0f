//! The frame every content document shares: XML declaration, namespaces,
//! language, direction and the stylesheet link.

use crate::escape;
use folio_core::{Direction, Language};

/// The name of the stylesheet inside the package, beside the documents.
pub const STYLESHEET: &str = "stylesheet.css";

/// Wraps `body` (the markup inside `<body>`) into a complete XHTML document.
pub fn document(language: &Language, title: &str, body_type: &str, body: &str) -> String {
    let lang = escape::attr(language.tag());
    let dir = match language.direction() {
        Direction::Rtl => " dir=\"rtl\"",
        Direction::Ltr => "",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"{lang}\" lang=\"{lang}\"{dir}>\n\
         <head>\n\
         <meta charset=\"utf-8\"/>\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" type=\"text/css\" href=\"{STYLESHEET}\"/>\n\
         </head>\n\
         <body epub:type=\"{body_type}\">\n\
         {body}\
         </body>\n\
         </html>\n",
        title = escape::text(title),
    )
}
