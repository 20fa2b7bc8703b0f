//! Figure images as XObjects with their original data: JPEG as DCTDecode,
//! PNG image data as FlateDecode with the PNG predictor, decoded samples
//! Flate-compressed here.

use lopdf::{Dictionary, Object, Stream};

use crate::emit::content::image_name;
use crate::emit::deflate;
use crate::image::{Image, ImageData};

/// Adds every image; returns the `/XObject` resources naming them.
pub fn add_images(lo: &mut lopdf::Document, images: &[Image]) -> Dictionary {
    let mut xobjects = Dictionary::new();
    for (i, image) in images.iter().enumerate() {
        let mut main = stream(image);
        if let ImageData::Raw {
            alpha: Some(alpha), ..
        } = &image.data
        {
            let mask = lo.add_object(Object::Stream(plane(image, alpha, 1)));
            main.dict.set("SMask", Object::Reference(mask));
        }
        let id = lo.add_object(Object::Stream(main));
        xobjects.set(image_name(i), Object::Reference(id));
    }
    xobjects
}

/// A plane of 8-bit samples as a compressed image stream.
fn plane(image: &Image, samples: &[u8], colors: u8) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(i64::from(image.width)));
    dict.set("Height", Object::Integer(i64::from(image.height)));
    let space: &[u8] = if colors == 1 {
        b"DeviceGray"
    } else {
        b"DeviceRGB"
    };
    dict.set("ColorSpace", Object::Name(space.to_vec()));
    dict.set("BitsPerComponent", Object::Integer(8));
    deflate::with_dict(dict, samples.to_vec())
}

fn stream(image: &Image) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(i64::from(image.width)));
    dict.set("Height", Object::Integer(i64::from(image.height)));
    match &image.data {
        ImageData::Raw { color, colors, .. } => plane(image, color, *colors),
        ImageData::Jpeg { bytes, components } => {
            let space: &[u8] = if *components == 1 {
                b"DeviceGray"
            } else {
                b"DeviceRGB"
            };
            dict.set("ColorSpace", Object::Name(space.to_vec()));
            dict.set("BitsPerComponent", Object::Integer(8));
            dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
            Stream::new(dict, bytes.clone()).with_compression(false)
        }
        ImageData::Png {
            zlib,
            bit_depth,
            colors,
            palette,
        } => {
            let space = match palette {
                Some(p) => Object::Array(vec![
                    Object::Name(b"Indexed".to_vec()),
                    Object::Name(b"DeviceRGB".to_vec()),
                    Object::Integer((p.len() / 3).saturating_sub(1) as i64),
                    Object::String(p.clone(), lopdf::StringFormat::Hexadecimal),
                ]),
                None if *colors == 1 => Object::Name(b"DeviceGray".to_vec()),
                None => Object::Name(b"DeviceRGB".to_vec()),
            };
            dict.set("ColorSpace", space);
            dict.set("BitsPerComponent", Object::Integer(i64::from(*bit_depth)));
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            let mut parms = Dictionary::new();
            parms.set("Predictor", Object::Integer(15));
            parms.set("Colors", Object::Integer(i64::from(*colors)));
            parms.set("BitsPerComponent", Object::Integer(i64::from(*bit_depth)));
            parms.set("Columns", Object::Integer(i64::from(image.width)));
            dict.set("DecodeParms", Object::Dictionary(parms));
            Stream::new(dict, zlib.clone()).with_compression(false)
        }
    }
}
