/**
 * `[caption id="attachment_5" align="aligncenter" width="300"]<a><img></a> Text[/caption]`
 * and the older form with the text in `caption="…"`: becomes a `<figure>` with a
 * `<figcaption>`, which the figure handler writes as image + caption.
 * The split follows WordPress's own `img_caption_shortcode`.
 */
import type { ShortcodeHandler } from '../types.js';
import { escAttr } from './attrs.js';

const IMAGE_PART = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i;

export const caption: ShortcodeHandler = (sc) => {
  let body = sc.content ?? '';
  let text = sc.attrs.get('caption') ?? '';
  const m = IMAGE_PART.exec(body);
  if (m) {
    body = m[1] ?? '';
    if (!text) text = (m[2] ?? '').trim();
  }
  const id = sc.attrs.get('id');
  const cls = ['wp-caption', sc.attrs.get('align') ?? ''].join(' ').trim();
  const idAttr = id ? ` id="${escAttr(id)}"` : '';
  return `<figure class="${escAttr(cls)}"${idAttr}>${body}<figcaption>${text}</figcaption></figure>`;
};
