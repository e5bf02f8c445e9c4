import { findGermanDate, parseGermanDate } from '../../normalize/dates/index.js';
import type { Diagnostic, ParsedDate } from '../../model.js';
import { COMMENT_TAIL, matchesAny } from './boilerplate.js';
import { isBlank, linesToHtml, nextNonBlank, quote, type Line } from './lines.js';

/** One numbered comment as the page shows it, before ids are assigned. */
export interface PageComment {
  /** The number as shown: `3`, or `1.2` for nested numbering. */
  label: string;
  /** Index of the parent in the list (nested numbering or indentation), or null. */
  parent: number | null;
  /** The `<Name> sagt:` name, or null where the page shows none. */
  author: string | null;
  date: ParsedDate | null;
  /** HTML paragraphs. */
  content: string;
  /** Line of the number. */
  line: number;
}

/** Headings that open the comment list (`Kommentare`, `3 Responses to “…”`, `Eine Antwort`, …). */
export const COMMENT_HEADINGS: readonly RegExp[] = [
  /^(?:Kommentare|Kommentar|Comments|Responses|Reaktionen|Antworten|Diskussion|Discussion)(?:\s*\(\d+\))?\s*:?$/iu,
  /^(?:\d+|Ein|Eine|Einen|Zwei|Drei|Vier|Fünf|One|Two|Three|Four|Five)\s+(?:Kommentare?|Antworten|Antwort|Reaktionen|Reaktion|Gedanken?|Responses?|Comments?|Replies|Reply|thoughts?)\b.{0,160}$/iu,
];

/** `Name sagt:`, `Name says:`, `Name sagte am 3. Mai 2012 um 21:15 :`, `Name said on May 3, 2012 at 9:15 pm:`. */
const AUTHOR_LINE = /^(.{1,80}?)\s+(?:sagt|says|said|schreibt|writes|meint)\s*:$|^(.{1,80}?)\s+(?:sagte|schrieb)\s+am\s+(.+?)\s*:$|^(.{1,80}?)\s+said\s+on\s+(.+?)\s*:$/iu;
const NUMBER_LINE = /^\s*(\d{1,5}(?:\.\d{1,5})*)\.?(?:\s+(.*))?$/u;

/**
 * Whether a line is the heading of the comment list.
 *
 * @example
 * isCommentHeading('3 Responses to “Hallo”') // true
 */
export function isCommentHeading(text: string): boolean {
  const t = text.trim();
  return t.length <= 200 && COMMENT_HEADINGS.some((p) => p.test(t));
}

/**
 * The author (and a date written on the same line) of an author line, or null.
 *
 * @example
 * authorLine('Max sagt:') // { name: 'Max', dateText: null }
 */
export function authorLine(text: string): { name: string; dateText: string | null } | null {
  const m = AUTHOR_LINE.exec(text.trim());
  if (!m) return null;
  const name = (m[1] ?? m[2] ?? m[4] ?? '').trim();
  if (name === '' || /[.!?]$/u.test(name) && name.split(/\s+/u).length > 4) return null;
  return { name, dateText: m[3] ?? m[5] ?? null };
}

/**
 * A numbered line: the number's parts and the text after it.
 *
 * @example
 * numberLine('  1.2 Max sagt:') // { path: [1, 2], rest: 'Max sagt:' }
 */
export function numberLine(text: string): { path: number[]; rest: string } | null {
  const m = NUMBER_LINE.exec(text);
  if (!m?.[1]) return null;
  const dotted = m[1].includes('.');
  if (!dotted && !/^\s*\d+\./u.test(text)) return null; // `12 Äpfel` is text, `12.` is a number
  return { path: m[1].split('.').map(Number), rest: (m[2] ?? '').trim() };
}

interface Open {
  index: number;
  indent: number;
  /** Indentation of the comment's text lines, once seen. */
  bodyIndent: number | null;
  /** The full label path (`[3, 1]` for the first reply nested under 3). */
  path: number[];
  /** The number as written on the page (`1` for an indented `3.1`). */
  shown: string;
}

/**
 * Splits the comment section into numbered comments. A numbered line starts a comment when its number
 * continues the list at its indentation (`n + 1`), or starts a nested list (`1` indented deeper than
 * the current comment's text, or `1.1`-style numbering under an existing number); any other numbered
 * line is text of the current comment.
 *
 * @example
 * splitComments(toLines('  1. Max sagt:\n\n    Hallo'), 'Europe/Berlin', [])
 * // [{ label: '1', parent: null, author: 'Max', date: null, content: '<p>Hallo</p>', line: 1 }]
 */
export function splitComments(lines: readonly Line[], zone: string, diagnostics: Diagnostic[]): PageComment[] {
  const out: PageComment[] = [];
  const bodies: Line[][] = [];
  const byLabel = new Map<string, number>();
  let stack: Open[] = [];
  const head = lines[nextNonBlank(lines, 0)];
  if (head !== undefined && numberLine(head.text) === null && authorLine(head.text) !== null) return splitByAuthorLines(lines, zone, diagnostics);

  for (const line of lines) {
    const current = stack[stack.length - 1] ?? null;
    const num = isBlank(line) || dateLine(line.text, zone) !== null ? null : numberLine(line.text);
    const decision = num === null ? null : place(num, line, stack, byLabel, out.length === 0);
    if (num === null || decision === null) {
      if (current !== null) {
        if (current.bodyIndent === null && !isBlank(line)) current.bodyIndent = line.indent;
        bodies[current.index]?.push(line);
      }
      continue;
    }
    const parentPath = decision.parent === null ? [] : (decision.stack[decision.stack.length - 1]?.path ?? []);
    const path = num.path.length > 1 ? num.path : [...parentPath, num.path[0] ?? 0];
    const open: Open = { index: out.length, indent: line.indent, bodyIndent: null, path, shown: num.path.join('.') };
    stack = [...decision.stack, open];
    byLabel.set(path.join('.'), open.index);
    out.push({ label: path.join('.'), parent: decision.parent, author: null, date: null, content: '', line: line.no });
    bodies.push(num.rest === '' ? [] : [{ no: line.no, text: num.rest, indent: line.indent }]);
  }
  if (out.length === 0) return splitByAuthorLines(lines, zone, diagnostics);
  out.forEach((c, i) => finishComment(c, bodies[i] ?? [], zone, diagnostics));
  return out;
}

/** Fallback for themes without numbers: every `<Name> sagt:` line starts a comment, labelled 1, 2, 3, … */
function splitByAuthorLines(lines: readonly Line[], zone: string, diagnostics: Diagnostic[]): PageComment[] {
  const out: PageComment[] = [];
  const bodies: Line[][] = [];
  for (const line of lines) {
    if (!isBlank(line) && authorLine(line.text) !== null) {
      out.push({ label: String(out.length + 1), parent: null, author: null, date: null, content: '', line: line.no });
      bodies.push([]);
    }
    bodies[bodies.length - 1]?.push(line);
  }
  if (out.length > 0) {
    diagnostics.push({ severity: 'info', code: 'I_TEXT_UNNUMBERED_COMMENTS', message: `the comments carry no numbers; ${out.length} comments were split at their "<Name> sagt:" lines and numbered 1 to ${out.length}`, line: out[0]?.line ?? 1 });
  }
  out.forEach((c, i) => finishComment(c, bodies[i] ?? [], zone, diagnostics));
  return out;
}

/** Where a numbered line goes: the open levels that stay and the parent, or null when it is comment text. */
function place(
  num: { path: number[]; rest: string },
  line: Line,
  stack: readonly Open[],
  byLabel: ReadonlyMap<string, number>,
  first: boolean,
): { stack: Open[]; parent: number | null } | null {
  const n = num.path[num.path.length - 1] ?? 0;
  if (num.path.length > 1) {
    const parentLabel = num.path.slice(0, -1).join('.');
    const parent = byLabel.get(parentLabel);
    if (parent === undefined || byLabel.has(num.path.join('.'))) return null;
    // `3.5 Kilo` in a comment's text is no comment: nested numbers count up from 1 without gaps
    if (n !== 1 && !byLabel.has([...num.path.slice(0, -1), n - 1].join('.'))) return null;
    const depth = stack.findIndex((o) => o.index === parent);
    return { stack: depth < 0 ? [] : stack.slice(0, depth + 1), parent };
  }
  const current = stack[stack.length - 1];
  if (first || current === undefined) return { stack: [], parent: null };
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const o = stack[depth] as Open;
    const sameColumn = Math.abs(o.indent - line.indent) <= 1 || o.indent + o.shown.length === line.indent + String(n).length;
    if (sameColumn && n === (o.path[o.path.length - 1] ?? 0) + 1) {
      const level = stack.slice(0, depth);
      return { stack: level, parent: level.length > 0 ? (level[level.length - 1] as Open).index : null };
    }
  }
  const isAuthor = authorLine(num.rest) !== null;
  const deeperThanText = current.bodyIndent !== null && line.indent > current.bodyIndent;
  if (n === 1 && (deeperThanText || (isAuthor && line.indent > current.indent))) return { stack: [...stack], parent: current.index };
  return null;
}

/** A line that is only a date (with `am`/`um`/`at`/`Uhr`, a permalink `#`, or a `|`, `/`, `·`, `•` or dash before a button), as the comment date. */
function dateLine(text: string, zone: string): ParsedDate | null {
  if (!/(?<!\d)\d{4}(?![\d.])|\d{1,2}\.\d{1,2}\.\d{2}/u.test(text)) return null; // a year, or dd.mm.yy: `1000. Max sagt:` is no date
  const found = findGermanDate(text, { zone });
  if (found === null) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found.match.length)}`;
  if (rest.replace(/\b(?:am|um|on|at|Uhr|Antworten|Reply|Permalink)\b|[\s,|/·•#–—-]/giu, '') !== '') return null;
  return { iso: found.iso, precision: found.precision };
}

function finishComment(c: PageComment, body: Line[], zone: string, diagnostics: Diagnostic[]): void {
  let start = 0;
  const i = nextNonBlank(body, 0);
  const who = i < 0 ? null : authorLine((body[i] as Line).text);
  if (who !== null) {
    c.author = who.name;
    start = i + 1;
    if (who.dateText !== null) c.date = parseGermanDate(who.dateText, { zone });
    const j = nextNonBlank(body, start);
    const next = body[j];
    const date = next === undefined ? null : dateLine(next.text, zone);
    if (date !== null && c.date === null) {
      c.date = date;
      start = j + 1;
    }
  }
  const text = body.slice(start);
  while (text.length > 0 && (isBlank(text[text.length - 1]) || matchesAny(COMMENT_TAIL, (text[text.length - 1] as Line).text))) {
    const dropped = text.pop() as Line;
    if (!isBlank(dropped)) {
      diagnostics.push({ severity: 'info', code: 'I_TEXT_BUTTON_DROPPED', message: `comment ${c.label}: dropped the button text ${quote(dropped.text)}`, line: dropped.no });
    }
  }
  c.content = linesToHtml(text);
}
