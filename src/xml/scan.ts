/**
 * The tokenizer's character-level helpers: name and space scanning, the character classes it
 * checks, and `detach` (copying short texts out of their input chunk).
 */
import type { RawElement, XmlAttr } from './types.js';

/**
 * End of the name starting at `i`: names stop at whitespace and at `/ > = < " ' ! ? & ;`.
 * A loop over char codes: cheaper than a sticky regex (no match object per tag).
 *
 * @example
 * scanName('<wp:post_id>1', 1) // 11
 */
export function scanName(buf: string, i: number): number {
  const n = buf.length;
  for (; i < n; i++) {
    const c = buf.charCodeAt(i);
    if (c <= 32 || c === 47 || c === 62 || c === 61 || c === 60 || c === 34 || c === 39 || c === 33 || c === 63 || c === 38 || c === 59) break;
  }
  return i;
}

/**
 * Index of the first character at or after `i` that is not XML whitespace.
 *
 * @example
 * skipSpace('a \n\tb', 1) // 4
 */
export function skipSpace(buf: string, i: number): number {
  const n = buf.length;
  for (; i < n; i++) {
    const c = buf.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) break;
  }
  return i;
}
export const NON_SPACE = /[^ \t\n\r]/;
/** How PHP's HTML error messages start (`<br />`, `<b>Warning</b>`). */
export const PHP_HTML = /^<(?:br|b>)/i;
export const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
export const BAD_CHARS_G = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
export const ATTR_WS = /[\t\n]/g;
export const NO_ATTRS: readonly XmlAttr[] = Object.freeze([]) as readonly XmlAttr[];
/** The parts of every element as it starts: shared and frozen (handlers replace an empty list, never push onto it). */
export const NO_PARTS = Object.freeze([]) as unknown as (string | RawElement)[];
/** Texts up to this length are copied out of the input chunk they were cut from, so that keeping one does not keep the chunk. */
export const DETACH_MAX = 1024;

/**
 * A copy of `s` that does not point into a larger string. V8 cuts substrings of 13 or more
 * characters as views of their parent (here: a whole input chunk of 64 KiB or more), so a
 * consumer keeping a short field would keep the chunk alive; shorter ones are copied anyway.
 *
 * @example
 * detach(chunk.slice(100, 140)) // the same 40 characters, no longer a view of `chunk`
 */
export function detach(s: string): string {
  return s.length < 13 || s.length > DETACH_MAX ? s : (' ' + s).slice(1);
}

/** What the tokenizer hands on when texts stay views of the input. */
export const asIs = (s: string): string => s;

