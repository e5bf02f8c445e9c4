/**
 * `parentId` from the page (docs/html-archives.md §2.4), in order of reliability: plugin ids (wpDiscuz
 * `wc-comm-N_P`, Epoch `child-of-P`), DOM nesting, a `.children` list that follows its parent `li` as a
 * sibling (early `</li>`), then the `depth-N` class sequence. Each comment records the rule that placed it.
 */
import { classes, type Element, parentElement, previousElement } from './dom.js';
import type { Anchor } from './anchors.js';
import { domParent } from './anchors.js';

/** Which rule set a comment's parent. */
export type ParentVia = 'plugin-id' | 'dom' | 'sibling-children' | 'depth' | 'mention' | 'none';

export interface ParentResult { parentId: number | null; via: ParentVia }

function isChildrenList(el: Element): boolean {
  return classes(el).includes('children') && ['ul', 'ol', 'div'].includes(el.tagName);
}

function epochParent(root: Element): number | null {
  for (let e: Element | null = root; e; e = parentElement(e)) {
    for (const c of classes(e)) {
      const m = /^child-of-(\d{1,18})$/.exec(c);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function siblingChildrenParent(root: Element, roots: Map<Element, number>): number | null {
  for (let e = parentElement(root); e; e = parentElement(e)) {
    if (roots.has(e)) return null;
    if (!isChildrenList(e)) continue;
    const prev = previousElement(e);
    const id = prev ? roots.get(prev) : undefined;
    if (id !== undefined) return id;
  }
  return null;
}

function depthOf(root: Element): number | null {
  for (const c of classes(root)) {
    const m = /^depth-(\d{1,2})$/.exec(c);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Parent of every anchor, by id, in the anchors' (document) order. */
export function resolveParents(anchors: Anchor[]): Map<number, ParentResult> {
  const roots = new Map<Element, number>(anchors.map((a) => [a.root, a.id]));
  const known = new Set(anchors.map((a) => a.id));
  const out = new Map<number, ParentResult>();
  const stack: Array<{ depth: number; id: number }> = [];
  for (const a of anchors) {
    let res: ParentResult = { parentId: null, via: 'none' };
    const plugin = a.pluginParent !== undefined ? a.pluginParent : epochParent(a.root);
    const dom = domParent(a.root, roots);
    if (plugin !== null && plugin > 0 && plugin !== a.id) res = { parentId: plugin, via: 'plugin-id' };
    else if (dom !== null) res = { parentId: dom, via: 'dom' };
    else {
      const sib = siblingChildrenParent(a.root, roots);
      if (sib !== null && sib !== a.id) res = { parentId: sib, via: 'sibling-children' };
    }
    const depth = depthOf(a.root);
    if (res.via === 'none' && depth !== null && depth > 1) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const s = stack[i];
        if (s && s.depth === depth - 1) {
          res = { parentId: s.id, via: 'depth' };
          break;
        }
      }
    }
    if (depth !== null) {
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
      stack.push({ depth, id: a.id });
    }
    if (res.parentId !== null && !known.has(res.parentId) && res.via !== 'plugin-id') res = { parentId: null, via: 'none' };
    out.set(a.id, res);
  }
  return out;
}
