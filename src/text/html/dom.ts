/**
 * The page tree (domhandler nodes, built by `tree.ts` on htmlparser2's tokenizer, both shared with the Markdown
 * converter) and a few small helpers to read it (attributes, classes, text, walking). Everything else in
 * `text/html/` works on these helpers.
 */
import { type AnyNode, type Document, type Element, isComment, isDocument, isTag, isText, type ParentNode } from 'domhandler';
import { buildTreeWithFacts, type TreeResult } from './tree.js';

export type Node = AnyNode;
export type { Document, Element, ParentNode };

/**
 * Parses a whole page the way a browser places its elements (see `tree.ts`); never throws on bad markup.
 * Line breaks are normalized to `\n` as in browsers.
 */
export function parseHtml(html: string): Document {
  return parsePageTree(html).doc;
}

/**
 * `parseHtml` plus the tree builder's facts: `flattened` counts elements placed at the depth limit
 * (`MAX_TREE_DEPTH` in `tree.ts`) instead of deeper; the reader reports it as one diagnostic.
 *
 * @example
 * ```ts
 * const { doc, flattened } = parsePageTree(html);
 * ```
 */
export function parsePageTree(html: string): TreeResult {
  const tree = buildTreeWithFacts(html.replace(/\r\n?/g, '\n'));
  const doc = tree.doc;
  for (const el of descendants(doc)) {
    // As in browsers, one newline right after `<pre>`, `<listing>` or `<textarea>` is not part of the content.
    if (!LEADING_LF.has(el.name)) continue;
    const head = el.children[0];
    if (head && isText(head) && head.data.startsWith('\n')) head.data = head.data.slice(1);
  }
  return tree;
}

const LEADING_LF = new Set(['pre', 'listing', 'textarea']);

export function isElement(node: Node): node is Element {
  return isTag(node);
}

/** True for the document node. */
export function isDocumentNode(node: Node): node is Document {
  return isDocument(node);
}

/** The text of a text node, or null for any other node. */
export function textValue(node: Node): string | null {
  return isText(node) ? node.data : null;
}

/** The text of a comment node, or null for any other node. */
export function commentValue(node: Node): string | null {
  return isComment(node) ? node.data : null;
}

/** The value of attribute `name`, or undefined (own attributes only: names come from the page). */
export function attr(el: Element, name: string): string | undefined {
  return Object.hasOwn(el.attribs, name) ? el.attribs[name] : undefined;
}

/** The element's attributes as name/value pairs, in source order. */
export function attrs(el: Element): Array<[string, string]> {
  return Object.entries(el.attribs);
}

/** The element's class list. */
const classCache = new WeakMap<Element, string[]>();

const NO_CLASSES: string[] = [];

export function classes(el: Element): string[] {
  if (!Object.hasOwn(el.attribs, 'class')) return NO_CLASSES; // most elements: no cache look-up
  let hit = classCache.get(el);
  if (hit) return hit;
  const c = attr(el, 'class');
  hit = c ? c.split(/\s+/).filter(Boolean) : [];
  classCache.set(el, hit);
  return hit;
}

/**
 * Child nodes of a node (empty for text and comments). `<template>` contents are not children, and neither is
 * markup inside `<noscript>`: browsers with scripting read it as text.
 */
export function childNodes(node: Node): Node[] {
  if (isTag(node)) return OPAQUE.has(node.name) ? [] : node.children;
  return isDocument(node) ? node.children : [];
}

export function parentElement(node: Node): Element | null {
  const p = node.parent;
  return p && isTag(p) ? p : null;
}

/** The element sibling before `el`, or null. */
export function previousElement(el: Element): Element | null {
  for (let s = el.prev; s; s = s.prev) if (isTag(s)) return s;
  return null;
}

/** The element sibling after `el`, or null. */
export function nextElement(el: Element): Element | null {
  for (let s = el.next; s; s = s.next) if (isTag(s)) return s;
  return null;
}

const OPAQUE = new Set(['template', 'noscript']);

const docCache = new WeakMap<Node, Element[]>();

/** Every element below `root` in document order (not `root` itself); iterative, so deep pages cannot overflow the stack. */
export function descendants(root: Node): Element[] {
  const isDoc = isDocument(root);
  const hit = isDoc ? docCache.get(root) : undefined;
  if (hit) return hit;
  const out: Element[] = [];
  if (isDoc) docCache.set(root, out);
  const stack: Node[] = [...childNodes(root)].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (!isTag(n)) continue;
    out.push(n);
    const kids = childNodes(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

/** True when `anc` is `node` or one of its ancestors. */
export function contains(anc: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n === anc) return true;
  return false;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** The visible text below `node` (scripts, styles and `<noscript>` left out), with `<br>` as a newline. */
export function textOf(node: Node, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (isText(n)) {
      parts.push(n.data);
      continue;
    }
    if (isTag(n)) {
      if (n !== node && (SKIP_TEXT.has(n.name) || skip?.(n))) continue;
      if (n.name === 'br') parts.push('\n');
      if (BLOCK.has(n.name)) parts.push(' ');
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
