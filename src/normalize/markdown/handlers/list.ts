/**
 * `<ul>`/`<ol start>` with nested lists. Item content is indented under its
 * marker; an item of one paragraph (plus nested lists) stays tight.
 * Block-editor gallery lists (`blocks-gallery-grid`) become plain image paragraphs.
 */
import type { Element } from 'domhandler';
import type { ElementHandler, RenderContext } from '../types.js';
import { PARA } from '../stream.js';
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

export const list: ElementHandler = (el, ctx) => {
  const cls = el.attribs['class'] ?? '';
  if (/\b(?:blocks-gallery-grid|wp-block-gallery)\b/.test(cls)) {
    return el.children.map((c) => PARA + ctx.nodes([c]) + PARA).join('');
  }
  const ordered = el.name === 'ol';
  const startAttr = Number.parseInt(el.attribs['start'] ?? '1', 10);
  let n = Number.isFinite(startAttr) && startAttr >= 0 ? startAttr : 1;
  const items: string[] = [];
  let loose = false;
  let width = 2;
  for (const c of el.children) {
    if (c.type !== 'tag' || isNoteItem(c, (h) => ctx.noteTarget(h))) continue;
    if (c.name !== 'li') {
      const stray = ctx.toBlocks(ctx.nodes([c]));
      if (stray === '') continue;
      // a nested list written directly inside <ul>: it belongs to the item before it
      if (items.length > 0) items[items.length - 1] += `\n${indent(`\n${stray}`, width).slice(1)}`;
      else items.push(stray);
      continue;
    }
    const marker = ordered ? `${n++}.` : '-';
    width = marker.length + 1;
    const item = itemBlocks(c, ctx);
    loose ||= item.loose;
    items.push(`${marker} ${indent(item.md, marker.length + 1)}`.trimEnd());
  }
  if (items.length === 0) return '';
  return ctx.block(items.join(loose ? '\n\n' : '\n'), 'list');
};
