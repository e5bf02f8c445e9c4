/**
 * Markdown escaping that only escapes what would change the meaning of ordinary
 * text: `*`/`_` that could delimit emphasis, backticks, `<` that could open a
 * tag, `&` that could form an entity, `[text](` that would form a link, a
 * backslash before punctuation, and, at the start of a line, `#`, `>`, list
 * markers, fences and setext underlines. URLs in text are left alone.
 */

const URL_OR_CHAR = /(?:https?|ftp):\/\/[^\s<>"\u0000-\u0008\u000e-\u0011]+|~+|[\\`*_<&\]]/g;
/** The characters {@link escapeInline} may change; text without them is returned as it is. */
export const INLINE_SPECIAL = /[\\`*_<&\]~]/;
const PUNCT = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;

/** Escapes inline text (not at a known line start). */
export function escapeInline(text: string): string {
  if (!INLINE_SPECIAL.test(text)) return text;
  return text.replace(URL_OR_CHAR, (m, offset: number, s: string) => {
    if (m[0] === '~') return m.length === 2 ? '\\~\\~' : m; // `~~` would strike through; `~` and `~~~` do not
    if (m.length > 1) return m;
    const prev = s[offset - 1] ?? ' ';
    const next = s[offset + 1] ?? ' ';
    switch (m) {
      case '\\':
        return next === ' ' || PUNCT.test(next) || offset === s.length - 1 ? '\\\\' : m;
      case '`':
        return '\\`';
      case '*':
        return prev === ' ' && next === ' ' ? m : '\\*';
      case '_':
        if (prev === ' ' && next === ' ') return m;
        return ALNUM.test(prev) && ALNUM.test(next) ? m : '\\_';
      case '<':
        return /[A-Za-z/!?]/.test(next) ? '\\<' : m;
      case '&':
        return /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i.test(s.slice(offset, offset + 40)) ? '&amp;' : m;
      case ']':
        return next === '(' || next === '[' || next === ':' ? '\\]' : m;
      default:
        return m;
    }
  });
}

const LINE_START = /^(?:(#{1,6})(?=[ \t]|$)|(>)|([-+*])(?=[ \t]|$)|(\d{1,9})([.)])(?=[ \t]|$)|(```|~~~)|([=-])(?=[=-]*[ \t]*$))/;

/** Escapes a construct that a line would start with. */
export function escapeLineStart(line: string): string {
  const m = LINE_START.exec(line);
  if (!m) return line;
  if (m[4] !== undefined) return `${m[4]}\\${line.slice(m[4].length)}`;
  return `\\${line}`;
}

/** Escapes `|` for a GFM table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A code span around `text` whose delimiter is longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const n = runs.reduce((a, r) => Math.max(a, r.length), 0) + 1;
  const fence = '`'.repeat(n);
  const pad = /^`|`$/.test(text) || (/^ .*[^ ].* $/.test(text)) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function fencedCode(text: string, language: string): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const n = Math.max(3, runs.reduce((a, r) => Math.max(a, r.length + 1), 0));
  const fence = '`'.repeat(n);
  return `${fence}${language}\n${text}\n${fence}`;
}
