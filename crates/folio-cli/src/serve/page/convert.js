// Conversion requests: the multipart form /api/convert and /api/book take,
// checked against the server's limits before anything is sent, so that a
// user hears "too large" at once rather than after an upload.

import {formatBytes} from './dom.js';
import {apiFetch, dispositionFilename, warningCount} from './api.js';

/** A problem the user fixes on the page; `field` is the id of the control to go to. */
export class FieldError extends Error {
  constructor(message, field = null) {
    super(message);
    this.name = 'FieldError';
    this.field = field;
  }
}

function modelBlob(entry) {
  return new Blob([JSON.stringify(entry.result.model)], {type: 'application/json'});
}

/**
 * The request for `to` (pdf, docx, epub, or pdf,docx,epub for a zip).
 * `book` is null for one interview, else {title, authors}.
 */
export function conversionRequest(to, {entries, images, style, book, limits}) {
  const failed = entries.find((entry) => !entry.result);
  if (failed) {
    throw new FieldError(`${failed.name} could not be read: remove it or read it again first.`, book ? null : 'reread-button');
  }
  if (!entries.length) throw new FieldError('Read an interview first.', 'drop-zone');
  const form = new FormData();
  const sizes = [];
  const add = (name, value, filename) => {
    if (filename) form.append(name, value, filename);
    else form.append(name, value);
    sizes.push(typeof value === 'string' ? new Blob([value]).size : value.size);
  };

  let url;
  let fallback;
  if (book) {
    const title = book.title.trim();
    if (!title) throw new FieldError('Give the book a title first.', 'book-title');
    url = `/api/book?to=${to}`;
    for (const entry of entries) add('model', modelBlob(entry), `${entry.base}.json`);
    add('title', title);
    for (const author of book.authors) add('author', author);
    fallback = `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').slice(0, 80) || 'book'}.${to}`;
  } else {
    const [entry] = entries;
    url = `/api/convert?to=${to}`;
    add('model', modelBlob(entry), `${entry.base}.json`);
    add('name', entry.base);
    fallback = `${entry.base}.${to.includes(',') ? 'zip' : to}`;
  }
  // A Word file's pictures stay inside it: the model points into the file
  // (`talk.docx#word/media/image1.png`), so the file goes along.
  for (const entry of entries) {
    if (/\.docx$/i.test(entry.name) && entry.file) add('image', entry.file, entry.name);
  }
  for (const image of images) add('image', image, image.name);
  const toml = style.toml();
  if (toml) add('style', toml);
  const changed = style.changedKeys();
  if (changed.includes('paper')) add('paper', style.paper());
  if (changed.includes('pdf-standard')) add('pdf-standard', style.pdfStandard());

  if (images.length > limits.max_images) {
    throw new FieldError(`Folio takes at most ${limits.max_images} images at once; remove ${images.length - limits.max_images}.`, 'images-clear');
  }
  // Each part costs a few hundred bytes of headers besides its content.
  const total = sizes.reduce((sum, size) => sum + size + 200, 0);
  if (total > limits.max_body_bytes) {
    throw new FieldError(
      `This comes to ${formatBytes(total)}, more than the ${formatBytes(limits.max_body_bytes)} Folio accepts at once. Remove some images, or use folio on the command line.`,
      images.length ? 'images-clear' : null);
  }
  return {url, form, fallback};
}

/** Sends the request; resolves to the file, its name and the writers' warning count. */
export async function convert(to, context, signal) {
  const {url, form, fallback} = conversionRequest(to, context);
  const response = await apiFetch(url, {method: 'POST', body: form, signal});
  const blob = await response.blob();
  const filename = dispositionFilename(response.headers.get('Content-Disposition')) ?? fallback;
  return {blob, filename, warnings: warningCount(response)};
}
