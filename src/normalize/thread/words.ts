/**
 * The words of a comment for the `rareWords` clue of `name-score`, as 30-bit hashes (cheap to keep
 * and compare for 100,000 comments): tags and entities dropped, Latin letters case
 * folded, runs of four or more letters or digits, and for Chinese, Japanese and
 * Korean (written without spaces) every pair of adjacent characters. One pass over
 * the characters, no substrings; reads at most the first {@link MAX_TEXT} characters,
 * so the work per comment is bounded. Two different words share a hash about once
 * in a billion pairs, which cannot matter for a tie-break between a few comments.
 */

/** Shortest word kept: four letters, so that short function words (`und`, `the`, `les`) do not count. */
const MIN_LETTERS = 4;
/** Characters of a comment that are read for words. */
export const MAX_TEXT = 4000;
const TAG = /<[^<>]{0,2000}>|&#?[a-z0-9]{1,10};/gi;

/** 0: separator, 1: letter or digit, 2: CJK character. */
function kind(code: number): 0 | 1 | 2 {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff)) return 2;
  if (code < 0xc0 || code === 0xd7 || code === 0xf7 || (code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff20) || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return 1;
}

/** ASCII and Latin-1 capitals to small letters. */
const lower = (code: number): number => ((code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 32 : code);

/** FNV-1a step. */
const mix = (h: number, code: number): number => Math.imul(h ^ code, 16777619);
const SEED = 2166136261;
/** Hashes are cut to 30 bits, so that V8 keeps them as small integers (no heap numbers). */
const SMALL = 0x3fffffff;

/** Most words kept per comment (the first ones). */
const MAX_WORDS = 1024;
const scratch = new Int32Array(MAX_WORDS);

/**
 * The distinct words of an HTML comment text, hashed (see the module comment), sorted
 * ascending for {@link hasWord}.
 *
 * @example
 * commentWords('<p>Der Zähler zählt</p>').length // 2 ('zähler', 'zählt'; 'der' is too short)
 * commentWords('看不懂').length // 2 ('看不', '不懂')
 * hasWord(commentWords('ZÄHLER'), commentWords('zähler')[0] ?? 0) // true
 */
export function commentWords(html: string): Int32Array {
  let text = html.length > MAX_TEXT ? html.slice(0, MAX_TEXT) : html;
  if (text.includes('<') || text.includes('&')) text = text.replace(TAG, ' ');
  let n = 0;
  let run: 0 | 1 | 2 = 0;
  let length = 0;
  let hash = SEED;
  let before = 0;
  for (let i = 0; i <= text.length && n < MAX_WORDS; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const k = kind(code);
    if (k === 1) {
      if (run !== 1) {
        hash = SEED;
        length = 0;
      }
      hash = mix(hash, lower(code));
      length++;
    } else {
      if (run === 1 && length >= MIN_LETTERS) scratch[n++] = hash & SMALL;
      if (k === 2 && run === 2 && n < MAX_WORDS) scratch[n++] = mix(mix(SEED ^ 0x5bd1e995, before), code) & SMALL;
    }
    run = k;
    before = code;
  }
  if (n > 1) scratch.subarray(0, n).sort();
  let m = 0;
  for (let k = 0; k < n; k++) if (k === 0 || scratch[k] !== scratch[k - 1]) scratch[m++] = scratch[k] ?? 0;
  return scratch.slice(0, m);
}

/**
 * Whether a sorted word list (from {@link commentWords}) holds a word.
 *
 * @example
 * hasWord(commentWords('ein Zähler'), commentWords('zähler')[0] ?? 0) // true
 */
export function hasWord(words: Int32Array, word: number): boolean {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid] ?? 0;
    if (w === word) return true;
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
