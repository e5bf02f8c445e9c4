/**
 * `[gallery ids="1,2,3"]` (and `include=`, or no ids: the post's own attachments):
 * each image as a `<figure>` when the attachments are known (option
 * `attachments`), otherwise kept verbatim with a diagnostic.
 */
import type { AttachmentRef, ShortcodeHandler } from '../types.js';
import { attrOf, escAttr } from './attrs.js';

function ids(list: string | undefined): number[] {
  if (!list) return [];
  return list.split(/[\s,]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/** One image of a gallery as HTML, with its caption when it has one. */
export function galleryImage(a: AttachmentRef): string {
  const img = `<img src="${escAttr(a.url)}" alt="${escAttr(a.alt ?? '')}">`;
  return a.caption ? `<figure>${img}<figcaption>${a.caption}</figcaption></figure>` : `<p>${img}</p>`;
}

export const gallery: ShortcodeHandler = (sc, ctx) => {
  const exclude = new Set(ids(sc.attrs.get('exclude')));
  let list = ids(attrOf(sc.attrs, 'ids', 'include'));
  if (list.length === 0 && !sc.attrs.has('ids')) list = [...ctx.options.childAttachmentIds];
  list = list.filter((id) => !exclude.has(id));
  const found: AttachmentRef[] = [];
  const missing: number[] = [];
  for (const id of list) {
    const a = ctx.attachment(id);
    if (a) found.push(a);
    else missing.push(id);
  }
  if (found.length === 0) {
    ctx.report({
      code: 'W_MD_GALLERY_UNRESOLVED',
      message: list.length === 0 ? '[gallery] without ids and no known attachments: kept verbatim' : `[gallery] attachments ${missing.join(', ')} unknown: kept verbatim`,
    });
    return null;
  }
  if (missing.length > 0) {
    ctx.report({ code: 'W_MD_GALLERY_PARTIAL', message: `[gallery] attachments ${missing.join(', ')} unknown: left out` });
  }
  return `<div class="gallery">${found.map(galleryImage).join('')}</div>`;
};
