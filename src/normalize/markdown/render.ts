/**
 * Walks the parsed DOM and asks the handler map for each element. Text nodes are
 * whitespace-collapsed (or, in wpautop mode, newlines become breaks) and escaped.
 */
import type { ChildNode, Element } from 'domhandler';
import type { Diagnostic } from '../../model.js';
import type { Placeholder } from './preprocess.js';
import type { AttachmentRef, BlockInfo, ElementHandler, RenderContext, ResolvedOptions } from './types.js';
import { escapeInline, INLINE_SPECIAL } from './escape.js';
import { NL, PARA, blockRef, flushLine, rawRef, toParts, type Part } from './stream.js';
import { renderComment } from './handlers/comment.js';
import { renderFallback } from './handlers/fallback.js';
import { placeholderHandler } from './handlers/code.js';

/** Whitespace that changes: a run of two or more, or a single tab, newline, carriage return or form feed. */
const WS_RUNS = /[ \t\n\r\f]{2,}|[\t\n\r\f]/g;
const NEEDS_COLLAPSE = /[\t\n\r\f]| [ \t\n\r\f]/;
/** Text that both collapsing and escaping leave alone has none of these: one scan for both (most text nodes). */
const NEEDS_WORK = new RegExp(`${NEEDS_COLLAPSE.source}|${INLINE_SPECIAL.source}`);
// wpautop: a run with two or more line ends (`\r\n` is one), then one with one, then the rest
const RUN_2NL = /[ \t\f]*(?:\r\n|\r(?!\n)|\n)[ \t\f]*(?:\r\n|\r(?!\n)|\n)[ \t\n\r\f]*/g;
const RUN_1NL = /[ \t\f]*(?:\r\n|\r|\n)[ \t\f]*/g;
const RUN_0NL = /[ \t\f]{2,}|[\t\f]/g;

/**
 * HTML whitespace collapsing in one pass (U+00A0 is not whitespace and stays).
 * In wpautop mode a run with one newline is a line break and a run with two
 * or more is a paragraph break.
 */
export function collapseWhitespace(data: string, autop: boolean): string {
  if (!NEEDS_COLLAPSE.test(data)) return data;
  if (!autop) return data.replace(WS_RUNS, ' ');
  let t = data;
  if (t.includes('\n') || t.includes('\r')) t = t.replace(RUN_2NL, PARA).replace(RUN_1NL, NL);
  return t.replace(RUN_0NL, ' ');
}

type Report = (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void;

export class Renderer implements RenderContext {
  readonly blocksList: Part[] = [];
  readonly raws: string[] = [];
  readonly footnotes: string[] = [];
  private pending: BlockInfo | undefined;
  private readonly blockInfo = new Map<Element, BlockInfo>();
  private readonly stack: string[] = [];
  private readonly noteKeys = new Map<string, string>();
  /** Footnote list items by id (see `handlers/footnote.ts`); set before rendering. */
  notes: ReadonlyMap<string, Element> = new Map();

  private readonly placeholderHandler: ElementHandler;

  constructor(
    readonly options: ResolvedOptions,
    readonly autop: boolean,
    readonly source: string,
    readonly placeholders: readonly Placeholder[],
    readonly report: Report,
  ) {
    this.placeholderHandler = placeholderHandler(placeholders);
  }

  nodes(list: readonly ChildNode[]): string {
    let out = '';
    for (const n of list) out += this.node(n);
    return out;
  }

  children(el: Element): string {
    this.stack.push(el.name);
    try {
      return this.nodes(el.children);
    } finally {
      this.stack.pop();
    }
  }

  node(n: ChildNode): string {
    if (n.type === 'text') return this.text(n.data);
    if (n.type === 'comment') return renderComment(n.data, this);
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const el = n as Element;
      if (this.pending) {
        this.blockInfo.set(el, this.pending);
        this.pending = undefined;
      }
      const h = el.name === 'wxr-ph' ? this.placeholderHandler : this.options.handlers.get(el.name);
      return h ? h(el, this) : renderFallback(el, this);
    }
    return '';
  }

  text(data: string): string {
    return NEEDS_WORK.test(data) ? escapeInline(collapseWhitespace(data, this.autop)) : data;
  }

  /** Sets the block comment that the next element belongs to. */
  setPendingBlock(b: BlockInfo | undefined): void {
    this.pending = b;
  }

  blocks(el: Element): string {
    return this.toBlocks(this.children(el));
  }

  parts(stream: string): Part[] {
    return toParts(stream, this.blocksList, this.raws, this.options.hardBreak);
  }

  toBlocks(stream: string): string {
    return this.parts(stream).map((p) => p.markdown).join('\n\n');
  }

  toLine(stream: string, hardBreak?: string): string {
    return flushLine(stream, this.blocksList, this.raws, hardBreak);
  }

  block(markdown: string, kind = 'block'): string {
    if (markdown === '') return '';
    return blockRef(this.blocksList.push({ markdown, kind }) - 1);
  }

  raw(text: string): string {
    return rawRef(this.raws.push(text) - 1);
  }

  blockOf(el: Element): BlockInfo | undefined {
    return this.blockInfo.get(el);
  }

  outerHtml(el: Element): string {
    const s = el.startIndex;
    const e = el.endIndex;
    const html = s !== null && e !== null ? this.source.slice(s, e + 1) : '';
    return html.replace(/<!--\s*\/?wp:[\s\S]*?-->\s*/g, '').replace(/<wxr-ph data-i="(\d+)"><\/wxr-ph>/g, (_, i: string) => {
      const p = this.placeholders[Number(i)];
      if (!p) return '';
      if (p.kind === 'code') return `<pre><code>${p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</code></pre>`;
      return p.text;
    });
  }

  attachment(id: number): AttachmentRef | undefined {
    return this.options.attachment(id);
  }

  footnote(markdownText: string, key?: string): string {
    const known = key === undefined ? undefined : this.noteKeys.get(key);
    if (known !== undefined) return known;
    const ref = `[^${this.footnotes.push(markdownText)}]`;
    if (key !== undefined) this.noteKeys.set(key, ref);
    return ref;
  }

  noteTarget(href: string): Element | undefined {
    return href.startsWith('#') ? this.notes.get(href.slice(1)) : undefined;
  }

  inside(tag: string): boolean {
    return this.stack.includes(tag);
  }

}
