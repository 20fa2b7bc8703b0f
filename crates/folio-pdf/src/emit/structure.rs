//! The structure tree (PDF 1.7 §14.7, PDF/UA-1 §7.1): the layout's
//! structure elements as `StructElem`s under one `Document`, each holding
//! its marked content (MCIDs of the pages it is drawn on) and, for a link,
//! its annotations; the parent tree that maps content back to elements.
//!
//! Elements come in the layout's order, which is the model's: a figure
//! that floated to the next page is still read where the text puts it.
//! Inside an element that has content of its own (a paragraph with a
//! speaker's label or a link), its content and its child elements are
//! read in the order they are drawn. An element with nothing drawn is
//! left out, except a table's empty cells, which keep the grid regular.

use lopdf::{Dictionary, Object, ObjectId};

use crate::emit::metadata::text_string;
use crate::layout::tree::{NodeId, StructKind, StructNode, Structure};

/// Content of a structure element, in drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kid {
    /// Marked content: page index, MCID.
    Content(usize, usize),
    /// A link annotation: page index, annotation.
    Annotation(usize, ObjectId),
}

/// A link annotation and the element it belongs to.
pub struct Annotation {
    pub id: ObjectId,
    pub tag: Option<NodeId>,
}

/// Writes the structure tree; sets `/StructParents` on each page and
/// `/StructParent` on each tagged annotation. Returns the tree's root.
pub fn write(
    lo: &mut lopdf::Document,
    structure: &Structure,
    pages: &[ObjectId],
    marks: &[Vec<NodeId>],
    annotations: &[Vec<Annotation>],
) -> ObjectId {
    let nodes = &structure.nodes;
    let count = nodes.len();
    // Each element's own content, in drawing order.
    let mut own: Vec<Vec<Kid>> = vec![Vec::new(); count];
    for (page, page_marks) in marks.iter().enumerate() {
        for (mcid, &tag) in page_marks.iter().enumerate() {
            if let Some(kids) = own.get_mut(tag as usize) {
                kids.push(Kid::Content(page, mcid));
            }
        }
    }
    for (page, annots) in annotations.iter().enumerate() {
        for annot in annots {
            if let Some(kids) = annot.tag.and_then(|t| own.get_mut(t as usize)) {
                kids.push(Kid::Annotation(page, annot.id));
            }
        }
    }
    // Where each element's subtree is first drawn. Children are made
    // after their parents, so one pass from the end carries it up.
    let mut first: Vec<Option<Kid>> = own.iter().map(|k| k.first().copied()).collect();
    for id in (0..count).rev() {
        let (Some(node), Some(mine)) = (nodes.get(id), first.get(id).copied()) else {
            continue;
        };
        if let Some(parent) = node.parent.map(|p| p as usize).filter(|&p| p < id) {
            let theirs = &mut first[parent];
            if mine.is_some() && (theirs.is_none() || mine < *theirs) {
                *theirs = mine;
            }
        }
    }
    let kept = |id: usize| -> bool {
        let Some(node) = nodes.get(id) else {
            return false;
        };
        first[id].is_some()
            || (matches!(node.kind, StructKind::Td | StructKind::Th)
                && node
                    .parent
                    .is_some_and(|row| first.get(row as usize).copied().flatten().is_some()))
    };
    // The kept elements' children, in the model's order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut top = Vec::new();
    for id in (0..count).filter(|&id| kept(id)) {
        match nodes[id].parent.map(|p| p as usize).filter(|&p| p < id) {
            Some(parent) => children[parent].push(id),
            None => top.push(id),
        }
    }
    // Object numbers only for the elements written: a number left unused
    // would be a gap in the cross-reference table.
    let ids: Vec<ObjectId> = (0..count)
        .map(|id| if kept(id) { lo.new_object_id() } else { (0, 0) })
        .collect();
    let root = lo.new_object_id();
    let document = lo.new_object_id();
    // For the parent tree: each page's MCIDs' elements, and each
    // annotation's.
    let mut parents: Vec<Vec<Object>> = marks.iter().map(|m| vec![Object::Null; m.len()]).collect();
    let mut annotation_parents: Vec<(ObjectId, ObjectId)> = Vec::new();
    for id in (0..count).filter(|&id| kept(id)) {
        let node = &nodes[id];
        let parent = node
            .parent
            .map(|p| p as usize)
            .filter(|&p| p < id)
            .map_or(document, |p| ids[p]);
        // Own content and children merged by where they are first drawn;
        // children without content of their own keep the model's order.
        let mut order: Vec<(Option<Kid>, Result<Kid, usize>)> = own[id]
            .iter()
            .map(|&k| (Some(k), Ok(k)))
            .chain(children[id].iter().map(|&c| (first[c], Err(c))))
            .collect();
        if !own[id].is_empty() {
            order.sort_by_key(|(key, _)| *key);
        }
        // Content beside child elements (a paragraph's text around its
        // label or a link) goes into spans of its own, so that every
        // element holds either content or elements, and reading the tree
        // element by element meets the content in the order it is drawn.
        let mixed = !own[id].is_empty() && !children[id].is_empty();
        let home = (!mixed).then(|| own[id].first().map(page_of)).flatten();
        let mut kids = Vec::with_capacity(order.len());
        let mut span: Vec<Kid> = Vec::new();
        for (_, kid) in order {
            match kid {
                Ok(kid @ Kid::Content(..)) if mixed => span.push(kid),
                Ok(kid) => kids.push(kid_object(
                    kid,
                    ids[id],
                    home,
                    pages,
                    &mut parents,
                    &mut annotation_parents,
                )),
                Err(child) => {
                    if !span.is_empty() {
                        let span_id = lo.new_object_id();
                        write_span(
                            lo,
                            span_id,
                            ids[id],
                            &std::mem::take(&mut span),
                            pages,
                            &mut parents,
                        );
                        kids.push(Object::Reference(span_id));
                    }
                    kids.push(Object::Reference(ids[child]));
                }
            }
        }
        if !span.is_empty() {
            let span_id = lo.new_object_id();
            write_span(lo, span_id, ids[id], &span, pages, &mut parents);
            kids.push(Object::Reference(span_id));
        }
        let mut dict = element(node, parent, kids);
        if let Some(page) = home {
            dict.set("Pg", Object::Reference(pages[page]));
        }
        lo.objects.insert(ids[id], Object::Dictionary(dict));
    }
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructElem".to_vec()));
    dict.set("S", Object::Name(b"Document".to_vec()));
    dict.set("P", Object::Reference(root));
    dict.set(
        "K",
        Object::Array(top.iter().map(|&id| Object::Reference(ids[id])).collect()),
    );
    lo.objects.insert(document, Object::Dictionary(dict));
    // The parent tree: pages are keys 0..n, annotations the keys after.
    let mut nums = Vec::with_capacity(2 * (pages.len() + annotation_parents.len()));
    for (page, (&page_id, elements)) in pages.iter().zip(parents).enumerate() {
        if let Ok(Object::Dictionary(dict)) = lo.get_object_mut(page_id) {
            dict.set("StructParents", Object::Integer(page as i64));
        }
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(elements));
    }
    let mut next = pages.len() as i64;
    for (annot, element) in annotation_parents {
        if let Ok(Object::Dictionary(dict)) = lo.get_object_mut(annot) {
            dict.set("StructParent", Object::Integer(next));
        }
        nums.push(Object::Integer(next));
        nums.push(Object::Reference(element));
        next += 1;
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    dict.set("K", Object::Reference(document));
    dict.set("ParentTree", Object::Dictionary(parent_tree));
    dict.set("ParentTreeNextKey", Object::Integer(next));
    lo.objects.insert(root, Object::Dictionary(dict));
    root
}

fn page_of(kid: &Kid) -> usize {
    match kid {
        Kid::Content(page, _) | Kid::Annotation(page, _) => *page,
    }
}

/// A kid of element `owner` as an object: an MCID (on `home`, the
/// element's page), a marked-content or an object reference. Notes the
/// owner in the parent tree.
fn kid_object(
    kid: Kid,
    owner: ObjectId,
    home: Option<usize>,
    pages: &[ObjectId],
    parents: &mut [Vec<Object>],
    annotation_parents: &mut Vec<(ObjectId, ObjectId)>,
) -> Object {
    match kid {
        Kid::Content(page, mcid) => {
            if let Some(slot) = parents.get_mut(page).and_then(|p| p.get_mut(mcid)) {
                *slot = Object::Reference(owner);
            }
            if Some(page) == home {
                Object::Integer(mcid as i64)
            } else {
                let mut mcr = Dictionary::new();
                mcr.set("Type", Object::Name(b"MCR".to_vec()));
                mcr.set("Pg", Object::Reference(pages[page]));
                mcr.set("MCID", Object::Integer(mcid as i64));
                Object::Dictionary(mcr)
            }
        }
        Kid::Annotation(page, annot) => {
            let mut objr = Dictionary::new();
            objr.set("Type", Object::Name(b"OBJR".to_vec()));
            objr.set("Pg", Object::Reference(pages[page]));
            objr.set("Obj", Object::Reference(annot));
            annotation_parents.push((annot, owner));
            Object::Dictionary(objr)
        }
    }
}

/// A `Span` under `parent` holding marked content `kids`.
fn write_span(
    lo: &mut lopdf::Document,
    id: ObjectId,
    parent: ObjectId,
    kids: &[Kid],
    pages: &[ObjectId],
    parents: &mut [Vec<Object>],
) {
    let home = kids.first().map(page_of);
    let mut unused = Vec::new();
    let objects = kids
        .iter()
        .map(|&kid| kid_object(kid, id, home, pages, parents, &mut unused))
        .collect();
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructElem".to_vec()));
    dict.set("S", Object::Name(b"Span".to_vec()));
    dict.set("P", Object::Reference(parent));
    dict.set("K", kids_entry(objects));
    if let Some(page) = home {
        dict.set("Pg", Object::Reference(pages[page]));
    }
    lo.objects.insert(id, Object::Dictionary(dict));
}

/// `/K`: a lone kid as itself (the common case of a heading or a short
/// paragraph: one marked-content sequence), several as an array.
fn kids_entry(mut kids: Vec<Object>) -> Object {
    if kids.len() == 1
        && let Some(kid) = kids.pop()
    {
        return kid;
    }
    Object::Array(kids)
}

/// One element's dictionary.
fn element(node: &StructNode, parent: ObjectId, kids: Vec<Object>) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructElem".to_vec()));
    dict.set("S", Object::Name(node.kind.name().as_bytes().to_vec()));
    dict.set("P", Object::Reference(parent));
    dict.set("K", kids_entry(kids));
    if let Some(alt) = &node.alt {
        dict.set("Alt", text_string(alt));
    }
    if let Some(title) = &node.title {
        dict.set("T", text_string(title));
    }
    if let Some(lang) = &node.lang {
        dict.set("Lang", text_string(lang));
    }
    if let Some(scope) = node.scope {
        let mut attributes = Dictionary::new();
        attributes.set("O", Object::Name(b"Table".to_vec()));
        attributes.set("Scope", Object::Name(scope.as_bytes().to_vec()));
        dict.set("A", Object::Dictionary(attributes));
    }
    dict
}
