/**
 * Tree construction for saved pages: htmlparser2's tokenizer (shared with the Markdown converter) feeding the
 * WHATWG rules that decide where content lands on real blog pages: implied `<html>`/`<head>`/`<body>`, `<p>`
 * closed by blocks, `<li>`/`<dd>`/`<dt>` closed by their siblings, end tags honoured only in scope, misnested
 * formatting elements (`<em>` across `</p>`) reconstructed and moved by the adoption agency, a second
 * `<html>`/`<body>` merged into the first, content after `</body>` kept in the body, cells and rows closing each
 * other, implied `<tbody>`/`<tr>`, SVG/MathML self-closing tags. Not modelled (rare in saved posts): foster
 * parenting of stray content out of tables, form pointer, `<noscript>` as raw text (its markup is parsed; the
 * helpers in `dom.ts` treat it as opaque), markup inside an SVG `<title>` (raw text in the tokenizer).
 */
import { Comment, Document, Element, ProcessingInstruction, Text, type ChildNode, type ParentNode } from 'domhandler';
import { Tokenizer } from 'htmlparser2';
import { OpenStack } from './open-stack.js';
import {
  BLOCK_END,
  BREAKOUT,
  BUTTON_SCOPE,
  CLOSES_P,
  FORMATTING,
  HEADINGS,
  HEAD_TAGS,
  IMPLIED_END,
  INTEGRATION,
  LIST_SCOPE,
  MARKERS,
  type Phase,
  SCOPE,
  SPECIAL,
  TABLE_SCOPE,
  VOID,
} from './tree-tags.js';


type Entry = Element | null; // null: a marker

const HEADING_NAMES = [...HEADINGS];

/**
 * The deepest element nesting the tree builder creates, as in Chromium's HTML parser
 * (`kMaximumHTMLParserDOMTreeDepth`, 512). Once the open-element stack is this deep, further elements are
 * still opened (so their end tags match as usual) but are inserted as children of the deepest allowed element:
 * the tree is flattened there instead of growing deeper. Hostile pages with tens of thousands of nested
 * elements would otherwise make every recursive reader of the tree slow or overflow the call stack.
 */
export const MAX_TREE_DEPTH = 512;

/** A page tree and what the builder had to change to build it. */
export interface TreeResult {
  doc: Document;
  /** How many elements were inserted higher than their nesting asked for (see `MAX_TREE_DEPTH`); 0 normally. */
  flattened: number;
}

class Builder {
  readonly doc = new Document([]);
  /** Elements placed under the element at `MAX_TREE_DEPTH` instead of deeper. */
  flattened = 0;
  private readonly open = new OpenStack();
  private readonly active: Entry[] = [];
  private readonly foreign = new WeakSet<Element>();
  private readonly firsts = new Map<string, Element>();
  private phase: Phase = 'start';
  /** Set by `</body>` / `</html>`: comments after them go to `<html>` / the document, as in browsers. */
  private closed: 'body' | 'html' | null = null;

  private get current(): ParentNode {
    return this.open.top() ?? this.doc;
  }

  // ---- tree edits -------------------------------------------------------------------------------------------

  private append(parent: ParentNode, node: ChildNode): void {
    const last = parent.children[parent.children.length - 1] ?? null;
    if (node instanceof Text && last instanceof Text) {
      last.data += node.data;
      return;
    }
    node.parent = parent;
    node.prev = last;
    node.next = null;
    if (last) last.next = node;
    parent.children.push(node);
  }

  private detach(node: ChildNode): void {
    const parent = node.parent;
    if (!parent) return;
    const i = parent.children.indexOf(node);
    if (i >= 0) parent.children.splice(i, 1);
    if (node.prev) node.prev.next = node.next;
    if (node.next) node.next.prev = node.prev;
    node.parent = null;
    node.prev = null;
    node.next = null;
  }

  text(data: string): void {
    if (data === '') return;
    if (this.closed && !/^[ \t\n\f\r]*$/.test(data)) this.closed = null;
    const into = this.current;
    if (this.phase !== 'body' && into instanceof Element && into.name !== 'head' && into.name !== 'html') {
      this.append(into, new Text(data));
      return;
    }
    if (this.phase !== 'body') {
      if (/^[ \t\n\f\r]*$/.test(data)) {
        if (this.phase !== 'start') this.append(this.current, new Text(data));
        return;
      }
      // Leading white space stays where it is (dropped before `<head>`), the rest starts the body.
      const lead = /^[ \t\n\f\r]*/.exec(data)?.[0] ?? '';
      if (lead !== '' && this.phase !== 'start') this.append(this.current, new Text(lead));
      data = data.slice(lead.length);
      this.toBody();
    }
    const cur = this.current;
    if (!(cur instanceof Element && this.foreign.has(cur) && !INTEGRATION.has(cur.name))) this.reconstruct();
    this.append(this.current, new Text(data));
  }

  comment(data: string): void {
    const html = this.firsts.get('html');
    const at = this.closed === 'html' || !html ? this.doc : this.closed === 'body' ? html : this.current;
    this.append(at, new Comment(data));
  }

  declaration(name: string, data: string): void {
    this.append(this.current, new ProcessingInstruction(name, data));
  }

  private insert(name: string, attribs: Record<string, string>, push = true): Element {
    const el = new Element(name, attribs);
    let parent = this.current;
    if (this.open.length >= MAX_TREE_DEPTH) {
      parent = this.open.at(MAX_TREE_DEPTH - 1) as Element;
      this.flattened++;
    }
    if (parent instanceof Element && this.foreign.has(parent) && !INTEGRATION.has(parent.name)) this.foreign.add(el);
    if (name === 'svg' || name === 'math') this.foreign.add(el);
    this.append(parent, el);
    if (push) this.open.push(el);
    return el;
  }

  /** End of input: like browsers, every page has `<html>`, `<head>` and `<body>`. */
  finish(): void {
    if (this.phase !== 'body') this.toBody();
  }

  private ensureHtml(): void {
    if (!this.firsts.has('html')) this.firsts.set('html', this.insert('html', {}));
  }

  private leaveHead(): void {
    if (this.phase === 'start') this.start('head', {}, false);
    if (this.open.some((el) => el.name === 'head')) this.popUntilName('head');
    this.phase = 'afterHead';
  }

  /** Content that belongs to the body arrived before `<body>`: the body is implied (as in browsers). */
  private toBody(): void {
    this.leaveHead();
    this.start('body', {}, false);
  }

  // ---- stack helpers ----------------------------------------------------------------------------------------

  private inScope(test: (el: Element) => boolean, boundary: Set<string>): boolean {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const el = this.open.at(i) as Element;
      if (test(el)) return true;
      if (boundary.has(el.name) && !this.foreign.has(el)) return false;
      if (this.foreign.has(el) && INTEGRATION.has(el.name)) return false;
    }
    return false;
  }

  private has(name: string, boundary: Set<string> = SCOPE): boolean {
    if (this.open.noneNamed([name])) return false;
    return this.inScope((el) => el.name === name && !this.foreign.has(el), boundary);
  }

  private popUntil(test: (el: Element) => boolean): void {
    while (this.open.length > 0) {
      const el = this.open.pop() as Element;
      if (test(el)) return;
    }
  }

  private popUntilName(name: string): void {
    this.popUntil((el) => el.name === name);
  }

  private impliedEnds(except?: string): void {
    for (;;) {
      const top = this.open.top();
      if (!top || !IMPLIED_END.has(top.name) || top.name === except) return;
      this.open.pop();
    }
  }

  private closeP(): void {
    if (!this.has('p', BUTTON_SCOPE)) return;
    this.impliedEnds('p');
    this.popUntilName('p');
  }

  private clearToMarker(): void {
    while (this.active.length > 0) if (this.active.pop() === null) return;
  }

  // ---- active formatting elements ---------------------------------------------------------------------------

  private pushActive(el: Element): void {
    let same = 0;
    for (let i = this.active.length - 1; i >= 0; i--) {
      const e = this.active[i];
      if (e === null || e === undefined) break;
      if (e.name === el.name && sameAttribs(e, el) && ++same === 3) {
        this.active.splice(i, 1);
        break;
      }
    }
    this.active.push(el);
  }

  private reconstruct(): void {
    const n = this.active.length;
    if (n === 0) return;
    const lastEntry = this.active[n - 1];
    if (lastEntry === null || lastEntry === undefined || this.open.includes(lastEntry)) return;
    let i = n - 1;
    while (i > 0) {
      const e = this.active[i - 1];
      if (e === null || e === undefined || this.open.includes(e)) break;
      i--;
    }
    for (; i < n; i++) {
      const e = this.active[i] as Element;
      this.active[i] = this.insert(e.name, { ...e.attribs });
    }
  }

  /** The WHATWG adoption agency for an end tag (or a repeated `<a>`/`<nobr>`) of a formatting element. */
  private adopt(name: string): void {
    const top = this.open.top();
    if (top && top.name === name && !this.active.includes(top)) {
      this.open.pop();
      return;
    }
    for (let outer = 0; outer < 8; outer++) {
      let fi = -1;
      for (let i = this.active.length - 1; i >= 0; i--) {
        const e = this.active[i];
        if (e === null || e === undefined) break;
        if (e.name === name) {
          fi = i;
          break;
        }
      }
      if (fi < 0) return this.anyOtherEnd(name);
      const fe = this.active[fi] as Element;
      const si = this.open.indexOf(fe);
      if (si < 0) {
        this.active.splice(fi, 1);
        return;
      }
      if (!this.inScope((el) => el === fe, SCOPE)) return;
      let fbi = -1;
      for (let i = si + 1; i < this.open.length; i++) {
        if (SPECIAL.has((this.open.at(i) as Element).name)) {
          fbi = i;
          break;
        }
      }
      if (fbi < 0) {
        this.open.truncate(si);
        this.active.splice(fi, 1);
        return;
      }
      const furthest = this.open.at(fbi) as Element;
      const common = (this.open.at(si - 1) as Element | undefined) ?? this.doc;
      let bookmark = fi;
      let node: Element = furthest;
      let last: Element = furthest;
      let ni = fbi;
      for (let inner = 1; ; inner++) {
        ni--;
        node = this.open.at(ni) as Element;
        if (node === fe) break;
        let ai = this.active.indexOf(node);
        if (inner > 3 && ai >= 0) {
          this.active.splice(ai, 1);
          if (ai < bookmark) bookmark--;
          ai = -1;
        }
        if (ai < 0) {
          this.open.removeAt(ni);
          continue;
        }
        const clone = new Element(node.name, { ...node.attribs });
        if (this.foreign.has(node)) this.foreign.add(clone);
        this.active[ai] = clone;
        this.open.replaceAt(ni, clone);
        node = clone;
        if (last === furthest) bookmark = ai + 1;
        this.detach(last);
        this.append(node, last);
        last = node;
      }
      this.detach(last);
      this.append(common, last);
      const fresh = new Element(fe.name, { ...fe.attribs });
      for (const c of [...furthest.children]) {
        this.detach(c);
        this.append(fresh, c);
      }
      this.append(furthest, fresh);
      const at = this.active.indexOf(fe);
      this.active.splice(at, 1);
      if (at < bookmark) bookmark--;
      this.active.splice(bookmark, 0, fresh);
      this.open.removeAt(this.open.indexOf(fe));
      this.open.insertAt(this.open.indexOf(furthest) + 1, fresh);
    }
  }

  // ---- tokens -----------------------------------------------------------------------------------------------

  start(name: string, attribs: Record<string, string>, selfClosing: boolean): void {
    this.closed = null;
    const cur = this.current;
    if (cur instanceof Element && this.foreign.has(cur) && !INTEGRATION.has(cur.name)) {
      if (!BREAKOUT.has(name) && !(name === 'font' && ('color' in attribs || 'face' in attribs || 'size' in attribs))) {
        this.insert(name, attribs, !selfClosing);
        return;
      }
      this.popUntil(() => {
        const t = this.open.top();
        return !t || !this.foreign.has(t) || INTEGRATION.has(t.name);
      });
      const t = this.open.top();
      if (t && this.foreign.has(t) && !INTEGRATION.has(t.name)) this.open.pop();
    }
    if (name === 'html' || name === 'body' || name === 'head') {
      const first = this.firsts.get(name);
      if (first) {
        if (name !== 'head') for (const [k, v] of Object.entries(attribs)) if (!Object.hasOwn(first.attribs, k)) first.attribs[k] = v;
        return;
      }
      if (name === 'html') {
        this.firsts.set('html', this.insert('html', attribs));
        return;
      }
      if (name === 'head') {
        if (this.phase !== 'start') return;
        this.ensureHtml();
        this.firsts.set('head', this.insert('head', attribs));
        this.phase = 'head';
        return;
      }
      this.leaveHead();
      this.ensureHtml();
      this.firsts.set('body', this.insert('body', attribs));
      this.phase = 'body';
      return;
    }
    if (this.phase !== 'body') {
      if (cur instanceof Element && cur.name !== 'head' && cur.name !== 'html') {
        this.insert(name, attribs, !VOID.has(name));
        return;
      }
      if (HEAD_TAGS.has(name) && this.phase !== 'afterHead') {
        if (this.phase === 'start') this.start('head', {}, false);
        this.insert(name, attribs, !VOID.has(name));
        return;
      }
      if (!HEAD_TAGS.has(name)) this.toBody();
    }
    if (name === 'image') name = 'img';
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const stop = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let i = this.open.length - 1; i >= 0; i--) {
        const el = this.open.at(i) as Element;
        if (stop.includes(el.name)) {
          this.impliedEnds(el.name);
          this.popUntilName(el.name);
          break;
        }
        if (SPECIAL.has(el.name) && el.name !== 'address' && el.name !== 'div' && el.name !== 'p') break;
      }
    }
    if (CLOSES_P.has(name)) {
      if (name !== 'table' || !this.quirks()) this.closeP();
      const top = this.open.top();
      if (HEADINGS.has(name) && top && HEADINGS.has(top.name)) this.open.pop();
      this.insert(name, attribs, !VOID.has(name));
      return;
    }
    if (name === 'a') {
      for (let i = this.active.length - 1; i >= 0; i--) {
        const e = this.active[i];
        if (e === null || e === undefined) break;
        if (e.name !== 'a') continue;
        this.adopt('a');
        const ai = this.active.indexOf(e);
        if (ai >= 0) this.active.splice(ai, 1);
        const oi = this.open.indexOf(e);
        if (oi >= 0) this.open.removeAt(oi);
        break;
      }
    }
    if (name === 'nobr' && this.has('nobr')) {
      this.reconstruct();
      this.adopt('nobr');
    }
    if (name === 'tr' || name === 'td' || name === 'th') {
      if (!this.open.noneNamed(['td', 'th']) && this.inScope((el) => el.name === 'td' || el.name === 'th', TABLE_SCOPE)) {
        this.popUntil((el) => el.name === 'td' || el.name === 'th');
        this.clearToMarker();
      }
      if (name === 'tr' && this.has('tr', TABLE_SCOPE)) this.popUntilName('tr');
    }
    const host = this.open.top();
    if (host && (name === 'tr' || name === 'td' || name === 'th')) {
      if (host.name === 'table') this.insert('tbody', {});
      if (name !== 'tr' && /^(?:table|tbody|thead|tfoot)$/.test(host.name)) this.insert('tr', {});
    }
    if (name === 'option' || name === 'optgroup') {
      const top = this.open.top();
      if (top && top.name === 'option') this.open.pop();
    }
    if (!/^(?:table|tbody|thead|tfoot|tr|td|th|caption|colgroup|col)$/.test(name)) this.reconstruct();
    const el = this.insert(name, attribs, !VOID.has(name));
    if (selfClosing && this.foreign.has(el) && this.open.top() === el) this.open.pop();
    if (FORMATTING.has(name)) this.pushActive(el);
    else if (MARKERS.has(name)) this.active.push(null);
  }

  end(name: string): void {
    const cur = this.current;
    if (cur instanceof Element && this.foreign.has(cur)) {
      for (let i = this.open.length - 1; i >= 0; i--) {
        const el = this.open.at(i) as Element;
        if (!this.foreign.has(el)) break;
        if (el.name === name) {
          this.open.truncate(i);
          return;
        }
      }
    }
    if (name === 'html' || name === 'body') {
      if (this.phase === 'body' && this.closed !== 'html') this.closed = name;
      return;
    }
    if (this.phase !== 'body' && name !== 'br') {
      const top = this.open.top();
      if (top && top.name === name) this.open.pop();
      if (name === 'head' && this.phase === 'head') this.phase = 'afterHead';
      return;
    }
    if (name === 'br') {
      this.start('br', {}, false);
      return;
    }
    if (name === 'p') {
      if (!this.has('p', BUTTON_SCOPE)) this.insert('p', {});
      this.impliedEnds('p');
      this.popUntilName('p');
      return;
    }
    if (name === 'li' || name === 'dd' || name === 'dt') {
      if (!this.has(name, name === 'li' ? LIST_SCOPE : SCOPE)) return;
      this.impliedEnds(name);
      this.popUntilName(name);
      return;
    }
    if (HEADINGS.has(name)) {
      if (this.open.noneNamed(HEADING_NAMES) || !this.inScope((el) => HEADINGS.has(el.name), SCOPE)) return;
      this.impliedEnds();
      this.popUntil((el) => HEADINGS.has(el.name));
      return;
    }
    if (FORMATTING.has(name)) return this.adopt(name);
    if (BLOCK_END.has(name)) {
      if (!this.has(name)) return;
      this.impliedEnds();
      this.popUntilName(name);
      return;
    }
    if (MARKERS.has(name) || /^(?:table|tbody|thead|tfoot|tr)$/.test(name)) {
      if (!this.has(name, /^(?:applet|marquee|object)$/.test(name) ? SCOPE : TABLE_SCOPE)) return;
      this.impliedEnds();
      this.popUntilName(name);
      if (MARKERS.has(name)) this.clearToMarker();
      return;
    }
    if (name === 'head') {
      if (this.open.some((el) => el.name === 'head')) this.popUntilName('head');
      return;
    }
    this.anyOtherEnd(name);
  }

  private anyOtherEnd(name: string): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const el = this.open.at(i) as Element;
      if (el.name === name) {
        this.impliedEnds(name);
        this.open.truncate(Math.min(this.open.length, i));
        return;
      }
      if (SPECIAL.has(el.name)) return;
    }
  }

  private quirksMode: boolean | null = null;

  private quirks(): boolean {
    if (this.quirksMode === null) {
      const dt = this.doc.children.find((c): c is ProcessingInstruction => c instanceof ProcessingInstruction && c.name === '!doctype');
      const d = dt ? dt.data : '';
      if (!dt) this.quirksMode = true;
      else if (/^!doctype\s+html\s*$/i.test(d) || /XHTML/i.test(d)) this.quirksMode = false;
      else if (/DTD HTML 4\.01 (?:Transitional|Frameset)/i.test(d)) this.quirksMode = !/"[^"]*"\s*"[^"]*"/.test(d) && !/'[^']*'\s*'[^']*'/.test(d);
      else this.quirksMode = /DTD HTML (?:[23]|4\.0[^1]|4\.0\/)/i.test(d) || !/^!doctype\s+html\b/i.test(d);
    }
    return this.quirksMode;
  }
}

function sameAttribs(a: Element, b: Element): boolean {
  const ka = Object.keys(a.attribs);
  if (ka.length !== Object.keys(b.attribs).length) return false;
  return ka.every((k) => Object.hasOwn(b.attribs, k) && b.attribs[k] === a.attribs[k]);
}

/**
 * A copy of a piece of the page that does not keep the whole page alive (V8 keeps slices as views of their
 * source; results built from the tree would otherwise each hold their page's HTML).
 */
const own = (s: string): string => (s.length < 13 ? s : (` ${s}`).slice(1));

/**
 * Builds the tree of a whole page (never throws on bad markup; elements never nest deeper than
 * `MAX_TREE_DEPTH`) and says what the builder changed: `flattened` counts the elements placed at
 * `MAX_TREE_DEPTH` instead of deeper (0 for ordinary pages).
 *
 * @example
 * ```ts
 * const { doc, flattened } = buildTreeWithFacts('<div>'.repeat(600));
 * // flattened === 600 - (512 - 2): html and body count towards the depth
 * ```
 */
export function buildTreeWithFacts(html: string): TreeResult {
  const b = new Builder();
  let tag = '';
  let attribs: Record<string, string> = Object.create(null) as Record<string, string>;
  let attrName = '';
  let attrValue = '';
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onattribdata: (s, e) => { attrValue += html.slice(s, e); },
      onattribentity: (cp) => { attrValue += String.fromCodePoint(cp); },
      onattribend: () => {
        if (!Object.hasOwn(attribs, attrName)) attribs[attrName] = own(attrValue);
        attrValue = '';
      },
      onattribname: (s, e) => { attrName = html.slice(s, e).toLowerCase(); },
      oncdata: (s, e, o) => b.comment(`[CDATA[${html.slice(s, e - o)}]]`),
      onclosetag: (s, e) => b.end(html.slice(s, e).toLowerCase()),
      oncomment: (s, e, o) => b.comment(own(html.slice(s, e - o))),
      ondeclaration: (s, e) => {
        const v = html.slice(s, e);
        b.declaration(`!${(v.split(/[\s/]/)[0] ?? '').toLowerCase()}`, `!${v}`);
      },
      onend: () => b.finish(),
      onopentagend: () => b.start(tag, attribs, false),
      onopentagname: (s, e) => {
        tag = html.slice(s, e).toLowerCase();
        attribs = {};
      },
      onprocessinginstruction: (s, e) => b.comment(`?${html.slice(s, e)}`),
      onselfclosingtag: () => b.start(tag, attribs, true),
      ontext: (s, e) => b.text(own(html.slice(s, e))),
      ontextentity: (cp) => b.text(String.fromCodePoint(cp)),
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { doc: b.doc, flattened: b.flattened };
}
