/**
 * `<figure>` (block editor, and `[caption]` after the text pass): the content,
 * then the `<figcaption>` as an italic paragraph; with `captions: 'figure'` a
 * figure that has a caption is kept as HTML. Embed figures (`wp-block-embed`)
 * write their URL as an embed.
 */
import type { Element } from 'domhandler';
import type { ElementHandler } from '../types.js';
import { PARA } from '../stream.js';
import { wrap } from './inline.js';

export const figure: ElementHandler = (el, ctx) => {
  const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'figcaption');
  const rest = el.children.filter((c) => c !== caption);
  if (!caption) return PARA + ctx.nodes(rest) + PARA;
  if (ctx.options.captions === 'figure') return ctx.block(ctx.outerHtml(el), 'html');
  const body = ctx.nodes(rest);
  const text = ctx.toLine(ctx.children(caption), ctx.options.hardBreak);
  if (text === '') return PARA + body + PARA;
  return PARA + body + PARA + wrap(ctx.raw(text), '_') + PARA;
};
