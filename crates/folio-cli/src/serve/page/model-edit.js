// Edits of the interview model. The server refuses unknown fields, so every
// edit changes the model in place with the fields it already has; nothing
// here adds a key the Rust model lacks.

export const SPEAKER_ROLES = ['interviewer', 'interviewee', 'moderator', 'interpreter', 'group', 'other'];

/** The turn role Folio itself gives a speaker's turns (see folio-core's assemble step). */
export const TURN_ROLE_FOR = {
  interviewer: 'question',
  interviewee: 'answer',
  group: 'answer',
  moderator: 'remark',
  interpreter: 'remark',
  other: 'remark',
};

export const ROLE_NAMES = {
  interviewer: 'Interviewer',
  interviewee: 'Interviewee',
  moderator: 'Moderator',
  interpreter: 'Interpreter',
  group: 'Group',
  other: 'Other',
};

/**
 * Plain text of inline runs. Walks them generically (text, or nested
 * content) so that an inline type added to the model later still shows.
 */
export function inlineText(inlines) {
  if (!Array.isArray(inlines)) return '';
  let out = '';
  for (const inline of inlines) {
    if (!inline || typeof inline !== 'object') continue;
    if (inline.type === 'line_break') out += '\n';
    else if (typeof inline.text === 'string') out += inline.text;
    else if (Array.isArray(inline.content)) out += inlineText(inline.content);
  }
  return out;
}

export function blocksText(blocks) {
  return (blocks ?? []).map(blockText).join('\n\n');
}

/** Plain text of one block, close to what folio-core's plain_text gives. */
export function blockText(block) {
  if (!block || typeof block !== 'object') return '';
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.content);
    case 'list':
      return (block.items ?? [])
        .map((item, index) => `${block.ordered ? `${index + 1}.` : '•'} ${blocksText(item)}`)
        .join('\n');
    case 'quote':
      return blocksText(block.content).replace(/^/gm, '│ ');
    case 'figure':
      return figureText(block.figure);
    case 'table': {
      const rows = [...(block.header?.length ? [block.header] : []), ...(block.rows ?? [])];
      return `[Table]\n${rows.map((row) => row.map(inlineText).join('\t')).join('\n')}`;
    }
    default:
      if (Array.isArray(block.content)) {
        return block.content.some((c) => c && typeof c.type === 'string' && 'content' in c && !('text' in c))
          ? blocksText(block.content)
          : inlineText(block.content);
      }
      return typeof block.text === 'string' ? block.text : '';
  }
}

function figureText(figure = {}) {
  const words = [figure.caption, figure.credit].filter(Boolean).join(' ');
  const what = words || figure.alt || figure.src || 'no caption';
  return `[Figure: ${what}]`;
}

export function speakerById(model, id) {
  return model.speakers.find((speaker) => speaker.id === id) ?? null;
}

/** "GT (Global Times)", or the label alone when no name is known. */
export function speakerDisplay(speaker) {
  if (!speaker) return 'Unknown speaker';
  const name = (speaker.name ?? '').trim();
  return name && name !== speaker.label ? `${speaker.label} (${name})` : speaker.label;
}

export function turnCounts(model) {
  const counts = new Map(model.speakers.map((speaker) => [speaker.id, 0]));
  for (const turn of model.turns) counts.set(turn.speaker, (counts.get(turn.speaker) ?? 0) + 1);
  return counts;
}

/** Sets a speaker's role and gives its turns the matching turn role; returns how many turns changed. */
export function setSpeakerRole(model, speakerId, role) {
  const speaker = speakerById(model, speakerId);
  if (!speaker || !TURN_ROLE_FOR[role]) return 0;
  speaker.role = role;
  const turnRole = TURN_ROLE_FOR[role];
  let changed = 0;
  for (const turn of model.turns) {
    if (turn.speaker === speakerId && turn.role !== turnRole) {
      turn.role = turnRole;
      changed += 1;
    }
  }
  return changed;
}

/** Sets or clears a speaker's full name (the key is dropped when empty, as Folio writes it). */
export function setSpeakerName(model, speakerId, name) {
  const speaker = speakerById(model, speakerId);
  if (!speaker) return;
  const trimmed = name.trim();
  if (trimmed) speaker.name = trimmed;
  else delete speaker.name;
}

/**
 * Merges speaker `goneId` into `keepId`: its turns become `keepId`'s, with
 * the turn role of `keepId`'s role, and it leaves the speaker list.
 * Returns the number of turns that moved.
 */
export function mergeSpeakers(model, keepId, goneId) {
  const keep = speakerById(model, keepId);
  if (!keep || keepId === goneId || !speakerById(model, goneId)) return 0;
  const turnRole = TURN_ROLE_FOR[keep.role];
  let moved = 0;
  for (const turn of model.turns) {
    if (turn.speaker === goneId) {
      turn.speaker = keepId;
      if (turnRole) turn.role = turnRole;
      moved += 1;
    }
  }
  model.speakers = model.speakers.filter((speaker) => speaker.id !== goneId);
  return moved;
}

/**
 * Splits turn `index` after its first `keep` blocks: a new turn with the same
 * speaker and role takes the rest. Headings after the turn move down one.
 */
export function splitTurn(model, index, keep) {
  const turn = model.turns[index];
  if (!turn || keep < 1 || keep >= turn.content.length) return false;
  // Only the fields a turn must have: the start time of the second half is unknown.
  const rest = {speaker: turn.speaker, role: turn.role, content: turn.content.splice(keep)};
  model.turns.splice(index + 1, 0, rest);
  for (const section of model.sections ?? []) {
    if (section.first_turn > index) section.first_turn += 1;
  }
  return true;
}

/**
 * Appends turn `index + 1` to turn `index` and removes it. Headings after it
 * move up one; a heading that stood between the two turns now stands after
 * the joined turn, since the text it introduced is no longer a turn of its own.
 */
export function joinWithNext(model, index) {
  const turn = model.turns[index];
  const next = model.turns[index + 1];
  if (!turn || !next) return false;
  turn.content.push(...next.content);
  model.turns.splice(index + 1, 1);
  for (const section of model.sections ?? []) {
    if (section.first_turn > index + 1) section.first_turn -= 1;
  }
  return true;
}

/** Headings by the index of the turn they stand before. */
export function sectionsByTurn(model) {
  const map = new Map();
  for (const section of model.sections ?? []) {
    const list = map.get(section.first_turn) ?? [];
    list.push(section);
    map.set(section.first_turn, list);
  }
  return map;
}

/** Seconds as 1:02:03 or 2:03, for a transcript's start times. */
export function formatStart(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** ISO 8601 date or date-time as Folio's model stores them. */
export function isIsoDate(text) {
  const value = text.trim();
  return [
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
  ].some((pattern) => pattern.test(value));
}

/** Splits "Ann Lee, Bo Chen" into names. */
export function splitNames(text) {
  return text.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean);
}
