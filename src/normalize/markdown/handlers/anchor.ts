/**
 * Link targets, so in-page links (tables of contents, `#section` links) keep working: the
 * `id` of a paragraph and the `id`/`name` of an `<a>` become an empty `<a id="…"></a>` in
 * front of the content; a heading's or list's `id` an empty `<div id="…"></div>` line before it
 * (inside a heading, the generator's own heading id and table of contents would take the HTML in).
 * Hugo, Jekyll, Eleventy and Astro all pass HTML through (Hugo with
 * `markup.goldmark.renderer.unsafe`), while the `{#id}` heading attribute is read by Hugo and
 * kramdown only and shows as text elsewhere.
 */
import type { Element } from 'domhandler';
import type { RenderContext } from '../types.js';
import { escAttr } from '../shortcodes/attrs.js';

/** `el`'s `id` (or, for `<a>`, `name`) quoted for an attribute value, or `''`. */
function idOf(el: Element): string {
  const id = (el.attribs['id'] ?? (el.name === 'a' ? el.attribs['name'] : undefined))?.trim();
  return id ? escAttr(id.replace(/&/g, '&amp;').replace(/</g, '&lt;')) : '';
}

/** The anchor for `el` as raw inline stream text, or `''`. */
export function anchor(el: Element, ctx: RenderContext): string {
  const id = idOf(el);
  return id === '' ? '' : ctx.raw(`<a id="${id}"></a>`);
}

/** The anchor for `el` as an HTML block of its own, or `''`. */
export function anchorBlock(el: Element, ctx: RenderContext): string {
  const id = idOf(el);
  return id === '' ? '' : ctx.block(`<div id="${id}"></div>`, 'html');
}
