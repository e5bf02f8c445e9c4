/**
 * `<a href title>` → `[text](url "title")`; a link whose text is its own URL →
 * `<url>`; an anchor without `href` (or with a `javascript:`/`data:` one) → its content,
 * and so are the outer ones of links nested in links (the innermost is the link, as in a browser); a bare anchor's `id`/`name` is kept as `<a id>` (see
 * `anchor.ts`). Spaces at the edges of the text go outside the brackets.
 */
import { isTag, type Element } from 'domhandler';
import type { ElementHandler } from '../types.js';
import { PARA } from '../stream.js';
import { anchor } from './anchor.js';
import { edgeSpaces } from './inline.js';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** The destination part of a link or image: `<…>` when it has spaces or unbalanced parentheses. */
export function destination(url: string): string {
  const u = url.trim();
  if (u === '') return '<>';
  if (/[\s<>]/.test(u) || !balanced(u)) return `<${u.replace(/[<>]/g, (c) => encodeURIComponent(c)).replace(/\s/g, '%20')}>`;
  return u;
}

function bracketsBalanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) return false;
  }
  return depth === 0;
}

/** ` "title"` with quotes escaped, or `''`. */
export function titlePart(title: string | undefined): string {
  if (!title) return '';
  return ` "${title.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ')}"`;
}

/** Whether `el` holds another link (`<a href>`) somewhere inside. */
function holdsLink(el: Element): boolean {
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (child.name === 'a' && (child.attribs['href'] ?? '').trim() !== '') return true;
    if (holdsLink(child)) return true;
  }
  return false;
}

export const link: ElementHandler = (el, ctx) => {
  // A link inside a link (invalid HTML that htmlparser2 nests): as in a browser, where the inner
  // <a> closes the outer one, the innermost link is the link and the outer ones are their text.
  const href = el.attribs['href'];
  if (href !== undefined && href.trim() !== '' && holdsLink(el)) return ctx.children(el);
  const children = ctx.children(el);
  const inner = children.includes('\u0000') ? children.replace(/\u0000/g, ' ') : children;
  // no destination: a bare anchor (`<a id>`, `<a name>`), a link target that stays one
  // (inside a heading the heading puts it on a line before itself)
  if (href === undefined || href.trim() === '') return (HEADINGS.some((h) => ctx.inside(h)) ? '' : anchor(el, ctx)) + inner;
  // a script URL that a static site must not turn into a link: the text only
  if (/^\s*(?:javascript|vbscript|data):/i.test(href)) return inner;
  // spaces at the edges of the link text stay outside the brackets, between the words they separate
  const [a, b] = edgeSpaces(inner);
  const before = inner.slice(0, a);
  const after = inner.slice(b);
  const text = ctx.toLine(a === 0 && b === inner.length ? inner : inner.slice(a, b));
  if (text === '') return before + after;
  const plain = text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
  const title = el.attribs['title'];
  if (!title && /^[a-z][a-z\d+.-]*:[^\s<>]*$/i.test(href)) {
    if (plain === href) return `${before}<${href}>${after}`;
    if (`mailto:${plain}` === href && /^[^\s<>@]+@[^\s<>@]+$/.test(plain)) return `${before}<${plain}>${after}`;
  }
  if (inner.includes('\u0002')) return PARA + inner + PARA; // a block inside a link: keep the block
  const label = bracketsBalanced(text) ? text : text.replace(/(?<!\\)([[\]])/g, '\\$1');
  return `${before}[${label}](${destination(href)}${titlePart(title)})${after}`;
};
