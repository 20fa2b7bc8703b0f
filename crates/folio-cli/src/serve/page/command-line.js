// The command that does what the page does, so that a user can move to the
// terminal or a script. Edits the command line cannot express (names,
// merges, splits, joins) live only in the model, and the text says so.

import {speakerById} from './model-edit.js';

/** Quotes for a POSIX shell: single quotes, with '\'' for a quote inside. */
export function shellQuote(text) {
  return `'${String(text).replace(/'/g, "'\\''")}'`;
}

// Enum values (letter, ua-1,a-2a) read better bare and need no quoting.
function bare(text) {
  return /^[A-Za-z0-9._,:+-]+$/.test(text) ? text : shellQuote(text);
}

const META_FIELDS = [
  {key: 'title', flag: 'title'},
  {key: 'subtitle', flag: 'subtitle'},
  {key: 'kicker', flag: 'kicker'},
  {key: 'authors', flag: 'author'},
  {key: 'published', flag: 'date'},
  {key: 'updated', flag: 'updated'},
  {key: 'language', flag: 'language'},
];

function metaValue(meta, key) {
  const value = meta?.[key];
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : '';
}

/** `--role` and `-M` arguments for what changed since Folio read the entry. */
export function readerArguments(entry) {
  const args = [];
  const {model} = entry.result;
  const original = entry.original;
  if (entry.readAs) args.push('--from', bare(entry.readAs));
  for (const speaker of model.speakers) {
    const before = speakerById(original, speaker.id);
    if (before && before.role !== speaker.role) {
      args.push('--role', shellQuote(`${speaker.label}=${speaker.role}`));
    }
  }
  for (const {key, flag} of META_FIELDS) {
    const now = metaValue(model.meta, key);
    if (now !== metaValue(original.meta, key)) args.push('-M', shellQuote(`${flag}=${now}`));
  }
  return args;
}

/** Edits only the model keeps, in words: names, merges, splits, joins. */
export function modelOnlyEdits(entry) {
  const out = [];
  const {model} = entry.result;
  for (const speaker of model.speakers) {
    const before = speakerById(entry.original, speaker.id);
    if (before && (before.name ?? '') !== (speaker.name ?? '')) out.push(`the name of ${speaker.label}`);
  }
  return [...out, ...entry.edits];
}

function styleArguments(style) {
  const args = [];
  const changed = style.changedKeys();
  if (changed.includes('paper')) args.push('--paper', bare(style.paper()));
  if (changed.includes('pdf-standard')) args.push('--pdf-standard', bare(style.pdfStandard()));
  // folio.toml repeats paper and standard; it is needed only for the rest.
  if (needsStyleFile(style)) args.push('--style', 'folio.toml');
  return args;
}

function needsStyleFile(style) {
  return style.changedKeys().some((key) => key !== 'paper' && key !== 'pdf-standard');
}

/** Text for a comment line: a line break in a file name or a label must
 * not start a line of its own, which the shell would run. */
function oneLine(text) {
  return String(text).replace(/[\r\n\u2028\u2029\u0000-\u001f\u007f]+/g, ' ');
}

function summarise(edits) {
  const shown = edits.slice(0, 4).join('; ');
  return edits.length > 4 ? `${shown}; and ${edits.length - 4} more` : shown;
}

function bookOutputName(title) {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'book'}.pdf`;
}

/**
 * The whole text of the command-line panel.
 * `entries` are the interviews that were read; `book` holds title and authors.
 */
export function buildCommand({entries, book, style}) {
  const readable = entries.filter((entry) => entry.result);
  if (!readable.length) return '# Read an interview first.';
  const lines = [];
  if (readable.some((entry) => entry.pasted)) {
    lines.push('# Save the pasted text as pasted.txt first.');
  }
  if (needsStyleFile(style)) {
    lines.push('# folio.toml: download it from the house-style panel.');
  }
  const styleArgs = styleArguments(style);

  if (readable.length === 1) {
    const entry = readable[0];
    const to = ['--to', 'pdf,docx,epub'];
    const edits = modelOnlyEdits(entry);
    if (edits.length) {
      lines.push(`# Changed here: ${oneLine(summarise(edits))}.`);
      lines.push(`# this edit is kept in the model: download the model (JSON) and run: folio convert ${[shellQuote(`${entry.base}.json`), ...to, ...styleArgs].join(' ')}`);
    }
    lines.push(['folio', 'convert', shellQuote(entry.name), ...to, ...readerArguments(entry), ...styleArgs].join(' '));
    return lines.join('\n');
  }

  const title = book.title.trim();
  const bookArgs = ['-o', shellQuote(bookOutputName(title)), '--title', shellQuote(title || 'Book title')];
  for (const author of book.authors) bookArgs.push('--author', shellQuote(author));
  if (!title) lines.push('# Give the book a title.');
  const edited = readable.filter((entry) => readerArguments(entry).length || modelOnlyEdits(entry).length);
  if (edited.length) {
    lines.push(`# Changed here: ${oneLine(edited.map((entry) => entry.name).join(', '))}.`);
    lines.push(`# this edit is kept in the model: download the model (JSON) of each interview and run: folio book ${[...readable.map((entry) => shellQuote(`${entry.base}.json`)), ...bookArgs, ...styleArgs].join(' ')}`);
  }
  lines.push(['folio', 'book', ...readable.map((entry) => shellQuote(entry.name)), ...bookArgs, ...styleArgs].join(' '));
  return lines.join('\n');
}
