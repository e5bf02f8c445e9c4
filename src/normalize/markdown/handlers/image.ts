/**
 * `<img src alt title>` → `![alt](src "title")`. When the block editor or the
 * `wp-image-N` class names an attachment the caller knows, a missing `src` or
 * `alt` is taken from it. A lazy-loading placeholder `src` gives way to `data-lazy-src`/`data-src`. Emoji images (`class="wp-smiley"`/`emoji`) become their `alt` character.
 */
import type { ElementHandler } from '../types.js';
import { destination, titlePart } from './link.js';

/** Alt text that needs changes: whitespace other than single spaces, brackets, backslashes. */
const ALT_SPECIAL = /[^\S ]|\s\s|[\\[\]]/;

function attachmentId(cls: string, dataId: string | undefined): number | null {
  const m = /\bwp-image-(\d+)\b/.exec(cls);
  const v = Number(m?.[1] ?? dataId ?? NaN);
  return Number.isInteger(v) && v > 0 ? v : null;
}

/**
 * The image's address: `src`, unless it is missing or a lazy-loading placeholder (a `data:` URI, as
 * WP Rocket, a3 Lazy Load and Jetpack write) and the real one is in `data-lazy-src` or `data-src`.
 */
function imageSource(attribs: Record<string, string>): string {
  const src = attribs['src'] ?? '';
  if (src !== '' && !/^\s*data:/i.test(src)) return src;
  return attribs['data-lazy-src'] || attribs['data-src'] || attribs['data-original'] || src;
}

export const image: ElementHandler = (el, ctx) => {
  const cls = el.attribs['class'] ?? '';
  let src = imageSource(el.attribs);
  let alt = el.attribs['alt'] ?? '';
  if (/\b(?:wp-smiley|emoji)\b/.test(cls) && alt) return alt;
  const id = attachmentId(cls, el.attribs['data-id']);
  if (id !== null && (src === '' || alt === '')) {
    const a = ctx.attachment(id);
    if (a) {
      if (src === '') src = a.url;
      if (alt === '') alt = a.alt ?? '';
    }
  }
  if (src === '') return '';
  const altText = ALT_SPECIAL.test(alt) ? alt.replace(/\s+/g, ' ').replace(/([\\[\]])/g, '\\$1') : alt;
  return `![${altText}](${destination(src)}${titlePart(el.attribs['title'])})`;
};
