//! Document information dictionary and XMP metadata.

use folio_core::DateTime;
use lopdf::{Dictionary, Object, Stream, StringFormat};

/// What the PDF says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentMeta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub language: String,
    pub date: DateTime,
    pub identifier: String,
    /// The standards the file declares it meets.
    pub standards: folio_core::PdfStandards,
}

/// A text string: ASCII as a literal, anything else UTF-16BE with a BOM.
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut data = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            data.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(data, StringFormat::Hexadecimal)
    }
}

/// `D:YYYYMMDDHHmmSSZ` in UTC.
pub fn pdf_date(date: &DateTime) -> String {
    let utc = DateTime::from_unix_seconds(date.unix_seconds()).unwrap_or(*date);
    let time = utc.time.unwrap_or_default();
    format!("D:{}Z", utc.date.and_time(time).format("%Y%m%d%H%M%S"))
}

fn iso_date(date: &DateTime) -> String {
    let utc = DateTime::from_unix_seconds(date.unix_seconds()).unwrap_or(*date);
    let time = utc.time.unwrap_or_default();
    format!("{}Z", utc.date.and_time(time).format("%Y-%m-%dT%H:%M:%S"))
}

/// Keywords joined so that each stays whole (`;` separates, as readers expect).
pub fn keywords_line(keywords: &[String]) -> String {
    keywords.join("; ")
}

pub fn info_dictionary(meta: &DocumentMeta) -> Dictionary {
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&keywords_line(&meta.keywords)));
    }
    info.set("Creator", text_string("Folio"));
    info.set("Producer", text_string("Folio"));
    let date = Object::String(pdf_date(&meta.date).into_bytes(), StringFormat::Literal);
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info
}

/// The XMP packet: Dublin Core title, creator, description, subject and
/// language, plus the PDF and XMP basics.
pub fn xmp_stream(meta: &DocumentMeta) -> Stream {
    let date = iso_date(&meta.date);
    let keywords: String = meta
        .keywords
        .iter()
        .map(|k| format!("<rdf:li>{}</rdf:li>", escape(k)))
        .collect();
    let creator = if meta.author.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            escape(&meta.author)
        )
    };
    let description = if meta.subject.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            escape(&meta.subject)
        )
    };
    let subject = if keywords.is_empty() {
        String::new()
    } else {
        format!("<dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>")
    };
    let xml = format!(
        concat!(
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "{body}",
            "{claims}",
            "</rdf:RDF>\n</x:xmpmeta>\n",
            "<?xpacket end=\"r\"?>"
        ),
        body = description_block(meta, &creator, &description, &subject, &date),
        claims = claims(meta.standards),
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    // Metadata stays uncompressed so tools can find it without a PDF parser.
    Stream::new(dict, xml.into_bytes()).with_compression(false)
}

/// The standards the file claims: `pdfuaid:part` for PDF/UA-1,
/// `pdfaid:part` and `conformance` for PDF/A-2. PDF/A admits only the
/// schemas it predefines or that the file describes, so with both the
/// PDF/UA schema is described in a PDF/A extension schema.
fn claims(standards: folio_core::PdfStandards) -> String {
    let mut out = String::new();
    if let Some(level) = standards.archive {
        out.push_str(&format!(
            concat!(
                "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n",
                "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>{}</pdfaid:conformance>\n",
                "</rdf:Description>\n"
            ),
            level.conformance()
        ));
        if standards.ua1 {
            out.push_str(concat!(
                "<rdf:Description rdf:about=\"\" ",
                "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" ",
                "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" ",
                "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
                "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n",
                "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
                "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
                "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
                "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n",
                "<pdfaProperty:name>part</pdfaProperty:name>\n",
                "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
                "<pdfaProperty:category>internal</pdfaProperty:category>\n",
                "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n",
                "</rdf:li></rdf:Seq></pdfaSchema:property>\n",
                "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n",
                "</rdf:Description>\n"
            ));
        }
    }
    if standards.ua1 {
        out.push_str(concat!(
            "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
            "<pdfuaid:part>1</pdfuaid:part>\n",
            "</rdf:Description>\n"
        ));
    }
    out
}

/// The Dublin Core, PDF and XMP basics.
fn description_block(
    meta: &DocumentMeta,
    creator: &str,
    description: &str,
    subject: &str,
    date: &str,
) -> String {
    format!(
        concat!(
            "<rdf:Description rdf:about=\"\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ",
            "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" ",
            "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" ",
            "xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "{creator}{description}{subject}\n",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n",
            "<dc:identifier>{id}</dc:identifier>\n",
            "<pdf:Keywords>{kw}</pdf:Keywords>\n",
            "<pdf:Producer>Folio</pdf:Producer>\n",
            "<xmp:CreatorTool>Folio</xmp:CreatorTool>\n",
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n",
            "<xmp:ModifyDate>{date}</xmp:ModifyDate>\n",
            "<xmp:MetadataDate>{date}</xmp:MetadataDate>\n",
            "<xmpMM:DocumentID>{id}</xmpMM:DocumentID>\n",
            "</rdf:Description>\n"
        ),
        title = escape(&meta.title),
        creator = creator,
        description = description,
        subject = subject,
        lang = escape(&meta.language),
        id = escape(&meta.identifier),
        kw = escape(&keywords_line(&meta.keywords)),
        date = date,
    )
}

/// Text for XML, by core's one escaper: markup escaped, and the
/// characters XML 1.0 cannot hold left out, so that no title can make the
/// packet malformed.
fn escape(text: &str) -> String {
    folio_core::xml::text(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_survive_in_the_title() {
        let s = text_string("Reader’s “Reflections”");
        let Object::String(bytes, _) = s else {
            panic!("not a string")
        };
        assert_eq!(&bytes[..2], &[0xFE, 0xFF]);
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(String::from_utf16_lossy(&units), "Reader’s “Reflections”");
    }

    #[test]
    fn dates_are_utc() {
        let d = DateTime::from_unix_seconds(1_700_000_000).map(|d| pdf_date(&d));
        assert_eq!(d.as_deref(), Some("D:20231114221320Z"));
    }
}
