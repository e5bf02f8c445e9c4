/**
 * Elements without a handler: block-level containers (`div`, `section`, …) become
 * paragraph boundaries around their content; anything else is transparent.
 */
import type { Element } from 'domhandler';
import type { RenderContext } from '../types.js';
import { PARA } from '../stream.js';
import { anchor } from './anchor.js';

/** Tags that start a new block in HTML. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'details', 'dialog', 'div', 'fieldset', 'footer', 'form',
  'header', 'hgroup', 'html', 'main', 'nav', 'p', 'section', 'summary', 'figcaption', 'legend', 'menu', 'caption',
]);

/** Tags whose content is never shown. */
const DROP = new Set(['head', 'title', 'meta', 'link', 'noscript', 'template', 'base', 'colgroup', 'col']);

export function renderFallback(el: Element, ctx: RenderContext): string {
  if (DROP.has(el.name)) return '';
  const inner = ctx.children(el);
  if (!BLOCK_TAGS.has(el.name)) return inner;
  // a paragraph's id (the block editor's "HTML anchor") is a link target: kept as an anchor
  return el.name === 'p' && el.attribs['id'] !== undefined ? PARA + anchor(el, ctx) + inner + PARA : PARA + inner + PARA;
}
