// The page of `folio serve`: reads what the user drops, shows what Folio
// understood, and asks the server for PDF, DOCX, EPUB or a book.
// The other modules hold the parts: api.js (requests, token, errors),
// token-prompt.js (the token field), convert.js (conversion requests),
// understood.js (the source and the model view), model-edit.js (edits),
// style-panel.js (folio.toml) and command-line.js (the equivalent command).

import {$, formatBytes, h, listing, plural, saveBlob, srOnly} from './dom.js';
import {ApiError, apiFetch, initToken, setTokenPrompt} from './api.js';
import {FieldError, convert} from './convert.js';
import {createTokenPrompt} from './token-prompt.js';
import {createUnderstoodView} from './understood.js';
import {createStylePanel} from './style-panel.js';
import {buildCommand} from './command-line.js';
import {splitNames} from './model-edit.js';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg']);
const BINARY_EXTENSIONS = new Set(['docx', 'doc', 'odt', 'pdf', 'zip', 'epub']);

/** What the page knows; the DOM is drawn from it. */
const state = {
  entries: [],
  images: [],
  current: 0,
  limits: {max_body_bytes: 10 * 1024 * 1024, max_images: 64, conversion_seconds: 60},
  busy: false,
  abort: null,
  // Every edit counts up, so that a preview can tell whether it is still the
  // PDF a download would give.
  revision: 0,
  preview: null,
  nextKey: 1,
};

const el = {
  body: document.body,
  dropZone: $('drop-zone'),
  fileInput: $('file-input'),
  dropMode: $('drop-mode'),
  modeAdd: $('mode-add'),
  limitsNote: $('limits-note'),
  pasteText: $('paste-text'),
  pasteRead: $('paste-read'),
  imagesBlock: $('images-block'),
  imageList: $('image-list'),
  imagesClear: $('images-clear'),
  missingImages: $('missing-images'),
  sizeWarning: $('size-warning'),
  startOverRow: $('start-over-row'),
  startOver: $('start-over'),
  bookSection: $('book-section'),
  bookTitle: $('book-title'),
  bookTitleError: $('book-title-error'),
  bookAuthors: $('book-authors'),
  bookList: $('book-list'),
  understoodSection: $('understood-section'),
  understoodHeading: $('understood-heading'),
  showingNote: $('showing-note'),
  previewSection: $('preview-section'),
  previewButton: $('preview-button'),
  previewFrame: $('preview-frame'),
  previewEmpty: $('preview-empty'),
  previewStale: $('preview-stale'),
  downloadSection: $('download-section'),
  downloadPdf: $('download-pdf'),
  downloadDocx: $('download-docx'),
  downloadEpub: $('download-epub'),
  downloadZip: $('download-zip'),
  downloadModel: $('download-model'),
  downloadStyle: $('download-style'),
  styleReset: $('style-reset'),
  commandSection: $('command-section'),
  commandLine: $('command-line'),
  copyCommand: $('copy-command'),
  reread: $('reread-button'),
  status: $('status'),
  statusBar: $('status-bar'),
  statusKind: $('status-kind'),
  statusLine: $('status-line'),
  cancel: $('cancel-button'),
  version: $('version'),
};

// ---- Status and busy state ---------------------------------------------------

// The source line the status bar's "Show line" button leads to.
let statusLineTarget = null;

function announce(message) {
  el.status.textContent = message;
}

/** The final word of an action: the message, then the state a test waits for. */
function report({message, error = null, line = null}) {
  // A problem is read out at once and says it is one: a screen reader
  // hears "Problem: …", not a calm status like a success.
  el.status.parentElement?.setAttribute('aria-live', error ? 'assertive' : 'polite');
  announce(message);
  el.statusKind.hidden = !error;
  el.statusBar.classList.toggle('is-error', Boolean(error));
  el.statusLine.hidden = !line;
  if (line) {
    el.statusLine.textContent = `Show line ${line.line} of ${line.entry.name}`;
    statusLineTarget = line;
  }
  el.body.dataset.state = error ? 'error' : 'idle';
}
el.statusLine.addEventListener('click', () => {
  if (!statusLineTarget) return;
  const index = state.entries.indexOf(statusLineTarget.entry);
  if (index < 0) return;
  if (index !== state.current) showEntry(index);
  view.jumpToLine(statusLineTarget.line);
});

/** Where an error's line is, if it is a line of a source the page shows. */
function errorLine(error, entry = null) {
  if (!(error instanceof ApiError) || !error.line) return null;
  // A line in the model JSON the page sent means nothing in the source view.
  const target = entry ?? state.entries.find((candidate) => candidate.name === error.file);
  if (!target?.sourceLines) return null;
  if (error.file && error.file !== target.name) return null;
  return {entry: target, line: error.line};
}

function errorOutcome(error, entry = null) {
  if (error instanceof FieldError) {
    return {message: error.message, error, focus: error.field ? document.getElementById(error.field) : null};
  }
  if (error?.name === 'AbortError') return {message: 'Cancelled.'};
  if (error instanceof ApiError) {
    const where = error.line && !errorLine(error, entry) && error.file ? ` (${error.file}, line ${error.line})` : '';
    return {message: `${error.message}${where}`, error, line: errorLine(error, entry)};
  }
  console.error(error);
  return {message: `Something went wrong in the page: ${error?.message ?? error}`, error: error ?? true};
}

/**
 * Runs one action that talks to the server: buttons off, progress
 * announced, a Cancel button, and a final report. The task returns the
 * final message, or {message, error, line}.
 */
async function run(progress, task) {
  if (state.busy) {
    announce('Folio is still working. Try again when it has finished.');
    return;
  }
  const focused = document.activeElement;
  const controller = new AbortController();
  state.busy = true;
  state.abort = controller;
  el.body.dataset.state = 'busy';
  el.statusKind.hidden = true;
  el.statusBar.classList.remove('is-error');
  el.statusLine.hidden = true;
  el.cancel.hidden = false;
  announce(progress);
  updateActions();
  let outcome;
  try {
    const result = await task(controller.signal);
    outcome = typeof result === 'string' ? {message: result} : result;
  } catch (error) {
    outcome = errorOutcome(error);
  }
  state.busy = false;
  state.abort = null;
  el.cancel.hidden = true;
  updateActions();
  if (outcome.focus) outcome.focus.focus();
  // A disabled button loses focus; give it back so keyboard users stay put.
  else if ((document.activeElement === document.body || !document.activeElement) && focused?.isConnected && !focused.disabled) {
    focused.focus();
  }
  report(outcome);
}

el.cancel.addEventListener('click', () => state.abort?.abort());

/** Turns buttons on and off from the state. */
function updateActions() {
  const readable = state.entries.some((entry) => entry.result);
  const current = state.entries[state.current];
  for (const button of [el.previewButton, el.downloadPdf, el.downloadDocx, el.downloadEpub, el.downloadZip]) {
    button.disabled = state.busy || !readable;
  }
  for (const control of [el.fileInput, el.pasteRead, el.reread, el.startOver]) control.disabled = state.busy;
  el.downloadModel.disabled = !current?.result;
  el.dropZone.setAttribute('aria-disabled', String(state.busy));
  for (const button of el.bookList.querySelectorAll('button[data-book-action="remove"]')) button.disabled = state.busy;
}

// ---- Reading files -------------------------------------------------------------

function extensionOf(name) {
  const match = /\.([^.\\/]+)$/.exec(name);
  return match ? match[1].toLowerCase() : '';
}

function isImage(file) {
  return IMAGE_EXTENSIONS.has(extensionOf(file.name));
}

/** A base name no other entry has, so that model files and downloads do not collide. */
function uniqueBase(name, entries) {
  const base = name.replace(/\.[^.]+$/, '') || 'interview';
  const taken = new Set(entries.map((entry) => entry.base));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** Reads the file in the browser for the source view (never for .docx and other binary files). */
async function sourceLinesOf(file) {
  if (BINARY_EXTENSIONS.has(extensionOf(file.name))) return null;
  const text = await file.text();
  if (text.slice(0, 8192).includes('\u0000')) return null;
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function makeEntry(file, pasted, entries) {
  const sourceLines = await sourceLinesOf(file);
  return {
    key: state.nextKey++,
    name: file.name,
    base: uniqueBase(file.name, entries),
    file,
    pasted,
    sourceLines,
    binary: sourceLines === null,
    result: null,
    original: null,
    error: null,
    edits: [],
    dirty: false,
    readAs: null,
  };
}

/** Asks the server to read one entry; a refusal is kept on the entry, not thrown. */
async function inspect(entry, signal, from = '') {
  const limit = state.limits.max_body_bytes;
  if (entry.file.size > limit) {
    entry.error = new ApiError(413, `${entry.name} is ${formatBytes(entry.file.size)}; Folio accepts at most ${formatBytes(limit)} at a time.`);
    return;
  }
  let query = `name=${encodeURIComponent(entry.name)}`;
  if (from) query += `&from=${encodeURIComponent(from)}`;
  // Quotes are made typographic while the text is read, so the house
  // style's choice must reach the reader, not only the writers.
  if (!style.smartPunctuation()) query += '&no-smart-punctuation=true';
  try {
    const response = await apiFetch(`/api/inspect?${query}`, {
      method: 'POST',
      body: entry.file,
      headers: {'Content-Type': 'application/octet-stream'},
      signal,
    });
    const data = await response.json();
    if (!data?.model || !Array.isArray(data.model.turns) || !Array.isArray(data.model.speakers)) {
      throw new ApiError(500, 'Folio answered, but not with an interview.');
    }
    entry.result = {
      format: data.format ?? '',
      model: data.model,
      warnings: Array.isArray(data.warnings) ? data.warnings : [],
      roles: Array.isArray(data.roles) ? data.roles : [],
    };
    entry.original = structuredClone(data.model);
    entry.error = null;
    entry.edits = [];
    entry.dirty = false;
    entry.readAs = from || null;
  } catch (error) {
    if (error?.name === 'AbortError') {
      entry.error = new ApiError(0, 'Reading was cancelled.');
      throw error;
    }
    if (!(error instanceof ApiError)) throw error;
    entry.result = null;
    entry.error = error;
  }
}

function readSummary(entry) {
  if (!entry.result) return `Could not read ${entry.name}: ${entry.error?.message ?? 'unknown error'}`;
  const {model} = entry.result;
  // The warning count is in the Warnings heading; the message stays short.
  return `Read ${entry.name}: ${plural(model.speakers.length, 'speaker')}, ${plural(model.turns.length, 'turn')}.`;
}

/** Files from the drop zone, the picker or the paste box. */
async function takeFiles(files, {pasted = false} = {}) {
  if (!files.length) return;
  if (state.busy) {
    announce('Folio is still working. Add the files when it has finished.');
    return;
  }
  const images = files.filter(isImage);
  const interviews = files.filter((file) => !isImage(file));
  if (!interviews.length) {
    addImages(images);
    renderInputs();
    markEdited();
    report({message: `Added ${plural(images.length, 'image')}: ${listing(images.map((image) => image.name))}.`});
    return;
  }
  const adding = state.entries.length > 0 && el.modeAdd.checked;
  await run(`Reading ${listing(interviews.map((file) => file.name))}…`, async (signal) => {
    if (!adding) {
      state.entries = [];
      state.images = [];
      clearPreview();
    }
    addImages(images);
    const fresh = [];
    for (const file of interviews) {
      const entry = await makeEntry(file, pasted, state.entries);
      state.entries.push(entry);
      fresh.push(entry);
      if (interviews.length > 1) announce(`Reading ${entry.name} (${fresh.length} of ${interviews.length})…`);
      try {
        await inspect(entry, signal);
      } finally {
        // Even a cancelled read leaves the page showing what it has.
        state.current = state.entries.indexOf(fresh[0]);
        markEdited();
        renderAll();
      }
    }
    const failed = fresh.find((entry) => !entry.result);
    let message;
    if (fresh.length <= 3) message = fresh.map(readSummary).join(' ');
    else {
      const read = fresh.filter((entry) => entry.result).length;
      message = `Read ${read} of ${fresh.length} interviews for the book.${failed ? ` ${readSummary(failed)}` : ''}`;
    }
    if (!failed) revealUnderstood();
    return {message, error: failed?.error ?? null, line: failed ? errorLine(failed.error, failed) : null};
  });
}

function addImages(images) {
  for (const image of images) {
    // The interview refers to images by name: a second file of one name replaces the first.
    state.images = state.images.filter((kept) => kept.name !== image.name);
    state.images.push(image);
  }
}

async function reread(entry, from) {
  const hadEdits = entry.dirty;
  await run(`Reading ${entry.name} again…`, async (signal) => {
    await inspect(entry, signal, from);
    markEdited();
    renderAll();
    if (!entry.result) return {message: readSummary(entry), error: entry.error, line: errorLine(entry.error, entry)};
    const how = from ? ` as ${from}` : '';
    const undone = hadEdits ? ' The corrections made here were undone.' : '';
    return `${readSummary(entry).replace(/^Read (.*?):/, `Read $1 again${how}:`)}${undone}`;
  });
}

// ---- Input controls ------------------------------------------------------------

el.fileInput.addEventListener('change', () => {
  const files = [...el.fileInput.files];
  // Cleared so that choosing the same file again still counts as a change.
  el.fileInput.value = '';
  takeFiles(files);
});

el.dropZone.addEventListener('click', () => {
  if (!state.busy) el.fileInput.click();
});
el.dropZone.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    if (!state.busy) el.fileInput.click();
  } else if (event.key === ' ') {
    // Space activates on release, as with a real button; stop the page scrolling.
    event.preventDefault();
  }
});
el.dropZone.addEventListener('keyup', (event) => {
  if (event.key === ' ' && !state.busy) el.fileInput.click();
});

function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

// The whole page takes drops, so a file that misses the zone is not opened
// by the browser in place of the page.
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  el.dropZone.classList.add('is-dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) el.dropZone.classList.remove('is-dragging');
});
document.addEventListener('drop', (event) => {
  el.dropZone.classList.remove('is-dragging');
  if (!hasFiles(event)) return;
  event.preventDefault();
  takeFiles([...event.dataTransfer.files]);
});

el.pasteRead.addEventListener('click', () => {
  const text = el.pasteText.value;
  if (!text.trim()) {
    report({message: 'Paste the interview’s text into the box first.', error: true});
    el.pasteText.focus();
    return;
  }
  takeFiles([new File([text], 'pasted.txt', {type: 'text/plain'})], {pasted: true});
});

el.imagesClear.addEventListener('click', () => {
  const count = state.images.length;
  state.images = [];
  markEdited();
  renderInputs();
  el.fileInput.focus();
  announce(`Removed ${plural(count, 'image')}.`);
});

el.imageList.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-image]');
  if (!button) return;
  const name = button.dataset.image;
  const index = state.images.findIndex((image) => image.name === name);
  state.images = state.images.filter((image) => image.name !== name);
  markEdited();
  renderInputs();
  const buttons = el.imageList.querySelectorAll('button[data-image]');
  (buttons[Math.min(index, buttons.length - 1)] ?? el.fileInput).focus();
  announce(`Removed the image ${name}.`);
});

el.startOver.addEventListener('click', () => {
  state.entries = [];
  state.images = [];
  state.current = 0;
  clearPreview();
  markEdited();
  renderAll();
  el.dropZone.focus();
  report({message: 'Cleared. Drop or choose an interview to start again.'});
});

/** Figure and cover file names the models refer to but no dropped image has. */
function missingImages() {
  const wanted = new Set();
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      if (value.figure && typeof value.figure.src === 'string') wanted.add(value.figure.src);
      Object.values(value).forEach(visit);
    }
  };
  for (const entry of state.entries) {
    if (!entry.result) continue;
    const {model} = entry.result;
    visit([model.front, model.turns, model.sections, model.closing]);
    if (model.meta.cover) wanted.add(model.meta.cover);
  }
  const have = new Set(state.images.map((image) => image.name.toLowerCase()));
  return [...wanted]
    .filter((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src))
    // Pictures inside a Word file travel with the file itself.
    .filter((src) => !/\.docx#/i.test(src))
    .filter((src) => !have.has(src.split(/[\\/]/).pop().toLowerCase()));
}

function renderInputs() {
  const any = state.entries.length > 0;
  el.dropMode.hidden = !any;
  el.startOverRow.hidden = !any;
  el.imagesBlock.hidden = state.images.length === 0;
  el.imageList.replaceChildren(...state.images.map((image) => h('li', {},
    h('span', {class: 'image-name', text: image.name}), ' ',
    h('span', {class: 'muted', text: formatBytes(image.size)}), ' ',
    h('button', {type: 'button', class: 'small', dataset: {image: image.name}}, 'Remove', srOnly(` ${image.name}`)))));

  const missing = missingImages();
  el.missingImages.hidden = missing.length === 0;
  el.missingImages.textContent = missing.length
    ? `The interview shows ${missing.length === 1 ? 'a picture' : 'pictures'} not added here: ${listing(missing)}. Drop ${missing.length === 1 ? 'it' : 'them'} on the page to include ${missing.length === 1 ? 'it' : 'them'}; otherwise the caption stands alone.`
    : '';

  const {max_body_bytes: maxBytes, max_images: maxImages} = state.limits;
  const imageBytes = state.images.reduce((sum, image) => sum + image.size, 0);
  const problems = [];
  if (state.images.length > maxImages) problems.push(`Folio takes at most ${maxImages} images at once; ${state.images.length} are added.`);
  if (imageBytes > maxBytes) problems.push(`The images come to ${formatBytes(imageBytes)}, more than the ${formatBytes(maxBytes)} Folio accepts at once.`);
  el.sizeWarning.hidden = problems.length === 0;
  el.sizeWarning.textContent = problems.join(' ');
}

// ---- Book mode -----------------------------------------------------------------

function isBook() {
  return state.entries.length > 1;
}

function bookFacts(entry) {
  if (!entry.result) return `Could not be read: ${entry.error?.message ?? 'unknown error'}`;
  const {model} = entry.result;
  return `${plural(model.speakers.length, 'speaker')}, ${plural(model.turns.length, 'turn')}`;
}

function renderBook() {
  el.bookSection.hidden = !isBook();
  if (!isBook()) {
    el.bookList.replaceChildren();
    return;
  }
  const last = state.entries.length - 1;
  el.bookList.replaceChildren(...state.entries.map((entry, index) => {
    const shown = index === state.current;
    const title = entry.result?.model.meta.title || entry.name;
    return h('li', {class: `book-item${shown ? ' is-current' : ''}${entry.result ? '' : ' is-failed'}`, dataset: {key: String(entry.key)}, 'aria-current': shown ? 'true' : null},
      h('div', {class: 'book-item-text'},
        h('span', {class: 'book-item-title', text: title}),
        h('span', {class: 'book-item-file', text: entry.name}),
        h('span', {class: 'book-item-facts', text: bookFacts(entry)}),
        shown ? h('span', {class: 'book-item-shown', text: 'Shown below'}) : null),
      h('div', {class: 'book-item-actions'},
        h('button', {type: 'button', class: 'small', dataset: {bookAction: 'up', key: String(entry.key)}, disabled: index === 0}, 'Move up', srOnly(`: ${entry.name}`)),
        h('button', {type: 'button', class: 'small', dataset: {bookAction: 'down', key: String(entry.key)}, disabled: index === last}, 'Move down', srOnly(`: ${entry.name}`)),
        h('button', {type: 'button', class: 'small', dataset: {bookAction: 'show', key: String(entry.key)}, disabled: shown}, 'Check and correct', srOnly(`: ${entry.name}`)),
        h('button', {type: 'button', class: 'small', dataset: {bookAction: 'remove', key: String(entry.key)}, disabled: state.busy}, 'Remove', srOnly(`: ${entry.name}`))));
  }));
}

el.bookList.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-book-action]');
  if (!button) return;
  const key = Number(button.dataset.key);
  const index = state.entries.findIndex((entry) => entry.key === key);
  if (index < 0) return;
  const entry = state.entries[index];
  const shownEntry = state.entries[state.current];
  const action = button.dataset.bookAction;
  if (action === 'up' || action === 'down') {
    const to = action === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= state.entries.length) return;
    [state.entries[index], state.entries[to]] = [state.entries[to], state.entries[index]];
    state.current = state.entries.indexOf(shownEntry);
    markEdited();
    renderBook();
    renderShowingNote();
    refreshCommand();
    focusBookButton(key, action, action === 'up' ? 'down' : 'up');
    announce(`Moved ${entry.name} to position ${to + 1} of ${state.entries.length}.`);
  } else if (action === 'show') {
    showEntry(index);
    revealUnderstood();
    announce(`Showing ${entry.name}, interview ${index + 1} of ${state.entries.length}.`);
  } else if (action === 'remove') {
    state.entries.splice(index, 1);
    state.current = shownEntry === entry ? Math.min(index, state.entries.length - 1) : state.entries.indexOf(shownEntry);
    markEdited();
    renderAll();
    if (isBook()) {
      const next = state.entries[Math.min(index, state.entries.length - 1)];
      focusBookButton(next.key, 'remove');
    } else {
      revealUnderstood();
    }
    announce(`Removed ${entry.name}.${isBook() ? '' : ' One interview is left: it is converted on its own.'}`);
  }
});

function focusBookButton(key, action, fallback) {
  const find = (name) => el.bookList.querySelector(`button[data-key="${key}"][data-book-action="${name}"]`);
  const button = find(action);
  if (button && !button.disabled) button.focus();
  else find(fallback)?.focus();
}

function bookInfo() {
  return {title: el.bookTitle.value, authors: splitNames(el.bookAuthors.value)};
}

el.bookTitle.addEventListener('input', () => {
  if (el.bookTitle.value.trim()) {
    el.bookTitle.setAttribute('aria-invalid', 'false');
    el.bookTitleError.hidden = true;
  }
  markEdited();
  refreshCommand();
});
el.bookAuthors.addEventListener('input', () => {
  markEdited();
  refreshCommand();
});

// ---- The shown interview -------------------------------------------------------

const view = createUnderstoodView({
  announce,
  onReread: (entry, from) => reread(entry, from),
  onEdit: (kind) => {
    const entry = state.entries[state.current];
    if (entry) entry.dirty = true;
    markEdited();
    refreshCommand();
    if (isBook() && (kind === 'meta' || kind === 'merge' || kind === 'split' || kind === 'join')) updateBookItem(entry);
  },
});

/** Updates one book entry's line without redrawing the list (keeps typing smooth). */
function updateBookItem(entry) {
  const item = el.bookList.querySelector(`li[data-key="${entry.key}"]`);
  if (!item) return;
  item.querySelector('.book-item-title').textContent = entry.result?.model.meta.title || entry.name;
  item.querySelector('.book-item-facts').textContent = bookFacts(entry);
}

/** Takes the user to the result: the heading at the top of the window, focused. */
function revealUnderstood() {
  el.understoodHeading.scrollIntoView({block: 'start'});
  el.understoodHeading.focus({preventScroll: true});
}

function showEntry(index) {
  state.current = index;
  view.show(state.entries[index]);
  renderBook();
  renderShowingNote();
  updateActions();
  refreshDownloadLabels();
}

function renderShowingNote() {
  el.showingNote.hidden = !isBook();
  const entry = state.entries[state.current];
  el.showingNote.textContent = isBook() && entry
    ? `Showing interview ${state.current + 1} of ${state.entries.length}: ${entry.name}. Choose another in the book list above.`
    : '';
}

function refreshDownloadLabels() {
  const entry = state.entries[state.current];
  el.downloadModel.textContent = isBook() && entry ? `Download model (JSON) of ${entry.name}` : 'Download model (JSON)';
}

function renderAll() {
  const any = state.entries.length > 0;
  state.current = Math.max(0, Math.min(state.current, state.entries.length - 1));
  for (const section of [el.understoodSection, el.previewSection, el.downloadSection, el.commandSection]) section.hidden = !any;
  renderInputs();
  renderBook();
  renderShowingNote();
  if (any) view.show(state.entries[state.current]);
  refreshDownloadLabels();
  refreshCommand();
  updateActions();
}

// ---- Edits, preview staleness and the command line -------------------------

function markEdited() {
  state.revision += 1;
  el.previewStale.hidden = !state.preview;
}

function refreshCommand() {
  el.commandLine.textContent = buildCommand({entries: state.entries, book: bookInfo(), style});
}

const style = createStylePanel(() => {
  markEdited();
  refreshCommand();
});

el.downloadStyle.addEventListener('click', () => {
  const text = style.toml() || '# Folio’s defaults: nothing to change.\n';
  saveBlob(new Blob([text], {type: 'application/toml'}), 'folio.toml');
  report({message: 'Downloaded folio.toml.'});
});

el.styleReset.addEventListener('click', () => {
  style.reset();
  report({message: 'The house style is back to Folio’s defaults.'});
});

el.copyCommand.addEventListener('click', async () => {
  const text = el.commandLine.textContent;
  try {
    await navigator.clipboard.writeText(text);
    report({message: 'Copied the command.'});
  } catch {
    // Without clipboard access, select the text so that Ctrl+C or Cmd+C copies it.
    const range = document.createRange();
    range.selectNodeContents(el.commandLine);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    report({message: 'The command is selected: press Ctrl+C (Cmd+C on a Mac) to copy it.'});
  }
});

// ---- Conversion ----------------------------------------------------------------

function convertNow(to, signal) {
  if (isBook()) {
    // Checked here too, to mark the field itself.
    const missing = !el.bookTitle.value.trim();
    el.bookTitle.setAttribute('aria-invalid', String(missing));
    el.bookTitleError.hidden = !missing;
  }
  return convert(to, {
    entries: state.entries,
    images: state.images,
    style,
    book: isBook() ? bookInfo() : null,
    limits: state.limits,
  }, signal);
}

function warningNote(count) {
  return count ? ` The writers gave ${plural(count, 'warning')}; folio convert on the command line lists them.` : '';
}

function progressFor(what) {
  const seconds = state.limits.conversion_seconds;
  return `Making ${what}… This can take up to ${seconds} seconds.`;
}

function clearPreview() {
  if (state.preview) URL.revokeObjectURL(state.preview.url);
  state.preview = null;
  el.previewFrame.removeAttribute('src');
  el.previewFrame.hidden = true;
  el.previewEmpty.hidden = false;
  el.previewStale.hidden = true;
}

el.previewButton.addEventListener('click', () => run(progressFor('the PDF preview'), async (signal) => {
  const revision = state.revision;
  const out = await convertNow('pdf', signal);
  // Browsers show a PDF in a frame only when the blob says it is one.
  const blob = out.blob.type === 'application/pdf' ? out.blob : new Blob([out.blob], {type: 'application/pdf'});
  const url = URL.createObjectURL(blob);
  if (state.preview) URL.revokeObjectURL(state.preview.url);
  state.preview = {...out, blob, url, revision};
  el.previewFrame.src = url;
  el.previewFrame.hidden = false;
  el.previewEmpty.hidden = true;
  el.previewStale.hidden = revision === state.revision;
  return `Preview ready: ${out.filename}.${warningNote(out.warnings)}`;
}));

const FORMAT_NAMES = {pdf: 'the PDF', docx: 'the DOCX', epub: 'the EPUB'};

function download(to) {
  return run(progressFor(FORMAT_NAMES[to]), async (signal) => {
    // The previewed PDF is the one that downloads, as the page promises.
    if (to === 'pdf' && state.preview && state.preview.revision === state.revision) {
      saveBlob(state.preview.blob, state.preview.filename);
      return `Downloaded ${state.preview.filename}.${warningNote(state.preview.warnings)}`;
    }
    const out = await convertNow(to, signal);
    saveBlob(out.blob, out.filename);
    return `Downloaded ${out.filename}.${warningNote(out.warnings)}`;
  });
}

el.downloadPdf.addEventListener('click', () => download('pdf'));
el.downloadDocx.addEventListener('click', () => download('docx'));
el.downloadEpub.addEventListener('click', () => download('epub'));

el.downloadZip.addEventListener('click', () => {
  const what = isBook() ? 'the book as PDF, DOCX and EPUB' : 'the PDF, DOCX and EPUB';
  run(progressFor(what), async (signal) => {
    const out = await convertNow('pdf,docx,epub', signal);
    saveBlob(out.blob, out.filename);
    return `Downloaded ${out.filename}.${warningNote(out.warnings)}`;
  });
});

el.downloadModel.addEventListener('click', () => {
  const entry = state.entries[state.current];
  if (!entry?.result) return;
  const json = `${JSON.stringify(entry.result.model, null, 2)}\n`;
  const filename = `${entry.base}.json`;
  saveBlob(new Blob([json], {type: 'application/json'}), filename);
  report({message: `Downloaded ${filename}.`});
});

// ---- Start -------------------------------------------------------------------

window.addEventListener('beforeunload', (event) => {
  // Corrections live only in this page until they are downloaded.
  if (state.entries.some((entry) => entry.dirty)) {
    event.preventDefault();
    event.returnValue = '';
  }
});

async function start() {
  initToken();
  setTokenPrompt(createTokenPrompt(announce));
  renderAll();
  try {
    const response = await apiFetch('/api/health');
    const health = await response.json();
    const limits = health?.limits ?? {};
    for (const key of Object.keys(state.limits)) {
      if (Number.isFinite(limits[key]) && limits[key] > 0) state.limits[key] = limits[key];
    }
    if (health?.version) el.version.textContent = `Folio ${health.version}`;
    const {max_body_bytes: maxBytes, max_images: maxImages, conversion_seconds: seconds} = state.limits;
    el.limitsNote.textContent = `Folio takes up to ${formatBytes(maxBytes)} and ${plural(maxImages, 'image')} at a time; making a file may take up to ${seconds} seconds.`;
    renderInputs();
    report({message: 'Ready. Drop or choose an interview, or paste its text.'});
  } catch (error) {
    report(errorOutcome(error));
  }
}

start();
