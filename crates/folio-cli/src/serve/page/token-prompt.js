// The access-token field: shown when the server answers 401, so that a user
// who opened the page without the printed address can still get in.

import {$} from './dom.js';

let pending = null;

/**
 * Returns the prompt api.js calls: it shows the field, and resolves with
 * what the user enters (or rejects when the action is cancelled). Several
 * requests refused at once share one prompt.
 */
export function createTokenPrompt(announce) {
  const panel = $('token-panel');
  const form = $('token-form');
  const input = $('token-input');
  const refusedNote = $('token-refused');

  return function askForToken(refused, signal) {
    if (pending) return pending;
    const returnFocus = document.activeElement;
    pending = new Promise((resolve, reject) => {
      panel.hidden = false;
      refusedNote.hidden = !refused;
      input.setAttribute('aria-invalid', String(refused));
      input.value = '';
      input.focus();
      panel.scrollIntoView({block: 'nearest'});
      announce(refused
        ? 'That access token was not accepted. Enter the token folio serve printed.'
        : 'Folio needs the access token that folio serve printed. Enter it in the Access token field.');
      const finish = () => {
        form.removeEventListener('submit', onSubmit);
        signal?.removeEventListener('abort', onAbort);
        panel.hidden = true;
        pending = null;
        if (returnFocus?.isConnected && returnFocus !== document.body) returnFocus.focus();
      };
      const onSubmit = (event) => {
        // The form only gathers the token; nothing is submitted anywhere.
        event.preventDefault();
        const value = input.value.trim();
        if (!value) {
          input.focus();
          return;
        }
        finish();
        announce('Trying the access token…');
        resolve(value);
      };
      const onAbort = () => {
        finish();
        reject(new DOMException('Cancelled', 'AbortError'));
      };
      form.addEventListener('submit', onSubmit);
      signal?.addEventListener('abort', onAbort, {once: true});
    });
    return pending;
  };
}
