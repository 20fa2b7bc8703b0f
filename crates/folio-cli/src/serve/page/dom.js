// Small DOM helpers. Every piece of text from a file or the server goes in
// through textContent or a text node, never through HTML parsing.

// Properties rather than attributes, so that the element's live state (what
// the user typed, whether a box is ticked) is what we set.
const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'tabIndex']);

/** Builds an element: h('button', {type: 'button', class: 'x'}, 'Label'). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') throw new Error('inline styles are refused by the page policy');
    else if (PROPERTIES.has(key)) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child);
  }
}

/** Text that only assistive technology reads, to give repeated buttons their context. */
export function srOnly(text) {
  return h('span', {class: 'visually-hidden', text});
}

export function $(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page lacks #${id}`);
  return node;
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a, b and c", as the status messages read. */
export function listing(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function formatBytes(bytes) {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', {href: url, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox cancels a download whose URL is revoked at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
