/**
 * `<pre>` blocks, read as text before the HTML parser sees them, so that code
 * like `<?php` or `<div>` written raw inside a `<pre>` survives. Highlighter
 * markup (`<code>`, `<span>`, `<br>`) is removed, entities are decoded once.
 * The language comes from SyntaxHighlighter (`brush: php`), Prism/highlight.js
 * (`language-php`, `lang-php`), Enlighter (`data-enlighter-language`) or `lang=`.
 */
import he from 'he';

export interface PreCode {
  text: string;
  language: string;
  /** Keep the whole `<pre>` as HTML (poetry: the verse block). */
  verbatim: boolean;
}

const INLINE_TAGS = /<\/?(?:code|span|b|strong|i|em|a|font|mark|u|s|del|ins|small|big|sup|sub|tt|var|samp|kbd|cite|q|abbr|dfn)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->/g;

/** The language named by a tag's attributes, or `''`. */
export function languageOf(attrs: string): string {
  const m =
    /data-enlighter-language\s*=\s*["']?([\w+#.-]+)/i.exec(attrs) ??
    /\bbrush\s*:\s*([\w+#.-]+)/i.exec(attrs) ??
    /class\s*=\s*["'][^"']*\b(?:language|lang)-([\w+#.-]+)/i.exec(attrs) ??
    /\blang(?:uage)?\s*=\s*["']?([\w+#.-]+)/i.exec(attrs);
  return normalizeLanguage(m?.[1] ?? '');
}

const ALIASES = new Map<string, string>([
  ['jscript', 'javascript'], ['js', 'javascript'], ['c-sharp', 'csharp'], ['c#', 'csharp'], ['py', 'python'],
  ['rb', 'ruby'], ['sh', 'bash'], ['shell', 'bash'], ['plain', 'text'], ['plaintext', 'text'], ['xhtml', 'html'],
  ['ps', 'powershell'], ['pl', 'perl'], ['vb', 'vbnet'], ['golang', 'go'], ['objc', 'objectivec'],
]);

/** Lower-cases a language name and maps a few highlighter aliases to common names. */
export function normalizeLanguage(lang: string): string {
  const l = lang.toLowerCase().replace(/[^\w+#.-]/g, '');
  return ALIASES.get(l) ?? l;
}

/** Reads a `<pre>` from its attribute text and inner HTML. */
export function preToCode(attrs: string, inner: string): PreCode {
  if (/\bwp-block-verse\b/.test(attrs)) return { text: '', language: '', verbatim: true };
  let language = languageOf(attrs);
  const codeTag = /^\s*<code\b([^>]*)>/i.exec(inner);
  if (codeTag && !language) language = languageOf(codeTag[1] ?? '');
  const text = codeText(inner);
  return { text, language, verbatim: false };
}

/** The text of code markup: tags of highlighters removed, `<br>` as newlines, entities decoded once. */
export function codeText(inner: string): string {
  // Escaped code (`&lt;`) means every raw tag is markup; otherwise only highlighter tags are.
  const tags = /&lt;|&gt;|&#0*60;/i.test(inner) ? ANY_TAG : INLINE_TAGS;
  let t = inner.replace(/<br\s*\/?>\r?\n?/gi, '\n').replace(tags, '');
  if (t.includes('&')) t = he.decode(t);
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (t.startsWith('\n')) t = t.slice(1);
  return t.replace(/\n[ \t]*$/, '').replace(/\n+$/, '');
}
