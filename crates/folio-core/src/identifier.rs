//! A stable identifier for an interview: the same interview read again gets
//! the same id, so e-books rebuilt from it keep their identity.

use uuid::Uuid;

use crate::model::{Interview, blocks_plain_text};

/// `urn:uuid:…` derived from the source URL when there is one, else from the
/// title, date, speakers and words of the turns.
pub fn stable_identifier(interview: &Interview) -> String {
    let uuid = match &interview.meta.source_url {
        Some(url) => Uuid::new_v5(&Uuid::NAMESPACE_URL, url.as_bytes()),
        None => {
            let mut key = String::new();
            key.push_str(interview.meta.title.as_deref().unwrap_or(""));
            key.push('\u{1f}');
            if let Some(date) = interview.meta.published {
                key.push_str(&date.to_string());
            }
            for speaker in &interview.speakers {
                key.push('\u{1f}');
                key.push_str(&speaker.label);
            }
            for turn in &interview.turns {
                key.push('\u{1e}');
                key.push_str(&blocks_plain_text(&turn.content));
            }
            Uuid::new_v5(&FOLIO_NAMESPACE, key.as_bytes())
        }
    };
    format!("urn:uuid:{uuid}")
}

/// Folio's own namespace for content-derived ids (a v5 id of the name "folio").
const FOLIO_NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_7a8e_2b4d_5e3f_9a10_3c5d_7e8f_9012);
