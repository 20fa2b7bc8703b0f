//! The output intent PDF/A asks for: the colour space the file's RGB
//! numbers mean, sRGB, with its ICC profile embedded. The profile is made
//! from the sRGB definition (IEC 61966-2-1) by moxcms, not copied from
//! anywhere; its creation date is fixed so the file's bytes depend only
//! on the document.

use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// The header's creation date field (ICC.1:2010 §7.2.1: bytes 24–35, six
/// big-endian 16-bit numbers): 2000-01-01 00:00:00.
const PROFILE_DATE: [u16; 6] = [2000, 1, 1, 0, 0, 0];

/// The sRGB profile, made once.
fn srgb_profile() -> Option<&'static [u8]> {
    static PROFILE: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    PROFILE
        .get_or_init(|| {
            let mut profile = moxcms::ColorProfile::new_srgb();
            // Without the CICP tag the profile is ICC version 4.0, the
            // version PDF 1.7 (and so PDF/A-2) knows.
            profile.cicp = None;
            let mut bytes = profile.encode().ok()?;
            for (k, value) in PROFILE_DATE.iter().enumerate() {
                let at = 24 + 2 * k;
                bytes
                    .get_mut(at..at + 2)?
                    .copy_from_slice(&value.to_be_bytes());
            }
            Some(bytes)
        })
        .as_deref()
}

/// Adds the sRGB output intent; `None` if the profile could not be made.
pub fn add_output_intent(lo: &mut lopdf::Document) -> Option<ObjectId> {
    let profile = srgb_profile()?;
    let mut dict = Dictionary::new();
    dict.set("N", Object::Integer(3));
    let stream = crate::emit::deflate::with_dict(dict, profile.to_vec());
    let profile = lo.add_object(Object::Stream(stream));
    let name = |text: &str| Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set("OutputConditionIdentifier", name("sRGB IEC61966-2.1"));
    intent.set("RegistryName", name("http://www.color.org"));
    intent.set("Info", name("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(profile));
    Some(lo.add_object(intent))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_an_srgb_display_profile_of_version_4_with_a_fixed_date() {
        let profile = srgb_profile().expect("profile");
        assert_eq!(
            u32::from_be_bytes(profile[0..4].try_into().unwrap()) as usize,
            profile.len()
        );
        assert_eq!(&profile[36..40], b"acsp");
        assert_eq!(&profile[12..16], b"mntr");
        assert_eq!(&profile[16..20], b"RGB ");
        assert_eq!(profile[8], 4);
        assert_eq!(&profile[24..26], &2000u16.to_be_bytes());
        let parsed = moxcms::ColorProfile::new_from_slice(profile).expect("parses back");
        assert_eq!(parsed.color_space, moxcms::DataColorSpace::Rgb);
    }
}
