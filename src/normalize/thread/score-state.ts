/**
 * What the `name-score` rule (score.ts) keeps about one threading run: where each comment
 * was placed, who answered it, the words of every comment and how many comments hold each word.
 */
import type { Comment } from '../../model.js';
import { REPLY_CLUES } from './score.js';
import { commentWords, MAX_TEXT } from './words.js';

/**
 * What `name-score` keeps about one threading run; filled as comments are placed.
 *
 * @example
 * const st = new ScoreState(sorted, folded);
 * st.placed(3, 1); // comment 3 (sorted position) answers comment 1
 */
export class ScoreState {
  /** Sorted position of each comment's top-level ancestor (as placed so far). */
  readonly root: Int32Array;
  /** Parent of each comment as placed so far (-1: top level). */
  readonly parent: Int32Array;
  /** Author of each comment as a small number (same folded name, same number). */
  readonly author: Int32Array;
  /** Author number of the first reply placed under each comment, -1 for none. */
  readonly firstReplier: Int32Array;
  /** 1 when comments of two different authors were placed under it. */
  readonly manyRepliers: Uint8Array;
  /** 0 not known yet, 1 no, 2 its text ends with a question mark. */
  private readonly asks: Uint8Array;
  private readonly words: Array<Int32Array | undefined>;
  private df: Map<number, number> | null = null;
  /** null: not decided yet; false: over `maxText`. */
  private ready: boolean | null = null;

  /** Scratch: rarity of each reply word (0 for words of the addressee's name). */
  readonly rarities = new Float64Array(1024);
  /** Scratch: the clues of one candidate. */
  readonly clues = new Float64Array(REPLY_CLUES.length);
  /** Words of author names, by folded name. */
  private readonly names = new Map<string, Int32Array>();

  /**
   * @param sorted the post's comments in sorted order
   * @param folded their folded authors
   */
  constructor(
    readonly sorted: readonly Comment[],
    readonly folded: readonly string[],
  ) {
    const n = sorted.length;
    this.root = new Int32Array(n);
    this.parent = new Int32Array(n).fill(-1);
    this.author = new Int32Array(n);
    const numbers = new Map<string, number>();
    for (let j = 0; j < n; j++) {
      const f = folded[j] ?? '';
      let a = numbers.get(f);
      if (a === undefined) numbers.set(f, (a = numbers.size));
      this.author[j] = a;
    }
    this.firstReplier = new Int32Array(n).fill(-1);
    this.manyRepliers = new Uint8Array(n);
    this.asks = new Uint8Array(n);
    this.words = new Array<Int32Array | undefined>(n);
  }

  /** Records that comment `i` was placed under `parent` (-1: top level). */
  placed(i: number, parent: number): void {
    this.parent[i] = parent;
    this.root[i] = parent >= 0 && parent < i ? (this.root[parent] ?? parent) : i;
    if (parent < 0 || parent >= i) return;
    const first = this.firstReplier[parent] ?? -1;
    const writer = this.author[i] ?? -1;
    if (first < 0) this.firstReplier[parent] = writer;
    else if (first !== writer) this.manyRepliers[parent] = 1;
  }

  /** Whether `name-score` was skipped because the post holds more than `maxText` characters of comments. */
  get overBudget(): boolean {
    return this.ready === false;
  }

  /** Counts the words of every comment once, unless the post holds more than `maxText` characters. */
  ensureWords(maxText: number): boolean {
    if (this.ready !== null) return this.ready;
    let chars = 0;
    for (const c of this.sorted) chars += typeof c.content === 'string' ? Math.min(c.content.length, MAX_TEXT) : 0;
    this.ready = chars <= maxText;
    if (!this.ready) return false;
    const df = new Map<number, number>();
    for (let j = 0; j < this.sorted.length; j++) for (const w of this.wordsOf(j)) df.set(w, (df.get(w) ?? 0) + 1);
    this.df = df;
    return true;
  }

  /** Words of the author name of comment `j` (memoised by folded name). */
  nameWords(j: number): Int32Array {
    const key = this.folded[j] ?? '';
    let w = this.names.get(key);
    if (w === undefined) {
      if (this.names.size >= 10_000) this.names.clear();
      const author = this.sorted[j]?.author;
      this.names.set(key, (w = commentWords(typeof author === 'string' ? author : '')));
    }
    return w;
  }

  wordsOf(j: number): Int32Array {
    let w = this.words[j];
    if (w === undefined) {
      const text = this.sorted[j]?.content;
      this.words[j] = w = commentWords(typeof text === 'string' ? text : '');
    }
    return w;
  }

  /** `ln(N / df)` of a word of the post. */
  rarity(word: number): number {
    return Math.log(this.sorted.length / (this.df?.get(word) ?? 1));
  }

  asksQuestion(j: number): boolean {
    let a = this.asks[j] ?? 0;
    if (a === 0) {
      const text = this.sorted[j]?.content;
      this.asks[j] = a = typeof text === 'string' && endsWithQuestion(text) ? 2 : 1;
    }
    return a === 2;
  }
}

const TAIL = /(?:\s|&nbsp;|&#160;|<[^<>]{0,300}>)+$/i;

/**
 * Whether the text, without trailing tags and blanks, ends with `?` or `？` (reads the last 400 characters).
 *
 * @example
 * endsWithQuestion('<p>Wieso?</p>\n') // true
 */
export function endsWithQuestion(html: string): boolean {
  const tail = (html.length > 400 ? html.slice(-400) : html).replace(TAIL, '');
  const last = tail.charCodeAt(tail.length - 1);
  return last === 63 || last === 0xff1f;
}
