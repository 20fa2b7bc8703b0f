//! Small helpers over roxmltree for WordprocessingML: elements and
//! attributes in the `w:` namespace, and Word's on/off properties.

use roxmltree::Node;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

/// Whether `node` is the element `w:{name}`.
pub fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The attribute `w:{name}` of `node`.
pub fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first child element `w:{name}`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

/// The `w:val` of the child `w:{name}`.
pub fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// An on/off property such as `w:b`: present means on unless its `w:val`
/// says `false`, `0` or `off`; `None` when absent.
pub fn on_off(properties: Node, name: &str) -> Option<bool> {
    let element = child(properties, name)?;
    Some(!matches!(
        attr(element, "val").map(str::to_ascii_lowercase).as_deref(),
        Some("false" | "0" | "off" | "none")
    ))
}
