/**
 * Emphasis delimiters are written as marker characters first and resolved when the
 * paragraph is complete, because only then are their neighbours known. A pair
 * that CommonMark would not recognise there (`**Note:**text`: a closing run
 * after punctuation and before a letter) is written as HTML (`<strong>`) instead.
 */

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

const charAt = (s: string, i: number): string => (i < 0 || i >= s.length ? ' ' : (s[i] ?? ' '));

function leftOk(prev: string, next: string): boolean {
  if (WS.test(next)) return false;
  return !PUNCT.test(next) || WS.test(prev) || PUNCT.test(prev);
}

function rightOk(prev: string, next: string): boolean {
  if (WS.test(prev)) return false;
  return !PUNCT.test(prev) || WS.test(next) || PUNCT.test(next);
}

/** Replaces delimiter markers by Markdown delimiters, or by HTML tags where Markdown would not parse them. */
export function resolveDelimiters(input: string): string {
  if (!ANY.test(input)) return input;
  const s = input.replace(ADJACENT, ''); // `**a**` + `**b**` side by side: one run
  const at: number[] = [];
  ANY_G.lastIndex = 0;
  while (ANY_G.exec(s) !== null) at.push(ANY_G.lastIndex - 1);
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
  let out = '';
  let last = 0;
  for (const i of at) {
    out += s.slice(last, i);
    last = i + 1;
    const j = partner.get(i);
    if (j === undefined) continue; // unpaired (a paragraph break inside the element): dropped
    const md = MD.get(s[i] ?? '');
    const [o, e] = i < j ? [i, j] : [j, i];
    const ok = leftOk(charAt(s, o - 1), charAt(s, o + 1)) && rightOk(charAt(s, e - 1), charAt(s, e + 1));
    out += md ? (ok ? md[0] : md[1]) : '';
  }
  return out + s.slice(last);
}
