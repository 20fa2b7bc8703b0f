// "What Folio understood": the source with line numbers beside the model,
// with the corrections the page allows. The view edits the entry's model in
// place and tells the app through onEdit; it never re-renders more than the
// part that changed, so typing in a field stays instant on long interviews.

import {$, h, plural, srOnly} from './dom.js';
import {
  ROLE_NAMES, SPEAKER_ROLES, TURN_ROLE_FOR, blockText, formatStart, isIsoDate, joinWithNext,
  mergeSpeakers, sectionsByTurn, setSpeakerName, setSpeakerRole, speakerById, speakerDisplay,
  splitNames, splitTurn, turnCounts,
} from './model-edit.js';

// Rendering in slices keeps the page responsive while thousands of lines or
// turns are added; the first slice is large enough for a typical interview.
const FIRST_SLICE = 250;
const NEXT_SLICE = 500;

const CERTAINTY = {
  stated: 'Stated in the source',
  label: 'Known from the label',
  evidence: 'Guessed from the text',
};

const TURN_ROLE_PLURAL = {question: 'questions', answer: 'answers', remark: 'remarks'};

/** Draws the items of `total` in slices; `upTo(n)` draws at once what is still missing. */
function slicedRenderer(total, drawRange) {
  let drawn = 0;
  let timer = null;
  const upTo = (count) => {
    const end = Math.min(total, count);
    if (end > drawn) {
      drawRange(drawn, end);
      drawn = end;
    }
  };
  const next = () => {
    timer = null;
    upTo(drawn + NEXT_SLICE);
    if (drawn < total) timer = setTimeout(next, 0);
  };
  upTo(FIRST_SLICE);
  if (drawn < total) timer = setTimeout(next, 0);
  return {
    upTo,
    cancel: () => clearTimeout(timer),
    done: () => drawn >= total,
  };
}

export function createUnderstoodView({onEdit, onReread, announce}) {
  const el = {
    source: $('source'),
    sourceHeading: $('source-heading'),
    readError: $('read-error'),
    readErrorText: $('read-error-text'),
    readErrorLine: $('read-error-line'),
    model: $('model-view'),
    title: $('title-input'),
    subtitle: $('subtitle-input'),
    kicker: $('kicker-input'),
    authors: $('authors-input'),
    published: $('published-input'),
    publishedError: $('published-error'),
    updated: $('updated-input'),
    updatedError: $('updated-error'),
    language: $('language-input'),
    languageError: $('language-error'),
    readerUsed: $('reader-used'),
    readerSelect: $('reader-select'),
    reread: $('reread-button'),
    speakersBody: $('speakers-body'),
    mergeControls: $('merge-controls'),
    mergeKeep: $('merge-keep'),
    mergeGone: $('merge-gone'),
    merge: $('merge-button'),
    warnings: $('warnings'),
    warningsHeading: $('warnings-heading'),
    turns: $('turns'),
    turnsSummary: $('turns-summary'),
  };

  let entry = null;
  let sourceRenderer = null;
  let turnsRenderer = null;
  let turnNodes = [];
  let highlighted = null;

  const model = () => entry?.result?.model;

  // ---- Source ----------------------------------------------------------

  function renderSource() {
    sourceRenderer?.cancel();
    sourceRenderer = null;
    highlighted = null;
    el.source.replaceChildren();
    el.sourceHeading.textContent = `Source: ${entry.name}`;
    el.source.setAttribute('aria-label', `Source of ${entry.name}, with line numbers`);
    if (!entry.sourceLines) {
      el.source.append(h('p', {class: 'source-note', text: entry.binary ? '(binary file: source not shown)' : '(source not shown)'}));
      return;
    }
    const lines = entry.sourceLines;
    const digits = Math.min(7, String(lines.length).length);
    const list = h('div', {class: `source-lines digits-${digits}`});
    el.source.append(list);
    sourceRenderer = slicedRenderer(lines.length, (from, to) => {
      const fragment = document.createDocumentFragment();
      for (let i = from; i < to; i += 1) {
        const number = i + 1;
        fragment.append(h('div', {class: 'source-line', id: `line-${number}`, tabindex: -1},
          h('span', {class: 'line-number', text: String(number)}),
          h('span', {class: 'line-text', text: lines[i]})));
      }
      list.append(fragment);
    });
  }

  /** Scrolls the source to line n, marks it and moves focus there. */
  function jumpToLine(line) {
    if (!entry?.sourceLines || !sourceRenderer) return false;
    const number = Math.max(1, Math.min(entry.sourceLines.length, line));
    sourceRenderer.upTo(number);
    const target = document.getElementById(`line-${number}`);
    if (!target) return false;
    highlighted?.classList.remove('is-highlighted');
    target.classList.add('is-highlighted');
    highlighted = target;
    // Centre the line inside the source box, then bring the box into the
    // window; scrollIntoView on the line alone would also move the page to
    // centre it there, which a sticky column makes jumpy. Lines out of sight
    // have an estimated height until drawn, so the second pass corrects the first.
    for (let pass = 0; pass < 2; pass += 1) {
      el.source.scrollTop = target.offsetTop - (el.source.clientHeight - target.offsetHeight) / 2;
    }
    el.source.scrollIntoView({block: 'nearest'});
    target.focus({preventScroll: true});
    return true;
  }

  function lineControl(line, context) {
    if (entry?.sourceLines) {
      const button = h('button', {type: 'button', class: 'line-link', dataset: {line: String(line)}},
        `Line ${line}`, srOnly(` of the source${context ? `: ${context}` : ''}`));
      button.addEventListener('click', () => jumpToLine(line));
      return button;
    }
    return h('span', {class: 'line-plain', text: `Line ${line}`});
  }

  // ---- Details -----------------------------------------------------------

  function fillDetails() {
    const meta = model().meta;
    el.title.value = meta.title ?? '';
    el.subtitle.value = meta.subtitle ?? '';
    el.kicker.value = meta.kicker ?? '';
    el.authors.value = (meta.authors ?? []).join(', ');
    el.published.value = meta.published ?? '';
    el.updated.value = meta.updated ?? '';
    el.language.value = meta.language ?? '';
    for (const [input, error] of [[el.published, el.publishedError], [el.updated, el.updatedError], [el.language, el.languageError]]) {
      input.setAttribute('aria-invalid', 'false');
      error.hidden = true;
    }
  }

  function fillReader() {
    const format = entry.result?.format ?? '';
    el.readerUsed.textContent = entry.result ? format || 'unknown' : 'not read';
    el.readerSelect.value = entry.readAs ?? ([...el.readerSelect.options].some((o) => o.value === format) ? format : '');
  }

  function bindText(input, key) {
    input.addEventListener('input', () => {
      if (!model()) return;
      const value = input.value.trim();
      if (value) model().meta[key] = value;
      else delete model().meta[key];
      onEdit('meta', key);
    });
  }
  bindText(el.title, 'title');
  bindText(el.subtitle, 'subtitle');
  bindText(el.kicker, 'kicker');

  el.authors.addEventListener('input', () => {
    if (!model()) return;
    const names = splitNames(el.authors.value);
    if (names.length) model().meta.authors = names;
    else delete model().meta.authors;
    onEdit('meta', 'authors');
  });

  // A date the server could not parse would fail the whole conversion, so
  // the model keeps the last good value until the field holds a valid one.
  function bindDate(input, error, key) {
    const check = (report) => {
      if (!model()) return;
      const value = input.value.trim();
      const valid = !value || isIsoDate(value);
      if (valid) {
        if (value) model().meta[key] = value;
        else delete model().meta[key];
        onEdit('meta', key);
      }
      if (valid || report) {
        input.setAttribute('aria-invalid', String(!valid));
        error.hidden = valid;
      }
    };
    input.addEventListener('input', () => check(false));
    input.addEventListener('change', () => check(true));
  }
  bindDate(el.published, el.publishedError, 'published');
  bindDate(el.updated, el.updatedError, 'updated');

  el.language.addEventListener('input', () => {
    if (!model()) return;
    const value = el.language.value.trim();
    const valid = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(value);
    el.language.setAttribute('aria-invalid', String(!valid));
    el.languageError.hidden = valid;
    if (valid) {
      model().meta.language = value.replace(/_/g, '-');
      onEdit('meta', 'language');
    }
  });

  el.reread.addEventListener('click', () => {
    if (entry) onReread(entry, el.readerSelect.value);
  });

  // ---- Speakers ----------------------------------------------------------

  function renderSpeakers() {
    const current = model();
    const counts = turnCounts(current);
    const evidence = new Map((entry.result.roles ?? []).map((role) => [role.speaker, role]));
    const rows = current.speakers.map((speaker, index) => speakerRow(speaker, index, counts.get(speaker.id) ?? 0, evidence.get(speaker.id)));
    el.speakersBody.replaceChildren(...rows);
    fillMergeSelects();
  }

  function speakerRow(speaker, index, count, role) {
    const nameId = `speaker-name-${index}`;
    const roleId = `speaker-role-${index}`;
    const name = h('input', {type: 'text', id: nameId, class: 'speaker-name', value: speaker.name ?? '', autocomplete: 'off', dataset: {speaker: speaker.id}});
    name.addEventListener('input', () => {
      setSpeakerName(model(), speaker.id, name.value);
      refreshSpeakerInTurns(speaker.id);
      fillMergeSelects();
      onEdit('name', speaker.id);
    });
    const select = h('select', {id: roleId, class: 'role-select', dataset: {speaker: speaker.id}},
      SPEAKER_ROLES.map((value) => h('option', {value, text: ROLE_NAMES[value], selected: value === speaker.role})));
    select.addEventListener('change', () => changeRole(speaker.id, select.value));
    return h('tr', {class: role?.certainty === 'evidence' ? 'is-guess' : null},
      h('th', {scope: 'row', class: 'speaker-label', text: speaker.label}),
      h('td', {},
        h('label', {for: nameId, class: 'visually-hidden', text: `Full name of ${speaker.label}`}),
        name),
      h('td', {},
        h('label', {for: roleId, class: 'visually-hidden', text: `Role of ${speaker.label}`}),
        select),
      h('td', {class: 'turn-count numeric', text: String(count)}),
      h('td', {class: 'evidence'}, evidenceCell(role)));
  }

  function evidenceCell(role) {
    if (!role) return h('span', {class: 'muted', text: 'No evidence given'});
    const parts = [h('span', {class: `certainty certainty--${role.certainty}`, text: CERTAINTY[role.certainty] ?? role.certainty})];
    if (role.reasons?.length) {
      parts.push(h('ul', {class: 'reasons'}, role.reasons.map((reason) => h('li', {text: reason}))));
    }
    return parts;
  }

  function changeRole(speakerId, role) {
    setSpeakerRole(model(), speakerId, role);
    refreshSpeakerInTurns(speakerId);
    const speaker = speakerById(model(), speakerId);
    const count = turnCounts(model()).get(speakerId) ?? 0;
    const turnRole = TURN_ROLE_FOR[role];
    const turns = count === 1 ? `Its turn is a ${turnRole}` : `Its ${count} turns are ${TURN_ROLE_PLURAL[turnRole]}`;
    announce(`Role of ${speaker.label}: ${ROLE_NAMES[role]}. ${turns}.`);
    onEdit('role', speakerId);
  }

  function fillMergeSelects() {
    const speakers = model().speakers;
    el.mergeControls.hidden = speakers.length < 2;
    for (const [select, fallback] of [[el.mergeKeep, 0], [el.mergeGone, 1]]) {
      const previous = select.value;
      select.replaceChildren(...speakers.map((speaker) => h('option', {value: speaker.id, text: speakerDisplay(speaker)})));
      select.value = speakers.some((s) => s.id === previous) ? previous : speakers[Math.min(fallback, speakers.length - 1)]?.id ?? '';
    }
  }

  el.merge.addEventListener('click', () => {
    const current = model();
    if (!current) return;
    const keep = speakerById(current, el.mergeKeep.value);
    const gone = speakerById(current, el.mergeGone.value);
    if (!keep || !gone || keep === gone) {
      announce('Choose two different speakers to merge.');
      el.mergeGone.focus();
      return;
    }
    const moved = mergeSpeakers(current, keep.id, gone.id);
    entry.edits.push(`${gone.label} merged into ${keep.label}`);
    renderSpeakers();
    renderTurns();
    announce(`Merged ${gone.label} into ${keep.label}: ${plural(moved, 'turn')} moved.`);
    onEdit('merge', keep.id);
  });

  // ---- Turns ---------------------------------------------------------------

  function renderTurns() {
    turnsRenderer?.cancel();
    turnNodes = [];
    el.turns.replaceChildren();
    const current = model();
    const sections = sectionsByTurn(current);
    // The interview's top heading level becomes h4 (under the Turns h3), so
    // that no heading level is skipped.
    const top = Math.min(...(current.sections ?? []).map((section) => section.level), 6);
    const sectionNode = (section) => h(`h${Math.min(6, 4 + Math.max(0, section.level - top))}`,
      {class: `section-heading section-heading--${section.level <= top ? 1 : 2}`},
      srOnly('Heading: '), section.heading);
    const total = current.turns.length;
    el.turnsSummary.textContent = `${plural(total, 'turn')}${current.sections?.length ? `, ${plural(current.sections.length, 'heading')}` : ''}.`;
    turnsRenderer = slicedRenderer(total, (from, to) => {
      const fragment = document.createDocumentFragment();
      for (let index = from; index < to; index += 1) {
        for (const section of sections.get(index) ?? []) fragment.append(sectionNode(section));
        const node = turnNode(index);
        turnNodes[index] = node;
        fragment.append(node.article);
      }
      // Headings after the last turn (first_turn == number of turns).
      if (to === total) for (const section of sections.get(total) ?? []) fragment.append(sectionNode(section));
      el.turns.append(fragment);
    });
    if (total === 0) for (const section of sections.get(0) ?? []) el.turns.append(sectionNode(section));
  }

  function turnNode(index) {
    const current = model();
    const turn = current.turns[index];
    const speaker = speakerById(current, turn.speaker);
    const number = index + 1;
    const who = h('span', {class: 'turn-who', text: speakerDisplay(speaker)});
    const role = h('span', {class: 'turn-role', text: turn.role});
    const head = h('p', {class: 'turn-head', id: `turn-${number}-head`},
      srOnly('Turn '), h('span', {class: 'turn-number', text: String(number)}), srOnly(': '),
      who, srOnly(', '), role,
      typeof turn.start === 'number' ? h('span', {class: 'turn-start', text: formatStart(turn.start)}) : null);
    const body = h('div', {class: 'turn-body'});
    const blocks = turn.content;
    blocks.forEach((block, k) => {
      body.append(h('p', {class: `block block--${block.type}`},
        blocks.length > 1 ? h('span', {class: 'block-number', 'aria-hidden': 'true', text: `¶${k + 1}`}) : null,
        blockText(block)));
      if (k < blocks.length - 1) {
        body.append(h('div', {class: 'split-row'},
          h('button', {type: 'button', class: 'small', dataset: {action: 'split', turn: String(index), after: String(k + 1)}},
            `Split after paragraph ${k + 1}`, srOnly(` of turn ${number}`))));
      }
    });
    const actions = index < current.turns.length - 1
      ? h('div', {class: 'turn-actions'},
        h('button', {type: 'button', class: 'small', dataset: {action: 'join', turn: String(index)}},
          'Join with next', srOnly(` (turns ${number} and ${number + 1})`)))
      : null;
    const article = h('article', {class: `turn turn--${turn.role}`, id: `turn-${number}`, tabindex: -1, 'aria-labelledby': head.id},
      head, body, actions);
    return {article, who, role};
  }

  /** Name or role of one speaker changed: touch only that speaker's turns. */
  function refreshSpeakerInTurns(speakerId) {
    const current = model();
    const speaker = speakerById(current, speakerId);
    const text = speakerDisplay(speaker);
    current.turns.forEach((turn, index) => {
      const node = turnNodes[index];
      if (!node || turn.speaker !== speakerId) return;
      node.who.textContent = text;
      node.role.textContent = turn.role;
      node.article.className = `turn turn--${turn.role}`;
    });
  }

  function focusTurn(number) {
    turnsRenderer?.upTo(number);
    const target = document.getElementById(`turn-${number}`);
    if (target) {
      target.scrollIntoView({block: 'nearest'});
      target.focus({preventScroll: true});
    }
  }

  el.turns.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || !model()) return;
    const index = Number(button.dataset.turn);
    const current = model();
    if (button.dataset.action === 'split') {
      const after = Number(button.dataset.after);
      if (!splitTurn(current, index, after)) return;
      entry.edits.push(`turn ${index + 1} split after paragraph ${after}`);
      renderTurns();
      renderSpeakers();
      focusTurn(index + 2);
      announce(`Split turn ${index + 1}: what followed paragraph ${after} is now turn ${index + 2}.`);
      onEdit('split', index);
    } else if (button.dataset.action === 'join') {
      const first = speakerById(current, current.turns[index].speaker);
      const second = speakerById(current, current.turns[index + 1]?.speaker);
      if (!joinWithNext(current, index)) return;
      entry.edits.push(`turns ${index + 1} and ${index + 2} joined`);
      renderTurns();
      renderSpeakers();
      focusTurn(index + 1);
      const owner = first !== second ? ` Its words are now ${first?.label ?? 'the first speaker'}’s.` : '';
      announce(`Joined turn ${index + 2} to turn ${index + 1}.${owner}`);
      onEdit('join', index);
    }
  });

  // ---- Warnings ------------------------------------------------------------

  function renderWarnings() {
    const warnings = entry.result.warnings ?? [];
    el.warningsHeading.textContent = warnings.length ? `Warnings (${warnings.length})` : 'Warnings';
    if (!warnings.length) {
      el.warnings.replaceChildren(h('li', {class: 'muted', text: 'No warnings.'}));
      return;
    }
    el.warnings.replaceChildren(...warnings.map((warning) => h('li', {class: 'warning'},
      Number.isInteger(warning.line) && warning.line > 0 ? lineControl(warning.line, warning.kind?.replace(/_/g, ' ')) : null,
      h('span', {class: 'warning-message', text: warning.message ?? ''}))));
  }

  // ---- The whole view ---------------------------------------------------

  function show(next) {
    entry = next;
    renderSource();
    fillReader();
    const failed = !entry.result;
    el.model.hidden = failed;
    el.readError.hidden = !failed;
    if (failed) {
      turnsRenderer?.cancel();
      turnNodes = [];
      el.readErrorText.textContent = `Folio could not read ${entry.name}: ${entry.error?.message ?? 'unknown error'}`;
      const line = entry.error?.line;
      el.readErrorLine.replaceChildren();
      if (line) el.readErrorLine.append(lineControl(line, 'where reading stopped'));
      return;
    }
    fillDetails();
    renderSpeakers();
    renderWarnings();
    renderTurns();
  }

  return {
    show,
    jumpToLine,
    current: () => entry,
    /** Keyboard users land on the field a message is about. */
    focusField: (name) => ({title: el.title, language: el.language})[name]?.focus(),
  };
}
