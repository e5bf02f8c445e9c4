/**
 * Finds the comments of a page by their element ids (docs/html-archives.md §0.1): `comment-N`,
 * `li-comment-N`, `div-comment-N`, `article-comment-N`, wpDiscuz `wc-comm-N_P`. Ids are grouped by N and the
 * outermost element of each group is the comment; sidebars and widgets are ignored. Thesis keeps a
 * comment's text in the `dd` after its `dt`, which joins the comment's scope.
 */
import { attr, childNodes, contains, descendants, type Document, type Element, isElement, type Node, nextElement, parentElement, textOf } from './dom.js';
import { matches } from './select.js';

/** One comment element found on the page. */
export interface Anchor {
  id: number;
  root: Element;
  /** Elements that belong to this comment (root subtree, plus a Thesis `dd`), without nested comments. */
  scope: Element[];
  /** wpDiscuz parent id from `wc-comm-N_P` (0 = top level), if present. */
  pluginParent?: number;
  /** Number of elements that carried this id (more than one = duplicate ids on the page). */
  duplicates: number;
}

const ID = /^(?:li-|div-|article-)?comment-(\d{1,18})$/;
const WPDISCUZ = /^wc-comm-(\d{1,18})_(\d{1,18})$/;
/** Sidebars, widgets and navigation: never part of a post or its comments. */
export const OUTSIDE = 'aside, .widget, #sidebar, .sidebar, #secondary, .widget-area, nav';

/** True when `el` sits in a sidebar, widget or navigation (body/html classes do not count). */
export function inSidebar(el: Element): boolean {
  for (let e: Element | null = parentElement(el); e && e.tagName !== 'body' && e.tagName !== 'html'; e = parentElement(e)) if (matches(e, OUTSIDE)) return true;
  return false;
}

/** The comments of a page, and how many comment ids sat in sidebars/widgets (other posts' comments). */
export interface AnchorScan { anchors: Anchor[]; sidebarIds: number }

/** All comments of a page in document order. */
export function findAnchors(doc: Document): AnchorScan {
  const sidebar = new Set<number>();
  const groups = new Map<number, { els: Element[]; pluginParent?: number }>();
  const all = descendants(doc);
  for (const el of all) {
    const id = attr(el, 'id');
    if (!id) continue;
    const m = ID.exec(id) ?? WPDISCUZ.exec(id);
    if (!m) continue;
    const n = Number(m[1]);
    if (!Number.isSafeInteger(n) || n <= 0) continue;
    if (inSidebar(el)) {
      sidebar.add(n);
      continue;
    }
    let g = groups.get(n);
    if (!g) {
      g = { els: [] };
      groups.set(n, g);
    }
    g.els.push(el);
    if (m[2] !== undefined) g.pluginParent = Number(m[2]);
  }
  const chosen: Array<{ id: number; root: Element; pluginParent?: number; duplicates: number }> = [];
  for (const [id, g] of groups) {
    const tops = g.els.filter((e) => !g.els.some((o) => o !== e && contains(o, e)));
    let root = tops[0] as Element;
    if (tops.length > 1) root = tops.reduce((best, e) => (textOf(e).length > textOf(best).length ? e : best));
    const a: { id: number; root: Element; pluginParent?: number; duplicates: number } = { id, root, duplicates: tops.length };
    if (g.pluginParent !== undefined) a.pluginParent = g.pluginParent;
    chosen.push(a);
  }
  const order = new Map<Element, number>();
  all.forEach((el, i) => order.set(el, i));
  chosen.sort((p, q) => (order.get(p.root) ?? 0) - (order.get(q.root) ?? 0));
  const roots = new Set(chosen.map((c) => c.root));
  const anchors = chosen.map((c) => {
    const anchor: Anchor = { ...c, scope: scopeOf(c.root, roots) };
    return anchor;
  });
  return { anchors, sidebarIds: [...sidebar].filter((n) => !groups.has(n)).length };
}

/** Root subtree minus nested comments; a Thesis `dt` also owns the following `dd`. */
function scopeOf(root: Element, roots: Set<Element>): Element[] {
  const out: Element[] = [root];
  ownedBelow(root, roots, out);
  const next = root.tagName === 'dt' ? nextElement(root) : null;
  if (next && next.tagName === 'dd' && !roots.has(next)) {
    out.push(next);
    ownedBelow(next, roots, out);
  }
  return out;
}

/**
 * The elements under `top` in document order, minus other comment roots and everything inside them. One walk
 * down (linear), not a walk up from every element (which costs the depth of the page per element).
 */
function ownedBelow(top: Element, roots: Set<Element>, out: Element[]): void {
  const stack: Node[] = [...childNodes(top)].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (!isElement(n) || roots.has(n)) continue;
    out.push(n);
    const kids = childNodes(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
}

/** The comment that contains `root` in the DOM (nearest ancestor comment), or null. */
export function domParent(root: Element, roots: Map<Element, number>): number | null {
  for (let e = parentElement(root); e; e = parentElement(e)) {
    const id = roots.get(e);
    if (id !== undefined) return id;
  }
  return null;
}
