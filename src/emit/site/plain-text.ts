/**
 * HTML as one line of plain text, for front matter values that generators print as they are
 * (`summary`, `description`, `excerpt`): tags left out, character references decoded, white
 * space collapsed, nothing Markdown-escaped.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);

/** Elements that end a word: their edges become a space (`<p>a</p><p>b</p>` is `a b`). */
const BREAKS = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'dt', 'dd', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table',
  'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'figure', 'figcaption', 'hr', 'img',
]);

/** Collapses runs of white space (no-break spaces included) and trims. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The visible text of an HTML fragment on one line.
 *
 * @example
 * plainText('<p>- Fish &amp; <em>chips</em></p>\n<p>`code`</p>') // '- Fish & chips `code`'
 */
export function plainText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return squash(html);
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BREAKS.has(name)) out += ' ';
      },
      onclosetag(name, implied) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BREAKS.has(name) && !implied) out += ' ';
      },
      ontext(text) {
        if (hidden === 0) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return squash(out);
}
