/** Headings (`#` ATX style, an `id` kept as an anchor: see `anchor.ts`), `<hr>` and `<blockquote>`. */
import { isTag, type Element } from 'domhandler';
import type { ElementHandler, RenderContext } from '../types.js';
import { anchorBlock } from './anchor.js';

/** Bare anchors (`<a name>`/`<a id>` without `href`, the classic editor's anchor button) inside a heading, as `<div id>` lines. */
function innerAnchors(el: Element, ctx: RenderContext): string {
  let out = '';
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (child.name === 'a' && (child.attribs['href'] ?? '').trim() === '') out += anchorBlock(child, ctx);
    out += innerAnchors(child, ctx);
  }
  return out;
}

export const heading: ElementHandler = (el, ctx) => {
  const level = Number(el.name.slice(1));
  const text = ctx.toLine(ctx.children(el)).replace(/#+$/, (m) => `\\${m}`);
  // Ids go on lines before the heading: inside it, the generator's own heading id and table of contents would take the HTML in.
  const target = anchorBlock(el, ctx) + innerAnchors(el, ctx);
  if (text === '') return target;
  return target + ctx.block(`${'#'.repeat(level)} ${text}`, 'heading');
};

export const hr: ElementHandler = (_el, ctx) => ctx.block('---', 'hr');

export const blockquote: ElementHandler = (el, ctx) => {
  const md = ctx.blocks(el);
  if (md === '') return '';
  return ctx.block(md.split('\n').map((l) => (l === '' ? '>' : `> ${l}`)).join('\n'), 'blockquote');
};
