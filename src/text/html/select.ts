/**
 * A small CSS selector matcher for the theme profiles: type, `#id`, `.class`, `[attr]`, `[attr=v]`,
 * `[attr^=v]`, `[attr$=v]`, `[attr*=v]`, `[attr~=v]`, `*`, the descendant and child (`>`) combinators and
 * comma lists. Unsupported syntax matches nothing (never throws). Compiled selectors are cached.
 */
import { attr, classes, descendants, type Element, isDocumentNode, type Node, parentElement } from './dom.js';

interface AttrTest { name: string; op: '' | '=' | '^=' | '$=' | '*=' | '~='; value: string }
interface Compound { tag: string | null; id: string | null; classes: string[]; attrs: AttrTest[] }
/** Right-most compound first; `combinator` links a compound to the one on its left. */
interface Step { compound: Compound; combinator: ' ' | '>' | null }
type Compiled = Step[][] | null;

const cache = new Map<string, Compiled>();

const TOKEN = /\s*(>)\s*|\s+|([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([~^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/y;

function compileOne(sel: string): Step[] | null {
  const steps: Step[] = [];
  let cur: Compound = { tag: null, id: null, classes: [], attrs: [] };
  let empty = true;
  let pending: ' ' | '>' | null = null;
  const s = sel.trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m || TOKEN.lastIndex === start) return null;
    if (m[1] !== undefined || (m[0].trim() === '' && m[0].length > 0)) {
      if (empty) { if (m[1]) return null; continue; }
      steps.push({ compound: cur, combinator: pending });
      pending = m[1] ? '>' : ' ';
      cur = { tag: null, id: null, classes: [], attrs: [] };
      empty = true;
      continue;
    }
    empty = false;
    if (m[2]) cur.tag = m[2] === '*' ? null : m[2].toLowerCase();
    else if (m[3]) cur.id = m[3];
    else if (m[4]) cur.classes.push(m[4]);
    else if (m[5]) cur.attrs.push({ name: m[5].toLowerCase(), op: (m[6] ?? '') as AttrTest['op'], value: m[7] ?? m[8] ?? m[9] ?? '' });
  }
  if (empty) return null;
  steps.push({ compound: cur, combinator: pending });
  // steps[i].combinator links steps[i] to steps[i-1]; reverse so the subject is first.
  const out: Step[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const st = steps[i] as Step;
    out.push({ compound: st.compound, combinator: i > 0 ? (st.combinator ?? ' ') : null });
  }
  return out;
}

function compile(selector: string): Compiled {
  const hit = cache.get(selector);
  if (hit !== undefined) return hit;
  const parts = selector.split(',').map(compileOne);
  const ok = parts.every((p) => p !== null) ? (parts as Step[][]) : null;
  cache.set(selector, ok);
  return ok;
}

function matchAttr(el: Element, t: AttrTest): boolean {
  const v = attr(el, t.name);
  if (v === undefined) return false;
  switch (t.op) {
    case '': return true;
    case '=': return v === t.value;
    case '^=': return t.value !== '' && v.startsWith(t.value);
    case '$=': return t.value !== '' && v.endsWith(t.value);
    case '*=': return t.value !== '' && v.includes(t.value);
    case '~=': return v.split(/\s+/).includes(t.value);
  }
}

function matchCompound(el: Element, c: Compound): boolean {
  if (c.tag !== null && el.tagName !== c.tag) return false;
  if (c.id !== null && attr(el, 'id') !== c.id) return false;
  if (c.classes.length > 0) {
    const cl = classes(el);
    for (const k of c.classes) if (!cl.includes(k)) return false;
  }
  for (const a of c.attrs) if (!matchAttr(el, a)) return false;
  return true;
}

function matchSteps(el: Element, steps: Step[], i: number): boolean {
  const step = steps[i] as Step;
  if (!matchCompound(el, step.compound)) return false;
  if (i === steps.length - 1) return true;
  const comb = step.combinator;
  if (comb === '>') {
    const p = parentElement(el);
    return p !== null && matchSteps(p, steps, i + 1);
  }
  for (let p = parentElement(el); p; p = parentElement(p)) if (matchSteps(p, steps, i + 1)) return true;
  return false;
}

const memo = new Map<string, WeakMap<Element, boolean>>();

/** True when `el` matches `selector`. Results are remembered per element (parsed trees are never changed). */
export function matches(el: Element, selector: string): boolean {
  let seen = memo.get(selector);
  if (!seen) {
    seen = new WeakMap();
    memo.set(selector, seen);
  }
  const hit = seen.get(el);
  if (hit !== undefined) return hit;
  const c = compile(selector);
  const ok = c !== null && c.some((steps) => matchSteps(el, steps, 0));
  seen.set(el, ok);
  return ok;
}

interface DocIndex { order: Map<Element, number>; byTag: Map<string, Element[]>; byClass: Map<string, Element[]>; byId: Map<string, Element[]> }
const indexes = new WeakMap<Node, DocIndex>();

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

/** Tag, class and id index of a whole document, built once per document. */
function indexOf(doc: Node): DocIndex {
  let idx = indexes.get(doc);
  if (idx) return idx;
  idx = { order: new Map(), byTag: new Map(), byClass: new Map(), byId: new Map() };
  descendants(doc).forEach((el, i) => {
    const x = idx as DocIndex;
    x.order.set(el, i);
    push(x.byTag, el.tagName, el);
    for (const c of classes(el)) push(x.byClass, c, el);
    const id = attr(el, 'id');
    if (id) push(x.byId, id, el);
  });
  indexes.set(doc, idx);
  return idx;
}

function candidatesFor(idx: DocIndex, subject: Compound, all: Element[]): Element[] {
  if (subject.id !== null) return idx.byId.get(subject.id) ?? [];
  const c = subject.classes[0];
  if (c !== undefined) return idx.byClass.get(c) ?? [];
  if (subject.tag !== null) return idx.byTag.get(subject.tag) ?? [];
  return all;
}

/** Every element below `root` that matches `selector`, in document order. */
export function selectAll(root: Node, selector: string, within?: Element[]): Element[] {
  const c = compile(selector);
  if (!c) return [];
  if (within === undefined && isDocumentNode(root)) {
    const idx = indexOf(root);
    const all = descendants(root);
    const hit = new Set<Element>();
    for (const steps of c) {
      const subject = (steps[0] as Step).compound;
      for (const el of candidatesFor(idx, subject, all)) if (!hit.has(el) && matchSteps(el, steps, 0)) hit.add(el);
    }
    return [...hit].sort((p, q) => (idx.order.get(p) ?? 0) - (idx.order.get(q) ?? 0));
  }
  const list = within ?? descendants(root);
  return list.filter((el) => c.some((steps) => matchSteps(el, steps, 0)));
}

/** The first element below `root` that matches `selector`, or null. */
export function selectOne(root: Node, selector: string, within?: Element[]): Element | null {
  return selectAll(root, selector, within)[0] ?? null;
}

/** The nearest ancestor-or-self of `el` matching `selector`, or null. */
export function closest(el: Element, selector: string): Element | null {
  for (let e: Element | null = el; e; e = parentElement(e)) if (matches(e, selector)) return e;
  return null;
}

/** Like `selectAll`, but the parts of a comma list are taken in the order written (priority), not document order. */
export function selectByPriority(root: Node, selector: string, within?: Element[]): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  for (const part of selector.split(',')) {
    for (const el of selectAll(root, part, within)) {
      if (seen.has(el)) continue;
      seen.add(el);
      out.push(el);
    }
  }
  return out;
}
