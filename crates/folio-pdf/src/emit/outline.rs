//! The document outline (bookmarks): questions in reading order; in a
//! book, each interview with its questions below it.

use lopdf::{Dictionary, Object, ObjectId};

use crate::emit::metadata::text_string;
use crate::layout::tree::{Document, OutlineEntry};

/// Adds the outline; `None` when there is nothing to bookmark.
pub fn add_outline(
    lo: &mut lopdf::Document,
    doc: &Document,
    pages: &[ObjectId],
) -> Option<ObjectId> {
    let entries: Vec<(&OutlineEntry, ObjectId)> = doc
        .outline
        .iter()
        .filter_map(|e| pages.get(e.page).map(|p| (e, *p)))
        .collect();
    if entries.is_empty() {
        return None;
    }
    // Top-level items with the level-2 items that follow each.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, (entry, _)) in entries.iter().enumerate() {
        match groups.last_mut() {
            Some((_, children)) if entry.level > 1 => children.push(i),
            _ => groups.push((i, Vec::new())),
        }
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    let top: Vec<usize> = groups.iter().map(|(i, _)| *i).collect();
    for (parent, children) in &groups {
        let parent = *parent;
        let mut item = item(&entries[parent], doc.height);
        item.set("Parent", Object::Reference(root));
        link_siblings(&mut item, &top, parent, &ids);
        if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
            item.set("First", Object::Reference(ids[first]));
            item.set("Last", Object::Reference(ids[last]));
            // Closed: a book's outline shows its interviews, each opening
            // to its questions.
            item.set("Count", Object::Integer(-(children.len() as i64)));
        }
        for &child in children {
            let mut sub = self::item(&entries[child], doc.height);
            sub.set("Parent", Object::Reference(ids[parent]));
            link_siblings(&mut sub, children, child, &ids);
            lo.objects.insert(ids[child], Object::Dictionary(sub));
        }
        lo.objects.insert(ids[parent], Object::Dictionary(item));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[top[0]]));
    outlines.set("Last", Object::Reference(ids[top[top.len() - 1]]));
    outlines.set("Count", Object::Integer(top.len() as i64));
    lo.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// An item jumping to its entry's first line.
fn item((entry, page): &(&OutlineEntry, ObjectId), height: f32) -> Dictionary {
    let mut item = Dictionary::new();
    item.set("Title", text_string(&entry.title));
    item.set(
        "Dest",
        Object::Array(vec![
            Object::Reference(*page),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Real(height - entry.y + 4.0),
            Object::Null,
        ]),
    );
    item
}

/// `/Prev` and `/Next` of `this` among `siblings`.
fn link_siblings(item: &mut Dictionary, siblings: &[usize], this: usize, ids: &[ObjectId]) {
    let Some(k) = siblings.iter().position(|&s| s == this) else {
        return;
    };
    if k > 0 {
        item.set("Prev", Object::Reference(ids[siblings[k - 1]]));
    }
    if let Some(&next) = siblings.get(k + 1) {
        item.set("Next", Object::Reference(ids[next]));
    }
}
