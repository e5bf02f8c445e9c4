/**
 * The text-level pass that runs before the HTML is parsed: WordPress shortcodes,
 * `<pre>` blocks (their text must reach the output untouched, so they never go
 * through the HTML parser), `((footnotes))`. Replacements are HTML, or
 * placeholder elements `<wxr-ph data-i="N">` that the renderer expands.
 */
import type { Diagnostic } from '../../model.js';
import type { ResolvedOptions, Shortcode, ShortcodeContext } from './types.js';
import { parseShortcodeAttrs } from './shortcodes/attrs.js';
import { preToCode } from './shortcodes/pre.js';
import { codeInPre } from './shortcodes/code.js';

export type Placeholder =
  | { kind: 'raw'; text: string }
  | { kind: 'block'; text: string }
  | { kind: 'code'; text: string; language: string };

export interface Preprocessed {
  html: string;
  placeholders: Placeholder[];
  unknownShortcodes: string[];
}

// What the scan looks for, tried at the position of each candidate character (a `<`,
// a `((`, a `[`). Tags, comments and script/style are skipped so that brackets in
// attributes or comments are left alone.
const COMMENT_END = '-->';
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/iy;
const PRE = /<pre\b([^>]*)>([\s\S]*?)<\/pre\s*>/iy;
const PAREN_NOTE = /\(\(([^()]+?)\)\)/y;
const SHORTCODE = /\[(\[?)(\/?)([A-Za-z][\w-]*)((?=[\s\]=/:])[^\]]*?)?\](\]?)/y;
const HAS_PRE = /<pre\b/i;

/** Can the pass change anything? Only `<pre>`, `((…))` and `[…]` are replaced. */
const needsPass = (html: string): boolean => html.includes('[') || html.includes('((') || HAS_PRE.test(html);

const isTagStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63; // A-Z a-z / ! ?

/**
 * The end of what starts with `<` at `i` and is skipped (comment, script/style, tag),
 * or `-1` when nothing does. A `<pre>` block is returned through `pre` instead.
 */
function skipAngle(html: string, i: number): number {
  const c = html.charCodeAt(i + 1);
  if (c === 33 && html.startsWith('<!--', i)) {
    const e = html.indexOf(COMMENT_END, i + 4);
    return e === -1 ? html.length : e + 3;
  }
  if (c === 115 || c === 83) {
    SCRIPT.lastIndex = i;
    if (SCRIPT.test(html)) return SCRIPT.lastIndex;
  }
  if (!isTagStart(c)) return -1;
  const e = html.indexOf('>', i + 2);
  return e === -1 ? -1 : e + 1;
}

/** Runs the pass. */
export function preprocess(
  html: string,
  options: ResolvedOptions,
  report: (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void,
): Preprocessed {
  const placeholders: Placeholder[] = [];
  if (!needsPass(html)) return { html, placeholders, unknownShortcodes: [] };
  const unknown = new Set<string>();
  const ph = (p: Placeholder): string => `<wxr-ph data-i="${placeholders.push(p) - 1}"></wxr-ph>`;
  const ctx: ShortcodeContext = {
    options,
    raw: (text) => ph({ kind: 'raw', text }),
    code: (text, language) => ph({ kind: 'code', text, language }),
    attachment: options.attachment,
    report,
  };
  const parts: string[] = [];
  let last = 0;
  // next position of each candidate, refreshed only when passed
  let lt = html.indexOf('<');
  let sq = html.indexOf('[');
  let pp = html.indexOf('((');
  let pos = 0;
  const n = html.length;
  while (pos < n) {
    if (lt !== -1 && lt < pos) lt = html.indexOf('<', pos);
    if (sq !== -1 && sq < pos) sq = html.indexOf('[', pos);
    if (pp !== -1 && pp < pos) pp = html.indexOf('((', pos);
    let i = n;
    if (lt !== -1) i = lt;
    if (sq !== -1 && sq < i) i = sq;
    if (pp !== -1 && pp < i) i = pp;
    if (i === n) break;
    let end = -1;
    let rep: string | null = null;
    const c = html.charCodeAt(i);
    if (c === 60) {
      const d = html.charCodeAt(i + 1);
      if (d === 112 || d === 80) {
        PRE.lastIndex = i;
        const m = PRE.exec(html);
        if (m) {
          end = PRE.lastIndex;
          const pre = preToCode(m[1] ?? '', m[2] ?? '');
          // `<pre>[sourcecode lang]…[/sourcecode]</pre>`: the shortcode's code and language, without it
          const inner = pre.verbatim ? null : codeInPre(pre.text, options.shortcodes);
          if (pre.verbatim) rep = ph({ kind: 'block', text: m[0] });
          else if (inner) rep = ph({ kind: 'code', text: inner.text, language: pre.language || inner.language });
          else rep = ph({ kind: 'code', text: pre.text, language: pre.language });
        }
      }
      if (end === -1) end = skipAngle(html, i);
    } else if (c === 40) {
      PAREN_NOTE.lastIndex = i;
      const m = PAREN_NOTE.exec(html);
      if (m) {
        end = PAREN_NOTE.lastIndex;
        if (options.parenFootnotes) rep = `<wxr-fn>${m[1] ?? ''}</wxr-fn>`;
      }
    } else {
      SHORTCODE.lastIndex = i;
      const m = SHORTCODE.exec(html);
      if (m) {
        end = SHORTCODE.lastIndex;
        const r = shortcode(html, m, ctx, unknown);
        if (r) { rep = r.html; end = r.end; }
      }
    }
    if (end === -1) { pos = i + 1; continue; }
    pos = end;
    if (rep === null) continue;
    parts.push(html.slice(last, i), rep);
    last = end;
  }
  if (last === 0) return { html, placeholders, unknownShortcodes: [...unknown] };
  parts.push(html.slice(last));
  return { html: parts.join(''), placeholders, unknownShortcodes: [...unknown] };
}

function shortcode(
  html: string,
  m: RegExpExecArray,
  ctx: ShortcodeContext,
  unknown: Set<string>,
): { html: string; end: number } | null {
  const [source, escOpen = '', slash = '', rawName = '', attrText = '', escClose = ''] = [m[0], m[1], m[2], m[3], m[4], m[5]];
  const name = rawName.toLowerCase();
  const end = m.index + source.length;
  const handler = ctx.options.shortcodes.get(name);
  if (escOpen && escClose) return { html: ctx.raw(source.slice(1, -1)), end }; // [[gallery]] is literal text
  if (slash) {
    if (handler) return { html: '', end }; // a stray closing tag of a known shortcode
    return isShortcodeLike(html, name, attrText, end, true) ? unknownTag(source, name, ctx, unknown, end) : null;
  }
  if (!handler) {
    return isShortcodeLike(html, name, attrText, end, false) ? unknownTag(source, name, ctx, unknown, end) : null;
  }
  const close = findClose(html, rawName, end);
  const content = close === -1 ? null : html.slice(end, close);
  const stop = close === -1 ? end : close + rawName.length + 3;
  const parsed = parseShortcodeAttrs(attrText);
  const sc: Shortcode = { name, attrs: parsed.attrs, positional: parsed.positional, content, source: html.slice(m.index, stop) };
  const rep = handler(sc, ctx);
  return { html: rep ?? ctx.raw(sc.source), end: stop };
}

/** Where `[/name]` (in any case) starts at or after `from`, or -1; searches in place, without a lower-cased copy of the post. */
function findClose(html: string, name: string, from: number): number {
  const i = html.indexOf(`[/${name}]`, from);
  if (i !== -1) return i;
  const re = new RegExp(`\\[/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`, 'gi');
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

/**
 * Unknown names are only treated as shortcodes when they look like one: named
 * attributes, a closing tag, or a plugin-style name (`contact-form`, `related_posts`)
 * without prose after it; never when a `(` or `[` follows (a Markdown link).
 */
function isShortcodeLike(html: string, name: string, attrText: string, end: number, closing: boolean): boolean {
  if (closing) return html.lastIndexOf(`[${name}`, end) !== -1;
  const next = html[end];
  if (next === '(' || next === '[') return false;
  if (/^\s*[\w-]+\s*=/.test(attrText) || /\s[\w-]+\s*=\s*["']/.test(attrText)) return true;
  if (/[_-]/.test(name) && name.length > 2 && attrText.trim() === '') return true;
  return html.indexOf(`[/${name}]`, end) !== -1;
}

function unknownTag(
  source: string,
  name: string,
  ctx: ShortcodeContext,
  unknown: Set<string>,
  end: number,
): { html: string; end: number } {
  if (!unknown.has(name)) {
    unknown.add(name);
    ctx.report({ code: 'W_MD_UNKNOWN_SHORTCODE', message: `Unknown shortcode [${name}] kept ${ctx.options.keepUnknownShortcodes ? 'verbatim' : 'out'}` });
  }
  return { html: ctx.options.keepUnknownShortcodes ? ctx.raw(source) : '', end };
}
