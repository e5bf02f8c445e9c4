/**
 * Block-editor footnotes (WordPress 6.3+): the text lives in the post meta
 * `footnotes`, not in the content; the content has `<sup data-fn="id"><a href="#id">`.
 */
import type { ElementHandler } from '../types.js';

/**
 * The footnotes (post meta `footnotes`, JSON `[{ id, content }]`) as
 * hidden elements appended to the content, so `<sup data-fn><a href="#id">` can find them.
 */
export function blockFootnoteHtml(json: string, report: (d: { code: string; message: string }) => void): string {
  if (json.trim() === '') return '';
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    report({ code: 'W_MD_FOOTNOTES_JSON', message: 'The footnotes meta is not valid JSON; footnotes left as links' });
    return '';
  }
  if (!Array.isArray(list)) return '';
  let html = '';
  for (const n of list as unknown[]) {
    if (n === null || typeof n !== 'object') continue;
    const { id, content } = n as { id?: unknown; content?: unknown };
    if (typeof id !== 'string' || typeof content !== 'string') continue;
    html += `<wxr-fnmeta id="${id.replace(/[^\w-]/g, '')}">${content}</wxr-fnmeta>`;
  }
  return html;
}

/** The hidden footnote elements of `blockFootnoteHtml` write nothing where they stand. */
export const hiddenNote: ElementHandler = () => '';

