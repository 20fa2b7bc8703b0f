// The house-style panel: form fields in, a folio.toml out. Only keys the
// user changed are written, so the file says what differs from Folio's
// defaults (`folio style --print-default`) and nothing else.

import {$} from './dom.js';

// Key, element id, default, and how the value is written in TOML.
const FIELDS = [
  {key: 'paper', id: 'style-paper', fallback: 'a4', kind: 'string'},
  {key: 'body-font', id: 'style-body-font', fallback: '', kind: 'string'},
  {key: 'heading-font', id: 'style-heading-font', fallback: '', kind: 'string'},
  {key: 'base-size', id: 'style-base-size', fallback: 10.5, kind: 'number'},
  {key: 'label-case', id: 'style-label-case', fallback: 'bold', kind: 'string'},
  {key: 'label-text', id: 'style-label-text', fallback: 'label', kind: 'string'},
  {key: 'label-color', id: 'style-label-color', fallback: '#9e1f1f', kind: 'colour'},
  {key: 'question-color', id: 'style-question-color', fallback: '#000000', kind: 'colour'},
  {key: 'pdf-standard', id: 'style-pdf-standard', fallback: 'none', kind: 'string'},
  {key: 'smart-punctuation', id: 'style-smart-punctuation', fallback: true, kind: 'boolean'},
];

export function tomlString(text) {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\t': return '\\t';
      case '\r': return '\\r';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

function tomlNumber(value) {
  // Written with a decimal point so that TOML reads a float, as base-size is.
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** WCAG contrast ratio of #rrggbb against white, as folio-core computes it. */
function contrastOnWhite(hex) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return 21;
  const linear = (part) => {
    const c = Number.parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(match[1]) + 0.7152 * linear(match[2]) + 0.0722 * linear(match[3]);
  return 1.05 / (luminance + 0.05);
}

export function createStylePanel(onChange) {
  const inputs = new Map(FIELDS.map((field) => [field.key, $(field.id)]));
  const preview = $('style-toml');
  const contrast = $('style-contrast');
  const sizeError = $('style-base-size-error');

  function read(field) {
    const input = inputs.get(field.key);
    switch (field.kind) {
      case 'boolean': return input.checked;
      case 'number': {
        const value = Number.parseFloat(input.value);
        return Number.isFinite(value) ? value : field.fallback;
      }
      case 'colour': return input.value.toLowerCase();
      default: return input.value.trim();
    }
  }

  function sizeIsValid() {
    const value = Number.parseFloat(inputs.get('base-size').value);
    return inputs.get('base-size').value.trim() === '' || (Number.isFinite(value) && value >= 5 && value <= 30);
  }

  /** The keys that differ from the defaults, in the order of the default file. */
  function changed() {
    const out = [];
    for (const field of FIELDS) {
      const value = read(field);
      if (field.key === 'base-size' && !sizeIsValid()) continue;
      if (value !== field.fallback) out.push({key: field.key, value, kind: field.kind});
    }
    return out;
  }

  function toml() {
    return changed()
      .map(({key, value, kind}) => {
        if (kind === 'boolean') return `${key} = ${value}`;
        if (kind === 'number') return `${key} = ${tomlNumber(value)}`;
        return `${key} = ${tomlString(String(value))}`;
      })
      .map((line) => `${line}\n`)
      .join('');
  }

  function refresh() {
    const text = toml();
    preview.textContent = text || '# Nothing changed: Folio\u2019s defaults apply.\n';
    const valid = sizeIsValid();
    inputs.get('base-size').setAttribute('aria-invalid', String(!valid));
    sizeError.hidden = valid;
    const weak = ['label-color', 'question-color']
      .filter((key) => contrastOnWhite(inputs.get(key).value) < 4.5)
      .map((key) => (key === 'label-color' ? 'the label colour' : 'the question colour'));
    contrast.hidden = weak.length === 0;
    contrast.textContent = weak.length
      ? `Hard to read: ${weak.join(' and ')} ${weak.length === 1 ? 'has' : 'have'} less contrast on white than WCAG AA asks (4.5 to 1).`
      : '';
  }

  function reset() {
    for (const field of FIELDS) {
      const input = inputs.get(field.key);
      if (field.kind === 'boolean') input.checked = field.fallback;
      else input.value = String(field.fallback);
    }
    update();
  }

  let last = toml();
  function update() {
    refresh();
    const text = toml();
    // Text fields fire both input and change; only a real difference counts
    // as an edit (an edit makes the preview stale).
    if (text !== last) {
      last = text;
      onChange();
    }
  }
  for (const input of inputs.values()) {
    input.addEventListener('input', update);
    // Selects and checkboxes in some browsers fire only change.
    input.addEventListener('change', update);
  }
  refresh();

  return {
    toml,
    reset,
    changedKeys: () => changed().map((entry) => entry.key),
    paper: () => read(FIELDS[0]),
    pdfStandard: () => read(FIELDS.find((field) => field.key === 'pdf-standard')),
    smartPunctuation: () => inputs.get('smart-punctuation').checked,
  };
}
