/**
 * Where each comment hangs: the cascade of docs/german-dates-and-replies.md §3.3.
 * 1. an explicit `parentId` that exists (`via: 'parent'`);
 * 2. with mentions on, for comments without a parent, each leading addressee:
 *    a `#comment-N` link to an EARLIER comment (`link`); `@Vorredner` (`previous`);
 *    `@alle` (`broadcast`, no target); a known name, case and umlauts folded, longest
 *    known name first (see {@link pickFrom} for a person with several comments); the
 *    post author's aliases (`post-author`); else `unresolved`.
 * The parent is the first resolved addressee. Never forward in time, never to
 * itself; pingbacks, trackbacks, spam and trash are never targets.
 */
import type { Comment, Diagnostic, MentionResolution } from '../../model.js';
import { readAddressBlock } from './mentions.js';
import { memoFold } from './names.js';
import type { ResolvedThreadOptions } from './options.js';
import { scoreCandidates } from './score.js';
import { ScoreState } from './score-state.js';

/** The placement of one comment (by its position in the sorted order). */
export interface Placement {
  /** Sorted position of the parent, or -1 for the top level. */
  parent: number;
  via: 'parent' | 'mention' | null;
  mentions?: MentionResolution[];
  /** Set once placed: a parent from `parentId` or from a rule that does not guess (counts as an answer for `name-unanswered`). */
  sure?: boolean;
}

const PREVIOUS = new Set(['vorredner', 'vorrednerin', 'vorredner/in', 'vorposter', 'vorposterin', 'obendrueber', 'previous']);
const BROADCAST = new Set(['alle', 'all', 'allen', 'everyone', 'tous']);
const MAX_NAME_WORDS = 6;
const NOT_TARGET_TYPES = new Set(['pingback', 'trackback']);
/** `post-trashed` is not here: it marks every comment of a trashed post, which were approved before. */
const NOT_TARGET_STATUS = new Set(['spam', 'trash']);

/** Pingbacks, trackbacks, spam and trash are never reply targets. */
export function isTarget(c: Comment): boolean {
  return !NOT_TARGET_TYPES.has(c.type) && !NOT_TARGET_STATUS.has(c.approved);
}

const d = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Milliseconds of a model date (ISO 8601 from the dates module); the common `…Z` form without `Date.parse`. */
function instant(iso: string | null | undefined): number {
  if (typeof iso !== 'string') return Number.POSITIVE_INFINITY;
  const n = iso.length;
  if ((n === 20 || (n === 24 && iso.charCodeAt(19) === 46)) && iso.charCodeAt(n - 1) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */) {
    const ms = Date.UTC(d(iso, 0) * 1000 + d(iso, 1) * 100 + d(iso, 2) * 10 + d(iso, 3), d(iso, 5) * 10 + d(iso, 6) - 1, d(iso, 8) * 10 + d(iso, 9), d(iso, 11) * 10 + d(iso, 12), d(iso, 14) * 10 + d(iso, 15), d(iso, 17) * 10 + d(iso, 18));
    if (!Number.isNaN(ms)) return ms;
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** A date without a time (`2012-05-03`), as saved pages give when a theme prints no time. */
const dayOnly = (iso: string | null | undefined): boolean => typeof iso === 'string' && iso.length === 10;

/** The calendar day of a model date as printed (its local date), in days; no date last. */
function dayOf(c: Comment): number {
  const iso = c.date ?? c.dateGmt;
  const ms = typeof iso === 'string' ? Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) : Number.NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms / 86_400_000;
}

/**
 * Sort key: the instant (GMT first), comments without a date last, then the id. When some comments
 * have only a day (no time), a day is not an instant (midnight would put them before every comment of
 * that day): then comments are ordered by day, and within a day by id (WordPress numbers comments as
 * they come; a page may list the newest first), then by their order in the input.
 */
export function sortOrder(comments: readonly Comment[]): number[] {
  const order = comments.map((_, i) => i);
  if (comments.some((c) => dayOnly(c.date ?? c.dateGmt))) {
    const days = comments.map(dayOf);
    order.sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0) || (comments[a]?.id ?? 0) - (comments[b]?.id ?? 0) || a - b);
    return order;
  }
  const keys = comments.map((c) => instant(c.dateGmt ?? c.date));
  order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || (comments[a]?.id ?? 0) - (comments[b]?.id ?? 0) || a - b);
  return order;
}

interface State {
  sorted: readonly Comment[];
  opts: ResolvedThreadOptions;
  /** Sorted position of the first comment with each id. */
  byId: ReadonlyMap<number, number>;
  /** Folded author name -> sorted positions of that author's comments so far, oldest first. */
  byName: Map<string, number[]>;
  /** Folded author of each sorted position (computed once). */
  folded: readonly string[];
  /** Placements decided so far (all earlier comments). */
  placed: readonly Placement[];
  /** Memoised name folding for this run. */
  fold: (name: string) => string;
  /** Most words in any known name so far. */
  maxWords: number;
  latestPostAuthor: number;
  /** Folded writer -> sorted positions of the comments they answered for sure (`Placement.sure`), for `name-unanswered`. */
  answers: Map<string, number[]>;
  /** What `name-score` keeps (roots, repliers, words of the post). */
  score: ScoreState;
  diagnostics: Diagnostic[];
  /** Reading the address of a comment that already has its parent (for `mentions` only): no diagnostics, no weighings reported. */
  audit: boolean;
}

function diag(s: State, severity: Diagnostic['severity'], code: string, message: string): void {
  const d: Diagnostic = { severity, code, message };
  if (s.opts.postId !== undefined) d.itemId = s.opts.postId;
  s.diagnostics.push(d);
}

function knownPrefix(s: State, words: readonly string[]): number {
  for (let k = Math.min(words.length, s.maxWords); k >= 1; k--) {
    const f = s.fold(k === 1 ? (words[0] ?? '') : words.slice(0, k).join(' '));
    if (s.byName.has(f) || s.opts.aliases.has(f) || (k === 1 && (PREVIOUS.has(f) || BROADCAST.has(f)))) return k;
  }
  return 0;
}

function previousByOther(s: State, i: number): number {
  const self = s.folded[i];
  for (let j = i - 1; j >= 0; j--) {
    const c = s.sorted[j];
    if (c && isTarget(c) && s.folded[j] !== self) return j;
  }
  return -1;
}

function resolveOne(s: State, i: number, name: string, linkedId: number | null): { target: number; rule: string } {
  if (linkedId !== null) {
    const t = s.byId.get(linkedId);
    const c = t === undefined ? undefined : s.sorted[t];
    if (t !== undefined && t < i && c && isTarget(c)) return { target: t, rule: 'link' };
    diag(s, 'info', 'I_MENTION_LINK_MISSING', `comment ${s.sorted[i]?.id} links to comment ${linkedId}, which is not an earlier comment of this post; left unresolved`);
    return { target: -1, rule: 'unresolved' };
  }
  const f = s.fold(name);
  if (PREVIOUS.has(f)) return { target: previousByOther(s, i), rule: 'previous' };
  if (BROADCAST.has(f)) return { target: -1, rule: 'broadcast' };
  const history = s.byName.get(f);
  if (history !== undefined) return pickFrom(s, i, history);
  if (s.opts.aliases.has(f)) return { target: s.latestPostAuthor, rule: 'post-author' };
  return { target: -1, rule: 'unresolved' };
}

/** `name-unanswered` is not tried for writers with more answers than this in one post (bounds the work). */
const MAX_SCAN = 1000;
/** Candidate ids listed in an `I_MENTION_AMBIGUOUS` diagnostic. */
const MAX_LISTED = 5;
/** Rules that guess; their placements do not count as answers for `name-unanswered` (nor for the `answeredByWriter` clue). */
const GUESSES = new Set(['name-score', 'name-latest', 'name-dialogue']);

/**
 * The comment a name resolves to when `history` (that person's earlier comments,
 * oldest first) is known. Measured on 1,256 real replies of threaded exports
 * (README "Comment threads", `bench/thread.bench.mjs`), in this order:
 * - `name`: the person wrote one earlier comment (100% right);
 * - `name-since`: the person wrote exactly one comment since the writer's own
 *   previous comment, so the writer answers what was said since they last spoke;
 * - `name-unanswered`: exactly one of the person's comments is not yet answered by
 *   the writer (the writer does not answer the same comment twice);
 * - `name-score`: among the person's ten newest comments, the one whose clues (newest,
 *   after the writer's previous comment, answering the writer, in the writer's thread,
 *   rare words shared with the reply, ...) score clearly best (see score.ts); a guess,
 *   right for about 4 in 5 of the replies it places, so it does not count as an answer;
 * - `name-dialogue` (only with `reciprocity`): the newest that itself answered the writer;
 * - else the choice is a guess (the newest was right for about 1 in 3 of the rest):
 *   `ambiguous: 'latest'` takes the newest (`name-latest`); `'skip'` leaves the
 *   addressee unresolved (`ambiguous`) and lists the candidates in an
 *   `I_MENTION_AMBIGUOUS` diagnostic.
 */
function pickFrom(s: State, i: number, history: readonly number[]): { target: number; rule: string } {
  const newest = history[history.length - 1] ?? -1;
  if (history.length < 2) return { target: newest, rule: 'name' };
  const writer = s.folded[i] ?? '';
  const own = s.byName.get(writer);
  const previous = own === undefined ? -1 : (own[own.length - 1] ?? -1);
  if (previous >= 0 && newest > previous && (history[history.length - 2] ?? -1) < previous) return { target: newest, rule: 'name-since' };
  const unanswered = unansweredOnly(s, history, writer);
  if (unanswered >= 0) return { target: unanswered, rule: 'name-unanswered' };
  const scoring = s.audit && s.opts.scoring.onWeigh ? { ...s.opts.scoring, onWeigh: undefined } : s.opts.scoring;
  const scored = scoreCandidates(s.score, scoring, i, previous, s.answers.get(writer), history);
  if (scored >= 0) return { target: scored, rule: 'name-score' };
  if (s.opts.reciprocity) {
    for (let k = history.length - 1, seen = 0; k >= 0 && seen < 50; k--, seen++) {
      const j = history[k] ?? -1;
      const parent = s.placed[j]?.parent ?? -1;
      if (parent >= 0 && s.folded[parent] === writer) return { target: j, rule: 'name-dialogue' };
    }
  }
  if (s.opts.ambiguous === 'latest') return { target: newest, rule: 'name-latest' };
  let listed = '';
  for (let k = history.length - 1; k >= 0 && k >= history.length - MAX_LISTED; k--) listed += `${k < history.length - 1 ? ', ' : ''}${s.sorted[history[k] ?? -1]?.id}`;
  if (history.length > MAX_LISTED) listed += ` and ${history.length - MAX_LISTED} older`;
  if (!s.audit) diag(s, 'info', 'I_MENTION_AMBIGUOUS', `comment ${s.sorted[i]?.id} addresses "${s.sorted[newest]?.author}", who wrote ${history.length} earlier comments (newest first: ${listed}); left unresolved${s.score.overBudget ? ' (name-score was not tried: the post holds more comment text than scoring.maxText)' : ''}`);
  return { target: -1, rule: 'ambiguous' };
}

/**
 * The one comment of `history` (the addressee's) that the writer has not answered yet,
 * or -1 when there are none or several. Answers are the writer's earlier comments placed
 * under one of them by `parentId` or by a rule that does not guess (see {@link GUESSES}).
 */
function unansweredOnly(s: State, history: readonly number[], writer: string): number {
  const answers = s.answers.get(writer);
  if (answers === undefined || answers.length < history.length - 1 || answers.length > MAX_SCAN) return -1;
  const addressee = s.folded[history[0] ?? -1];
  const answered = new Set<number>();
  for (const p of answers) if (s.folded[p] === addressee) answered.add(p);
  if (history.length - answered.size !== 1) return -1;
  for (let k = history.length - 1; k >= 0; k--) {
    const j = history[k] ?? -1;
    if (!answered.has(j)) return j;
  }
  return -1;
}

function inferFromMentions(s: State, i: number, content: string): Placement | null {
  if (!content.includes('@')) return null;
  const block = readAddressBlock(content, (words) => knownPrefix(s, words));
  if (block.length === 0) return null;
  let parent = -1;
  let sure = false;
  const mentions: MentionResolution[] = [];
  for (const m of block) {
    const { target, rule } = resolveOne(s, i, m.name, m.linkedId);
    mentions.push({ name: m.name, commentId: target >= 0 ? (s.sorted[target]?.id ?? null) : null, rule });
    if (parent < 0 && target >= 0) [parent, sure] = [target, !GUESSES.has(rule)];
  }
  return parent >= 0 ? { parent, via: 'mention', mentions, sure } : { parent, via: null, mentions };
}

/** Records that comment `i` answers the target comment `parent` for sure. */
function answered(s: State, i: number, parent: number): void {
  const c = s.sorted[parent];
  if (parent >= i || !c || !isTarget(c)) return;
  const writer = s.folded[i] ?? '';
  const list = s.answers.get(writer);
  if (list === undefined) s.answers.set(writer, [parent]);
  else list.push(parent);
}

function remember(s: State, i: number): void {
  const c = s.sorted[i];
  if (!c || !isTarget(c)) return;
  const f = s.folded[i] ?? '';
  if (f === '') return;
  const history = s.byName.get(f);
  if (history) history.push(i);
  else s.byName.set(f, [i]);
  if (s.maxWords < MAX_NAME_WORDS && f.includes(' ')) s.maxWords = Math.max(s.maxWords, wordCount(f));
  if (s.opts.aliases.has(f)) s.latestPostAuthor = i;
}

function wordCount(folded: string): number {
  let n = 1;
  for (let i = folded.indexOf(' '); i >= 0 && n < MAX_NAME_WORDS; i = folded.indexOf(' ', i + 1)) n++;
  return n;
}

/** Without mentions nothing is scored (`placed` is never called): one shared empty state instead of one per post. */
const NO_SCORING = new ScoreState([], []);

/** Placements for comments already in sorted order. */
export function place(sorted: readonly Comment[], opts: ResolvedThreadOptions, diagnostics: Diagnostic[]): Placement[] {
  const byId = new Map<number, number>();
  sorted.forEach((c, i) => {
    if (!byId.has(c.id)) byId.set(c.id, i);
    else diagnostics.push({ severity: 'warning', code: 'W_COMMENT_DUPLICATE_ID', message: `two comments have the id ${c.id}; both are kept, replies attach to the earlier one`, ...(opts.postId !== undefined ? { itemId: opts.postId } : {}) });
  });
  let maxWords = 1;
  for (const a of opts.aliases) maxWords = Math.max(maxWords, wordCount(a));
  const out: Placement[] = [];
  const fold = memoFold();
  // Names are folded only for the @Name inference; a plain parentId tree needs none of it.
  const folded = opts.mentions ? sorted.map((c) => fold(typeof c.author === 'string' ? c.author : '')) : [];
  const s: State = { sorted, opts, byId, byName: new Map(), folded, fold, placed: out, maxWords, latestPostAuthor: -1, answers: new Map(), score: opts.mentions ? new ScoreState(sorted, folded) : NO_SCORING, diagnostics, audit: false };
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as Comment;
    const explicit = c.parentId !== null && c.parentId !== 0 ? c.parentId : null;
    let placement: Placement = { parent: -1, via: null };
    if (explicit !== null) {
      const t = byId.get(explicit);
      if (t === undefined) diag(s, 'warning', 'W_COMMENT_PARENT_MISSING', `comment ${c.id} answers comment ${explicit}, which is not in the export (spam is never exported); placed at the top level`);
      else if (t === i || explicit === c.id) diag(s, 'warning', 'W_COMMENT_PARENT_CYCLE', `comment ${c.id} names itself as its parent; placed at the top level`);
      else placement = { parent: t, via: 'parent', sure: true };
      if (opts.mentions && t !== undefined && t !== i) {
        s.audit = true;
        const audit = typeof c.content === 'string' && isTarget(c) ? inferFromMentions(s, i, c.content) : null;
        s.audit = false;
        if (audit?.mentions) placement.mentions = audit.mentions;
      }
    } else if (opts.mentions && typeof c.content === 'string' && !NOT_TARGET_TYPES.has(c.type)) {
      placement = inferFromMentions(s, i, c.content) ?? placement;
    }
    out.push(placement);
    if (!opts.mentions) continue;
    if (placement.sure === true) answered(s, i, placement.parent);
    s.score.placed(i, placement.parent);
    remember(s, i);
  }
  return out;
}
