/**
 * Emphasis delimiters are written as marker characters first and resolved when the
 * paragraph is complete, because only then are their neighbours known. A pair
 * that CommonMark would not recognise there (`**Note:**text`: a closing run
 * after punctuation and before a letter) is written as HTML (`<strong>`) instead.
 */
import { wrongPairs, type StarRun } from './emphasis-runs.js';

/** Marker characters for opening and closing `**`, `*`, `~~`. */
export const DELIM = {
  strong: ['\u0007', '\u0008'],
  em: ['\u000e', '\u000f'],
  del: ['\u0010', '\u0011'],
} as const;

const MD = new Map<string, [string, string]>([
  ['\u0007', ['**', '<strong>']], ['\u0008', ['**', '</strong>']],
  ['\u000e', ['*', '<em>']], ['\u000f', ['*', '</em>']],
  ['\u0010', ['~~', '<del>']], ['\u0011', ['~~', '</del>']],
]);
const OPENERS = new Map([['\u0008', '\u0007'], ['\u000f', '\u000e'], ['\u0011', '\u0010']]);
const ANY = /[\u0007\u0008\u000e-\u0011]/;
const ANY_G = /[\u0007\u0008\u000e-\u0011]/g;
const ADJACENT = /\u0008\u0007|\u000f\u000e|\u0011\u0010/g;
const WS = /[\s\u0000\u0001\u0004]/u;
const PUNCT = /[\p{P}\p{S}\u0005\u0006\u0007\u0008\u000e-\u0011]/u;

/**
 * The character that Markdown sees next to the marker at `i`, going in direction `step`.
 * A marker of the same character (`*` next to `**`) that stays Markdown is part of one
 * delimiter run, so it is looked past; an unpaired marker is dropped, so it is looked past
 * too; any other marker stands for punctuation (`~`, or the `<`/`>` of an HTML tag).
 */
function neighbour(s: string, i: number, step: 1 | -1, md: ReadonlyMap<number, boolean>): string {
  const family = MD.get(s[i] ?? '')?.[0][0];
  for (let j = i + step; ; j += step) {
    if (j < 0 || j >= s.length) return ' ';
    const c = s[j] ?? ' ';
    const kind = MD.get(c);
    if (kind === undefined) return c;
    const asMd = md.get(j);
    if (asMd === undefined || (asMd && kind[0][0] === family)) continue;
    return '>';
  }
}

function leftOk(prev: string, next: string): boolean {
  if (WS.test(next)) return false;
  return !PUNCT.test(next) || WS.test(prev) || PUNCT.test(prev);
}

function rightOk(prev: string, next: string): boolean {
  if (WS.test(prev)) return false;
  return !PUNCT.test(prev) || WS.test(next) || PUNCT.test(next);
}

/** Pairs markers (an opener with the nearest open one of its kind) and returns `i → partner`. */
function pairs(s: string, at: readonly number[]): Map<number, number> {
  const partner = new Map<number, number>();
  const stack: number[] = [];
  for (const i of at) {
    const c = s[i] ?? '';
    const want = OPENERS.get(c);
    if (want === undefined) {
      stack.push(i);
      continue;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k] ?? -1;
      if (s[o] !== want) continue;
      partner.set(o, i).set(i, o);
      stack.length = k;
      break;
    }
  }
  return partner;
}

/** The `*` delimiter runs of the paragraph as it would be written with the decisions in `md`. */
function starRuns(s: string, at: readonly number[], md: ReadonlyMap<number, boolean>): StarRun[] {
  const runs: StarRun[] = [];
  let cur: StarRun | undefined;
  let first = -1;
  let last = -1;
  let next = -1;
  const finish = (): void => {
    if (!cur) return;
    const prev = neighbour(s, first, -1, md);
    const after = neighbour(s, last, 1, md);
    cur.canOpen = leftOk(prev, after);
    cur.canClose = rightOk(prev, after);
  };
  for (const i of at) {
    const asMd = md.get(i);
    if (asMd === undefined) {
      if (i === next) next = i + 1; // unpaired: written as nothing, the run goes on
      continue;
    }
    const text = MD.get(s[i] ?? '')?.[0] ?? '';
    if (!asMd || text[0] !== '*') {
      finish();
      cur = undefined;
      continue;
    }
    if (!cur || i !== next) {
      finish();
      cur = { chars: [], canOpen: false, canClose: false };
      runs.push(cur);
      first = i;
    }
    for (let k = 0; k < text.length; k++) cur.chars.push(i);
    last = i;
    next = i + 1;
  }
  finish();
  return runs;
}

/** Rounds of {@link decide} before every pair is written as HTML (which always renders as meant). */
const MAX_ROUNDS = 32;
/** Above this many `*` runs in one paragraph the matching is not simulated (it is quadratic at worst). */
const MAX_RUNS = 2000;

/**
 * Decides for each paired marker whether it can be written as Markdown (`true`) or must be
 * HTML (`false`): first by the flanking rules, then by simulating how a renderer matches
 * the `*` runs (see `emphasis-runs.ts`). A pair that turns to HTML changes what its
 * neighbours see, so this repeats until nothing changes; pairs only ever turn from Markdown
 * to HTML, and after {@link MAX_ROUNDS} rounds all of them do.
 */
function decide(s: string, at: readonly number[], partner: ReadonlyMap<number, number>): Map<number, boolean> {
  const md = new Map<number, boolean>();
  for (const i of at) if (partner.has(i)) md.set(i, true);
  const toHtml = (i: number): boolean => {
    const j = partner.get(i);
    if (j === undefined || md.get(i) !== true) return false;
    md.set(i, false).set(j, false);
    return true;
  };
  for (let round = 0, changed = true; changed; round++) {
    if (round === MAX_ROUNDS) {
      for (const k of md.keys()) md.set(k, false);
      break;
    }
    changed = false;
    for (const o of at) {
      const e = partner.get(o) ?? -1;
      if (e < o || md.get(o) !== true) continue;
      const ok = leftOk(neighbour(s, o, -1, md), neighbour(s, o, 1, md)) && rightOk(neighbour(s, e, -1, md), neighbour(s, e, 1, md));
      if (!ok) changed = toHtml(o) || changed;
    }
    if (changed) continue;
    const runs = starRuns(s, at, md);
    if (runs.length > MAX_RUNS) break;
    for (const i of wrongPairs(runs, partner)) changed = toHtml(i) || changed;
  }
  return md;
}

/** Replaces delimiter markers by Markdown delimiters, or by HTML tags where Markdown would not parse them. */
export function resolveDelimiters(input: string): string {
  if (!ANY.test(input)) return input;
  const s = input.replace(ADJACENT, ''); // `**a**` + `**b**` side by side: one run
  const at: number[] = [];
  ANY_G.lastIndex = 0;
  while (ANY_G.exec(s) !== null) at.push(ANY_G.lastIndex - 1);
  const md = decide(s, at, pairs(s, at));
  let out = '';
  let last = 0;
  for (const i of at) {
    out += s.slice(last, i);
    last = i + 1;
    const asMd = md.get(i);
    if (asMd === undefined) continue; // unpaired (a paragraph break inside the element): dropped
    const text = MD.get(s[i] ?? '');
    out += text ? text[asMd ? 0 : 1] : '';
  }
  return out + s.slice(last);
}
