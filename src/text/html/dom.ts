/**
 * The only file that knows parse5: parse a page into its spec tree and read it with a few small helpers
 * (attributes, classes, text, walking). Everything else in `text/html/` works on these helpers.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];
export type Document = DefaultTreeAdapterMap['document'];

/** Parses a whole page the way a browser does (WHATWG tree construction). Never throws on bad markup. */
export function parseHtml(html: string): Document {
  return parse(html);
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** The value of attribute `name`, or undefined. */
export function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

/** The element's class list. */
const classCache = new WeakMap<Element, string[]>();

export function classes(el: Element): string[] {
  let hit = classCache.get(el);
  if (hit) return hit;
  const c = attr(el, 'class');
  hit = c ? c.split(/\s+/).filter(Boolean) : [];
  classCache.set(el, hit);
  return hit;
}

export function hasClass(el: Element, name: string): boolean {
  return classes(el).includes(name);
}

/** Child nodes of a node (empty for text and comments; `<template>` contents are not children). */
export function childNodes(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function childElements(node: Node): Element[] {
  return childNodes(node).filter(isElement);
}

export function parentElement(node: Node): Element | null {
  const p = 'parentNode' in node ? node.parentNode : null;
  return p && isElement(p) ? p : null;
}

/** The element sibling before `el`, or null. */
export function previousElement(el: Element): Element | null {
  const parent = el.parentNode;
  if (!parent) return null;
  const sibs = parent.childNodes;
  for (let i = sibs.indexOf(el) - 1; i >= 0; i--) {
    const s = sibs[i];
    if (s && isElement(s)) return s;
  }
  return null;
}

/** The element sibling after `el`, or null. */
export function nextElement(el: Element): Element | null {
  const parent = el.parentNode;
  if (!parent) return null;
  const sibs = parent.childNodes;
  for (let i = sibs.indexOf(el) + 1; i < sibs.length; i++) {
    const s = sibs[i];
    if (s && isElement(s)) return s;
  }
  return null;
}

const docCache = new WeakMap<Node, Element[]>();

/** Every element below `root` in document order (not `root` itself); iterative, so deep pages cannot overflow the stack. */
export function descendants(root: Node): Element[] {
  const isDoc = root.nodeName === '#document';
  const hit = isDoc ? docCache.get(root) : undefined;
  if (hit) return hit;
  const out: Element[] = [];
  if (isDoc) docCache.set(root, out);
  const stack: Node[] = [...childNodes(root)].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (!isElement(n)) continue;
    out.push(n);
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

/** True when `anc` is `node` or one of its ancestors. */
export function contains(anc: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = 'parentNode' in n ? n.parentNode : null) if (n === anc) return true;
  return false;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** The visible text below `node` (scripts, styles and `<noscript>` left out), with `<br>` as a newline. */
export function textOf(node: Node, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.nodeName === '#text' && 'value' in n) {
      parts.push(n.value);
      continue;
    }
    if (isElement(n)) {
      if (n !== node && (SKIP_TEXT.has(n.tagName) || skip?.(n))) continue;
      if (n.tagName === 'br') parts.push('\n');
      if (BLOCK.has(n.tagName)) parts.push(' ');
    }
    const kids = childNodes(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return parts.join('');
}

const BLOCK = new Set(['p', 'div', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer', 'blockquote']);

/** Collapses runs of white space (incl. no-break spaces) and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
