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

export type Placeholder =
  | { kind: 'raw'; text: string }
  | { kind: 'block'; text: string }
  | { kind: 'code'; text: string; language: string };

export interface Preprocessed {
  html: string;
  placeholders: Placeholder[];
  unknownShortcodes: string[];
}

// One scanner: things to skip (comments, tags, script/style), <pre> blocks, ((footnotes)), shortcodes.
const SCAN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<pre\b([^>]*)>([\s\S]*?)<\/pre\s*>|<[A-Za-z/!?][^>]*>|\(\(([^()]+?)\)\)|\[(\[?)(\/?)([A-Za-z][\w-]*)((?=[\s\]=/:])[^\]]*?)?\](\]?)/gi;

/** Runs the pass. */
export function preprocess(
  html: string,
  options: ResolvedOptions,
  report: (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void,
): Preprocessed {
  const placeholders: Placeholder[] = [];
  const unknown = new Set<string>();
  const ph = (p: Placeholder): string => `<wxr-ph data-i="${placeholders.push(p) - 1}"></wxr-ph>`;
  const ctx: ShortcodeContext = {
    options,
    raw: (text) => ph({ kind: 'raw', text }),
    code: (text, language) => ph({ kind: 'code', text, language }),
    attachment: options.attachment,
    report,
  };
  let out = '';
  let last = 0;
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(html)) !== null) {
    const start = m.index;
    let end = SCAN.lastIndex;
    let rep: string | null = null;
    if (m[0].length === 0) { SCAN.lastIndex++; continue; }
    if (m[3] !== undefined) {
      const pre = preToCode(m[2] ?? '', m[3] ?? '');
      rep = pre.verbatim ? ph({ kind: 'block', text: m[0] }) : ph({ kind: 'code', text: pre.text, language: pre.language });
    } else if (m[4] !== undefined && options.parenFootnotes) {
      rep = `<wxr-fn>${m[4]}</wxr-fn>`;
    } else if (m[7] !== undefined) {
      const r = shortcode(html, m, ctx, unknown);
      if (r) { rep = r.html; end = r.end; }
    }
    if (rep === null) continue;
    out += html.slice(last, start) + rep;
    last = end;
    SCAN.lastIndex = end;
  }
  out += html.slice(last);
  return { html: out, placeholders, unknownShortcodes: [...unknown] };
}

function shortcode(
  html: string,
  m: RegExpExecArray,
  ctx: ShortcodeContext,
  unknown: Set<string>,
): { html: string; end: number } | null {
  const [source, escOpen = '', slash = '', rawName = '', attrText = '', escClose = ''] = [m[0], m[5], m[6], m[7], m[8], m[9]];
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

function findClose(html: string, name: string, from: number): number {
  const i = html.indexOf(`[/${name}]`, from);
  if (i !== -1) return i;
  const lower = html.toLowerCase();
  return lower.indexOf(`[/${name.toLowerCase()}]`, from);
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
