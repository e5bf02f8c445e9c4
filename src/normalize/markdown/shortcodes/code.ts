/**
 * Code shortcodes of SyntaxHighlighter Evolved, Jetpack and similar plugins:
 * `[code lang="php"]`, `[sourcecode language="python"]`, and the language-named
 * forms `[php]…[/php]`, `[python]…[/python]`. The text is kept line for line
 * (entities decoded once) and written as a fenced block with the language.
 */
import type { ShortcodeHandler } from '../types.js';
import { attrOf } from './attrs.js';
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
