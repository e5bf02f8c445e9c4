/**
 * `<ul>`/`<ol start>` with nested lists. Item content is indented under its
 * marker; an item of one paragraph (plus nested lists) stays tight.
 * Block-editor gallery lists (`blocks-gallery-grid`) become plain image paragraphs.
 */
import type { ChildNode, Element } from 'domhandler';
import type { ElementHandler, RenderContext } from '../types.js';
import { PARA } from '../stream.js';
import { anchorBlock } from './anchor.js';
import { isNoteItem } from './footnote.js';

function itemBlocks(li: Element, ctx: RenderContext): { md: string; loose: boolean } {
  const parts = ctx.parts(ctx.children(li));
  let md = '';
  let loose = false;
  parts.forEach((p, i) => {
    if (i > 0) {
      const tight = p.kind === 'list' && parts[i - 1]?.kind === 'p';
      if (!tight) loose = true;
      md += tight ? '\n' : '\n\n';
    }
    md += p.markdown;
  });
  return { md, loose };
}

function indent(md: string, width: number): string {
  const pad = ' '.repeat(width);
  return md.split('\n').map((l, i) => (i === 0 || l === '' ? l : pad + l)).join('\n');
}

/** HTML whitespace only: a text node between items. */
const BLANK = /^[ \t\n\r\f]*$/;

/**
 * Content written directly inside `<ul>`/`<ol>` (text, a nested list, an image link) that is
 * not in an `<li>`: it joins the item before it, indented under its marker (a nested list
 * stays tight, anything else makes the list loose); before the first item it becomes
 * paragraphs ahead of the list. Browsers show it, so it is never dropped.
 */
function strayAfter(item: string, stray: ChildNode[], width: number, ctx: RenderContext): { md: string; loose: boolean } {
  let md = item;
  let loose = false;
  for (const p of ctx.parts(ctx.nodes(stray))) {
    const tight = p.kind === 'list' && md === item;
    if (!tight) loose = true;
    md += `\n${indent(`${tight ? '' : '\n'}\n${p.markdown}`, width).slice(1)}`;
  }
  return { md, loose };
}

export const list: ElementHandler = (el, ctx) => {
  const cls = el.attribs['class'] ?? '';
  if (/\b(?:blocks-gallery-grid|wp-block-gallery)\b/.test(cls)) {
    return el.children.map((c) => PARA + ctx.nodes([c]) + PARA).join('');
  }
  const ordered = el.name === 'ol';
  const startAttr = Number.parseInt(el.attribs['start'] ?? '1', 10);
  let n = Number.isFinite(startAttr) && startAttr >= 0 ? startAttr : 1;
  const items: string[] = [];
  let lead = '';
  let loose = false;
  let width = 2;
  let stray: ChildNode[] = [];
  const flushStray = (): void => {
    if (stray.length === 0) return;
    const last = items.length - 1;
    if (last < 0) lead += ctx.nodes(stray);
    else {
      const r = strayAfter(items[last] ?? '', stray, width, ctx);
      items[last] = r.md;
      loose ||= r.loose;
    }
    stray = [];
  };
  for (const c of el.children) {
    if (c.type === 'text') {
      if (stray.length > 0 || !BLANK.test(c.data)) stray.push(c);
      continue;
    }
    if (c.type !== 'tag' || isNoteItem(c, (h) => ctx.noteTarget(h))) continue;
    if (c.name !== 'li') {
      stray.push(c);
      continue;
    }
    flushStray();
    const marker = ordered ? `${n++}.` : '-';
    width = marker.length + 1;
    const item = itemBlocks(c, ctx);
    loose ||= item.loose;
    items.push(`${marker} ${indent(item.md, marker.length + 1)}`.trimEnd());
  }
  flushStray();
  // a list's id is a link target (see `anchor.ts`)
  const before = anchorBlock(el, ctx) + (lead === '' ? '' : PARA + lead + PARA);
  if (items.length === 0) return before;
  return before + ctx.block(items.join(loose ? '\n\n' : '\n'), 'list');
};
