/**
 * Rule `name-score`: the addressee wrote several earlier comments and the simple rules
 * (`name-since`, `name-unanswered`) do not say which one is answered. Each of their ten
 * newest comments earns points for clues (see {@link REPLY_CLUES}); the best is taken
 * when it leads the second by the margin, else the reply stays ambiguous. The weights
 * were fitted on 1,256 flattened real replies and checked on exports left out of the
 * fit (README "@Name reply inference accuracy", `bench/thread.bench.mjs`).
 */
import type { ScoreState } from './score-state.js';
import { hasWord } from './words.js';

/** The clues, each a number per candidate (1/0 for yes/no clues). */
export const REPLY_CLUES = [
  /** The addressee's newest earlier comment. */
  'newest',
  /** Their second newest. */
  'second',
  /** Written after the writer's own previous comment (people answer what was said since they last spoke). */
  'afterWriter',
  /** It is itself placed under a comment of the writer (a dialogue). */
  'answersWriter',
  /** It is at the top level (placed under nothing). */
  'topLevel',
  /** The writer already answered it (by `parentId` or a rule that does not guess). */
  'answeredByWriter',
  /** It sits in the same thread (same top-level comment) as the writer's previous comment. */
  'writersThread',
  /** Its text ends with a question mark. */
  'question',
  /** `ln(1 + Σ ln(N / df))` over the reply's words (not the addressee's name) that it contains; df counts the post's comments with the word. */
  'rareWords',
  /** Someone other than the writer already answered it. */
  'answeredByOther',
] as const;

/** One clue of {@link REPLY_CLUES}. */
export type ReplyClue = (typeof REPLY_CLUES)[number];

/** The weights fitted on the five threaded exports by `bench/thread.bench.mjs` (c) (conditional logit, rounded). */
export const DEFAULT_CLUE_WEIGHTS: Readonly<Record<ReplyClue, number>> = Object.freeze({
  newest: 0.74,
  second: 0.39,
  afterWriter: 1.08,
  answersWriter: 0.82,
  topLevel: 0.5,
  answeredByWriter: -0.58,
  writersThread: 0.59,
  question: 0.52,
  rareWords: 1.13,
  answeredByOther: -0.6,
});

/** How far the best candidate's score must lead the second's: the smallest margin that keeps 96% precision on the five exports (bench (c)). */
export const DEFAULT_MARGIN = 0.55;

/**
 * One weighing of `name-score`, as passed to {@link ReplyScoringOptions.onWeigh}.
 *
 * @example
 * // { commentId: 4, chosen: 2, candidates: [{ commentId: 2, score: 3.02, clues: { newest: 0, second: 1, question: 1, … } }, …] }
 */
export interface ReplyWeighing {
  /** The reply. */
  commentId: number;
  /** The candidates, oldest first: the addressee's (up to) ten newest earlier comments. */
  candidates: Array<{ commentId: number; clues: Record<ReplyClue, number>; score: number }>;
  /** The chosen comment, or null when the best did not lead by the margin. */
  chosen: number | null;
}

/**
 * Options of the `name-score` rule (`ThreadOptions.scoring`). Never mutated.
 *
 * @example
 * threadComments(comments, { mentions: true, scoring: { margin: 1, weights: { question: 0 }, onWeigh: (w) => log.push(w) } });
 */
export interface ReplyScoringOptions {
  /** Weights of the clues; a missing clue keeps its default. Default: {@link DEFAULT_CLUE_WEIGHTS}. */
  weights?: Partial<Record<ReplyClue, number>>;
  /** How far the best score must lead the second; `Infinity` turns the rule off (`onWeigh` still sees the weighings). Default `0.55`. */
  margin?: number;
  /**
   * Most characters of comment text (each comment's first 4,000) a post may hold for the
   * rule to run: it counts the words of every comment of the post once. Larger posts
   * leave such replies ambiguous. Default `1_000_000` (about four times the largest real
   * post of the test corpus; a generated post of 100,000 comments is over it).
   */
  maxText?: number;
  /** Called for each weighing (also when the rule declines), to audit the rule or fit weights to an archive. Default: none. */
  onWeigh?: (weighing: ReplyWeighing) => void;
}

/** {@link ReplyScoringOptions} with every default filled in (weights in {@link REPLY_CLUES} order). */
export interface ResolvedScoring {
  weights: Float64Array;
  margin: number;
  maxText: number;
  onWeigh: ((weighing: ReplyWeighing) => void) | undefined;
}

/**
 * Resolves the options once; numbers that are not numbers fall back to the defaults.
 *
 * @example
 * resolveScoring({ margin: 1 }).weights[0] === DEFAULT_CLUE_WEIGHTS.newest // true
 */
export function resolveScoring(o: ReplyScoringOptions | undefined): ResolvedScoring {
  if (o === undefined) return DEFAULT_SCORING;
  const given = o !== null && typeof o === 'object' ? o : {};
  const w = given.weights !== null && typeof given.weights === 'object' ? given.weights : {};
  const weights = Float64Array.from(REPLY_CLUES, (k) => (typeof w[k] === 'number' && Number.isFinite(w[k]) ? w[k] : DEFAULT_CLUE_WEIGHTS[k]));
  const margin = typeof given.margin === 'number' && !Number.isNaN(given.margin) ? given.margin : DEFAULT_MARGIN;
  const maxText = typeof given.maxText === 'number' && !Number.isNaN(given.maxText) ? given.maxText : SCORE_BUDGET;
  return { weights, margin, maxText, onWeigh: typeof given.onWeigh === 'function' ? given.onWeigh : undefined };
}

/** Candidates weighed: the addressee's newest comments. */
export const SCORE_WINDOW = 10;
/** Default of {@link ReplyScoringOptions.maxText}: bounds the work on huge posts. */
export const SCORE_BUDGET = 1_000_000;
/** The defaults, resolved once (most calls pass no scoring options); never mutated. */
const DEFAULT_SCORING: ResolvedScoring = resolveScoring({});
const NONE: readonly number[] = [];
/** Most of the writer's answers looked at for `answeredByWriter`. */
const MAX_ANSWERS = 1000;

/**
 * The candidate of `history` (the addressee's earlier comments, oldest first, at least two)
 * that `name-score` picks for the reply at sorted position `i`, or -1. `previous` is the
 * writer's previous comment (-1: none), `answers` the comments the writer surely answered.
 *
 * @example
 * const j = scoreCandidates(state, resolveScoring(undefined), i, previous, answers.get(writer), history);
 */
export function scoreCandidates(st: ScoreState, scoring: ResolvedScoring, i: number, previous: number, answers: readonly number[] | undefined, history: readonly number[]): number {
  if ((scoring.margin === Number.POSITIVE_INFINITY && !scoring.onWeigh) || !st.ensureWords(scoring.maxText)) return -1;
  const { sorted, rarities, clues, author } = st;
  const writer = author[i] ?? -1;
  const from = Math.max(0, history.length - SCORE_WINDOW);
  const reply = st.wordsOf(i);
  const name = st.nameWords(history[0] ?? -1);
  for (let x = 0; x < reply.length; x++) rarities[x] = hasWord(name, reply[x] ?? 0) ? 0 : st.rarity(reply[x] ?? 0);
  const said = answers ?? NONE;
  const rootPrevious = previous >= 0 ? (st.root[previous] ?? -2) : -2;
  const w = scoring.weights;
  const weighing: ReplyWeighing | undefined = scoring.onWeigh ? { commentId: sorted[i]?.id ?? 0, candidates: [], chosen: null } : undefined;
  let best = -1;
  let top = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (let k = from; k < history.length; k++) {
    const j = history[k] ?? -1;
    const parent = st.parent[j] ?? -1;
    const rank = history.length - 1 - k;
    const cw = st.wordsOf(j);
    let rare = 0;
    for (let x = 0; x < reply.length; x++) if ((rarities[x] ?? 0) > 0 && hasWord(cw, reply[x] ?? 0)) rare += rarities[x] ?? 0;
    const first = st.firstReplier[j] ?? -1;
    clues[0] = rank === 0 ? 1 : 0;
    clues[1] = rank === 1 ? 1 : 0;
    clues[2] = j > previous ? 1 : 0;
    clues[3] = parent >= 0 && author[parent] === writer ? 1 : 0;
    clues[4] = parent < 0 ? 1 : 0;
    clues[5] = answeredBy(said, j) ? 1 : 0;
    clues[6] = rootPrevious >= 0 && st.root[j] === rootPrevious ? 1 : 0;
    clues[7] = st.asksQuestion(j) ? 1 : 0;
    clues[8] = Math.log1p(rare);
    clues[9] = st.manyRepliers[j] === 1 || (first >= 0 && first !== writer) ? 1 : 0;
    let score = 0;
    for (let d = 0; d < clues.length; d++) score += (clues[d] ?? 0) * (w[d] ?? 0);
    if (score > top) {
      second = top;
      top = score;
      best = j;
    } else if (score > second) second = score;
    if (weighing) weighing.candidates.push({ commentId: sorted[j]?.id ?? 0, clues: Object.fromEntries(REPLY_CLUES.map((c, d) => [c, clues[d] ?? 0])) as Record<ReplyClue, number>, score });
  }
  const chosen = best >= 0 && top - second >= scoring.margin ? best : -1;
  if (weighing && scoring.onWeigh) {
    weighing.chosen = chosen >= 0 ? (sorted[chosen]?.id ?? null) : null;
    try {
      scoring.onWeigh(weighing);
    } catch {
      // A throwing callback must not break threading (threadComments never throws).
    }
  }
  return chosen;
}

/** Whether `j` is among the writer's last {@link MAX_ANSWERS} sure answers. */
function answeredBy(answers: readonly number[], j: number): boolean {
  for (let k = answers.length - 1, n = 0; k >= 0 && n < MAX_ANSWERS; k--, n++) if (answers[k] === j) return true;
  return false;
}
