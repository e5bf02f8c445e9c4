/**
 * Code shortcodes of SyntaxHighlighter Evolved, Jetpack and similar plugins:
 * `[code lang="php"]`, `[sourcecode language="python"]`, and the language-named
 * forms `[php]…[/php]`, `[python]…[/python]`. The text is kept line for line
 * (entities decoded once) and written as a fenced block with the language; a `<pre>` around
 * a whole code shortcode is the same block (see {@link codeInPre}).
 */
import type { ShortcodeHandler } from '../types.js';
import { attrOf, parseShortcodeAttrs } from './attrs.js';
import { codeText, normalizeLanguage } from './pre.js';

/** Names that are a language themselves (`[php]…[/php]`). Enclosing form only. */
export const LANGUAGE_SHORTCODES = [
  'as3', 'actionscript3', 'bash', 'shell', 'coldfusion', 'cf', 'clojure', 'clj', 'cpp', 'c', 'c-sharp', 'csharp',
  'css', 'delphi', 'pas', 'pascal', 'diff', 'patch', 'erl', 'erlang', 'go', 'golang', 'groovy', 'haskell', 'java',
  'javafx', 'jfx', 'js', 'jscript', 'javascript', 'json', 'latex', 'tex', 'matlab', 'objc', 'perl', 'pl', 'php',
  'plain', 'text', 'powershell', 'ps', 'py', 'python', 'r', 'ruby', 'rb', 'rails', 'ror', 'scala', 'sql', 'swift',
  'vb', 'vbnet', 'xml', 'xhtml', 'xslt', 'html', 'yaml', 'typescript', 'ts', 'rust', 'kotlin',
] as const;

function body(content: string): string {
  // The visual editor may have wrapped lines of a [code] block in <p>…</p> and <br />.
  const t = content.replace(/<\/p>\s*<p>/gi, '\n\n').replace(/^\s*<p>|<\/p>\s*$/gi, '');
  return codeText(t.replace(/^\r?\n/, ''));
}

/** `[code]`, `[sourcecode]`: the language from `language=`, `lang=` or the first positional. */
export const code: ShortcodeHandler = (sc, ctx) => {
  if (sc.content === null) return null;
  const lang = attrOf(sc.attrs, 'language', 'lang', 'brush') ?? sc.positional[0] ?? '';
  return ctx.code(body(sc.content), normalizeLanguage(lang));
};

/** `[php]…[/php]`: the name is the language. */
export const namedCode: ShortcodeHandler = (sc, ctx) => {
  if (sc.content === null) return null;
  return ctx.code(body(sc.content), normalizeLanguage(sc.name));
};

/** A `<pre>`'s text that is one code shortcode and nothing else (`[sourcecode lang]…[/sourcecode]`). */
const WHOLE_SHORTCODE = /^\s*\[([A-Za-z][\w-]*)((?=[\s\]=])[^\]]*)?\]\n?([\s\S]*?)\n?\[\/\1\]\s*$/;

/**
 * The code inside a `<pre>` that wraps a whole code shortcode, with the shortcode's language,
 * or `null` (then the `<pre>` text is the code). The text was decoded once already: it is used as it is.
 *
 * @example
 * codeInPre('[sourcecode language="ruby"]\nputs 1\n[/sourcecode]', DEFAULT_SHORTCODES);
 * // { text: 'puts 1', language: 'ruby' }
 */
export function codeInPre(text: string, shortcodes: ReadonlyMap<string, ShortcodeHandler>): { text: string; language: string } | null {
  if (!text.includes('[/')) return null;
  const m = WHOLE_SHORTCODE.exec(text);
  if (!m) return null;
  const name = (m[1] ?? '').toLowerCase();
  const handler = shortcodes.get(name);
  if (handler !== code && handler !== namedCode) return null;
  const inner = m[3] ?? '';
  if (inner.toLowerCase().includes(`[/${name}]`)) return null; // two shortcodes, with text between them
  const parsed = parseShortcodeAttrs(m[2] ?? '');
  const lang = handler === namedCode ? name : (attrOf(parsed.attrs, 'language', 'lang', 'brush') ?? parsed.positional[0] ?? '');
  return { text: inner, language: normalizeLanguage(lang) };
}
