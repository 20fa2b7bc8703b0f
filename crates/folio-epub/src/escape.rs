//! Escaping for XML text and attributes in the XHTML, SVG and package
//! documents: core's one escaper (characters XML 1.0 forbids are dropped:
//! one of them anywhere makes the whole file fatal to a reading system).

pub use folio_core::xml::{attr, is_xml_char, push_text, text, xml_safe};
