/**
 * HTML out of the parsed tree: inner HTML of a node with noise elements left out and every URL attribute
 * passed through a mapper (Wayback un-rewriting). Text is escaped the way browsers serialize it.
 */
import { isElement, type Element, type Node } from './dom.js';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'poster', 'data-src', 'data-lazy-src', 'data-orig-file', 'data-large-file', 'data-medium-file', 'cite']);
const SRCSET_ATTRS = new Set(['srcset', 'data-srcset', 'data-lazy-srcset']);

/** How attribute values are rewritten while serializing. */
export interface UrlMapper {
  url: (value: string) => string;
  srcset: (value: string) => string;
  style: (value: string) => string;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;');

/** The value of an attribute after URL mapping. */
export function mapAttr(name: string, value: string, map: UrlMapper | null): string {
  if (!map) return value;
  if (URL_ATTRS.has(name)) return map.url(value);
  if (SRCSET_ATTRS.has(name)) return map.srcset(value);
  if (name === 'style') return map.style(value);
  return value;
}

/** Inner HTML of `node`; elements for which `skip` is true are left out entirely. */
export function innerHtml(node: Node, skip: (el: Element) => boolean, map: UrlMapper | null): string {
  const out: string[] = [];
  const write = (n: Node, parentRaw: boolean): void => {
    if (n.nodeName === '#text' && 'value' in n) {
      out.push(parentRaw ? n.value : escapeText(n.value));
      return;
    }
    if (n.nodeName === '#comment' && 'data' in n) {
      out.push(`<!--${n.data}-->`);
      return;
    }
    if (!isElement(n) || skip(n)) return;
    out.push(`<${n.tagName}`);
    for (const a of n.attrs) out.push(` ${a.prefix ? `${a.prefix}:` : ''}${a.name}="${escapeAttr(mapAttr(a.name, a.value, map))}"`);
    out.push('>');
    if (VOID.has(n.tagName)) return;
    const raw = RAW.has(n.tagName);
    const kids = n.tagName === 'template' && 'content' in n ? (n.content as { childNodes: Node[] }).childNodes : n.childNodes;
    for (const c of kids) write(c, raw);
    out.push(`</${n.tagName}>`);
  };
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const c of kids) write(c, isElement(node) && RAW.has(node.tagName));
  return out.join('');
}
