/**
 * `<figure>` (block editor, and `[caption]` after the text pass): the content,
 * then the `<figcaption>` as an italic paragraph; with `captions: 'figure'` a
 * figure that has a caption is kept as HTML. Embed figures (`wp-block-embed`)
 * write their URL as an embed.
 */
import type { ChildNode, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { ElementHandler, RenderContext } from '../types.js';
import { embedMarkdown } from '../shortcodes/embed.js';
import { PARA } from '../stream.js';
import { wrap } from './inline.js';

/** The URL of an embed block: its JSON `url`, else the text of its wrapper. */
function embedUrl(el: Element, ctx: RenderContext, rest: readonly ChildNode[]): string {
  const url = ctx.blockOf(el)?.attrs['url'];
  if (typeof url === 'string' && url !== '') return url;
  return rest.map((n) => DomUtils.textContent(n)).join('').trim();
}

export const figure: ElementHandler = (el, ctx) => {
  const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'figcaption');
  const rest = el.children.filter((c) => c !== caption);
  if (/\bwp-block-embed\b/.test(el.attribs['class'] ?? '') && ctx.options.captions === 'italic') {
    const url = embedUrl(el, ctx, rest);
    if (/^https?:\/\/\S+$/.test(url)) {
      const text = caption ? ctx.toLine(ctx.children(caption)) : '';
      return ctx.block(embedMarkdown(url, ctx.options), 'html') + (text ? PARA + wrap(ctx.raw(text), '_') + PARA : '');
    }
  }
  if (!caption) return PARA + ctx.nodes(rest) + PARA;
  if (ctx.options.captions === 'figure') return ctx.block(ctx.outerHtml(el), 'html');
  const body = ctx.nodes(rest);
  const text = ctx.toLine(ctx.children(caption), ctx.options.hardBreak);
  if (text === '') return PARA + body + PARA;
  return PARA + body + PARA + wrap(ctx.raw(text), '_') + PARA;
};
