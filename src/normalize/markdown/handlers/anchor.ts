/**
 * Link targets: the `id` of a heading or paragraph and the `id`/`name` of an `<a>` become
 * an empty `<a id="…"></a>` in front of the content, so in-page links (tables of contents,
 * `#section` links) keep working. Hugo, Jekyll, Eleventy and Astro all pass inline HTML
 * through (Hugo with `markup.goldmark.renderer.unsafe`), while the `{#id}` heading
 * attribute is read by Hugo and kramdown only and shows as text elsewhere.
 */
import type { Element } from 'domhandler';
import type { RenderContext } from '../types.js';
import { escAttr } from '../shortcodes/attrs.js';

/** The anchor for `el`'s `id` (or, for `<a>`, `name`) as raw inline stream text, or `''`. */
export function anchor(el: Element, ctx: RenderContext): string {
  const id = (el.attribs['id'] ?? (el.name === 'a' ? el.attribs['name'] : undefined))?.trim();
  if (!id) return '';
  return ctx.raw(`<a id="${escAttr(id.replace(/&/g, '&amp;').replace(/</g, '&lt;'))}"></a>`);
}
