/**
 * Name folding for matching `@Name` against comment authors: entities decoded,
 * NFKC, lower case, `ß`->`ss`, `ä/ö/ü`->`ae/oe/ue`, other accents dropped, dashes
 * unified, blanks collapsed, trailing punctuation trimmed. `@Jürgen`, `Juergen` and
 * `JÜRGEN` fold alike.
 */
import he from 'he';

const UMLAUTS: ReadonlyMap<string, string> = new Map([['ä', 'ae'], ['ö', 'oe'], ['ü', 'ue'], ['ß', 'ss']]);
/** Printable ASCII without `&`: nothing to decode, normalise or transliterate. */
const PLAIN_ASCII = /^[\x20-\x25\x27-\x7e]*$/;
const COMBINING = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const BLANKS = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g;
const EDGE = /^[\s@"'„“”‚‘’«»(]+|[\s:,;.!?"'“”‘’»)]+$/g;

/**
 * The comparison key of a name.
 *
 * @example
 * foldName('Jürgen!') === foldName('JUERGEN') // true
 */
export function foldName(name: string): string {
  if (PLAIN_ASCII.test(name)) return name.toLowerCase().replace(BLANKS, ' ').replace(EDGE, '');
  let s = name.includes('&') ? he.decode(name) : name;
  s = s.normalize('NFKC').toLowerCase();
  if (/[äöüß]/.test(s)) s = s.replace(/[äöüß]/g, (ch) => UMLAUTS.get(ch) ?? ch);
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(COMBINING, '');
  return s.replace(DASHES, '-').replace(BLANKS, ' ').replace(EDGE, '');
}

/** A folding function with a memo, for one threading run (names repeat a lot). */
export function memoFold(limit = 100_000): (name: string) => string {
  const memo = new Map<string, string>();
  return (name) => {
    let f = memo.get(name);
    if (f === undefined) {
      f = foldName(name);
      if (memo.size >= limit) memo.clear();
      memo.set(name, f);
    }
    return f;
  };
}
