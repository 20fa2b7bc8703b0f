// Talking to `folio serve`: the headers every call needs, the access token,
// and errors turned into something the page can show.

const TOKEN_KEY = 'folio-token';

let token = null;
let askForToken = null;

/** An answer other than 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, message, {file = null, line = null, column = null, retryAfter = null} = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.file = file;
    this.line = line;
    this.column = column;
    this.retryAfter = retryAfter;
  }
}

/**
 * Takes the token from a `#token=…` fragment, so that the address folio serve
 * prints opens a working page; the fragment is removed at once so that the
 * token does not linger in the address bar or the history.
 */
export function initToken() {
  try {
    token = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    token = null;
  }
  takeTokenFromFragment();
  // The printed address pasted into a tab that already shows the page only
  // changes the fragment; the page is not loaded again.
  window.addEventListener('hashchange', takeTokenFromFragment);
}

function takeTokenFromFragment() {
  const fragment = location.hash.replace(/^#/, '');
  if (!fragment.includes('token=')) return;
  const fromFragment = new URLSearchParams(fragment).get('token');
  if (fromFragment) rememberToken(fromFragment);
  history.replaceState(null, '', location.pathname + location.search);
}

function rememberToken(value) {
  token = value.trim() || null;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be off (private windows): the token still lives in memory.
  }
}

/**
 * Registers how the page asks the user for a token. The function gets
 * whether a token was refused and an abort signal, and resolves to the token.
 */
export function setTokenPrompt(prompt) {
  askForToken = prompt;
}

/** fetch() with Folio's headers; a 401 asks for the token and tries again. */
export async function apiFetch(path, {method = 'GET', body = undefined, headers = {}, signal = undefined} = {}) {
  for (;;) {
    const sent = new Headers(headers);
    sent.set('X-Folio', '1');
    if (token) sent.set('Authorization', `Bearer ${token}`);
    let response;
    try {
      response = await fetch(path, {method, body, headers: sent, signal, cache: 'no-store', credentials: 'same-origin'});
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, 'Folio cannot be reached. Is folio serve still running?');
    }
    if (response.status === 401 && askForToken) {
      const refused = Boolean(token);
      rememberToken(await askForToken(refused, signal));
      continue;
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }
}

async function errorFrom(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // A proxy or a crash may answer without JSON; the status still says enough.
  }
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let message = typeof body.error === 'string' && body.error.trim() ? body.error.trim() : fallbackMessage(response.status);
  if (response.status === 503 && retryAfter !== null) {
    message = `Folio is busy, try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`;
  }
  return new ApiError(response.status, message, {
    file: typeof body.file === 'string' ? body.file : null,
    line: Number.isInteger(body.line) && body.line > 0 ? body.line : null,
    column: Number.isInteger(body.column) && body.column > 0 ? body.column : null,
    retryAfter,
  });
}

function fallbackMessage(status) {
  switch (status) {
    case 400: return 'Folio could not use this input.';
    case 401: return 'Folio needs the access token printed by folio serve.';
    case 413: return 'This is more than Folio accepts at once.';
    case 415: return 'Folio does not read this kind of file.';
    case 503: return 'Folio is busy, try again in a few seconds.';
    default: return `Folio answered with an error (HTTP ${status}).`;
  }
}

/** Retry-After is either a number of seconds or an HTTP date. */
function parseRetryAfter(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/** The file name a Content-Disposition header gives, if any. */
export function dispositionFilename(header) {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return safeFilename(decodeURIComponent(extended[1].trim()));
    } catch {
      // A badly encoded name: fall back to the plain one.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header);
  if (quoted) return safeFilename(quoted[1].replace(/\\(.)/g, '$1'));
  const bare = /filename\s*=\s*([^;\s]+)/.exec(header);
  return bare ? safeFilename(bare[1]) : null;
}

function safeFilename(name) {
  const base = name.split(/[\\/]/).pop().trim();
  return base || null;
}

export function warningCount(response) {
  const value = Number.parseInt(response.headers.get('X-Folio-Warnings') ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
}
