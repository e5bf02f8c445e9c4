/**
 * Footnotes. `<wxr-fn>` (made from `[ref]`, `[footnote]`, `((…))` by the text
 * pass) → `[^n]` with its definition at the end of the document.
 * The hand-made pattern `<sup><a href="#fn1">1</a></sup>` … `<li id="fn1">…</li>`
 * is converted by `extractNoteLists` before rendering.
 */
import type { ElementHandler } from '../types.js';

export const footnoteRef: ElementHandler = (el, ctx) => {
  const md = ctx.toBlocks(ctx.children(el));
  return md === '' ? '' : ctx.footnote(md);
};
