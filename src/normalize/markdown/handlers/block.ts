/** Headings (`#` ATX style, an `id` kept as an anchor: see `anchor.ts`), `<hr>` and `<blockquote>`. */
import type { ElementHandler } from '../types.js';
import { anchorBlock } from './anchor.js';

export const heading: ElementHandler = (el, ctx) => {
  const level = Number(el.name.slice(1));
  const text = ctx.toLine(ctx.children(el)).replace(/#+$/, (m) => `\\${m}`);
  const target = el.attribs['id'] === undefined ? '' : anchorBlock(el, ctx);
  if (text === '') return target;
  return target + ctx.block(`${'#'.repeat(level)} ${text}`, 'heading');
};

export const hr: ElementHandler = (_el, ctx) => ctx.block('---', 'hr');

export const blockquote: ElementHandler = (el, ctx) => {
  const md = ctx.blocks(el);
  if (md === '') return '';
  return ctx.block(md.split('\n').map((l) => (l === '' ? '>' : `> ${l}`)).join('\n'), 'blockquote');
};
