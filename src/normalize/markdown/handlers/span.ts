/**
 * `<span>` and `<font>` are transparent, except for inline styles that carry
 * meaning in pasted content (Google Docs, Word): `font-weight: bold|600+` → strong,
 * `font-style: italic` → emphasis, `text-decoration: line-through` → strike-through.
 */
import type { ElementHandler } from '../types.js';
import { DELIM } from '../delimiters.js';
import { wrap } from './inline.js';

export const span: ElementHandler = (el, ctx) => {
  const inner = ctx.children(el);
  const style = el.attribs['style'];
  if (!style) return inner;
  let out = inner;
  if (/text-decoration[^;]*line-through/i.test(style) && !ctx.inside('del')) out = wrap(out, DELIM.del[0], DELIM.del[1]);
  if (/font-style\s*:\s*italic/i.test(style) && !ctx.inside('em') && !ctx.inside('i')) out = wrap(out, DELIM.em[0], DELIM.em[1]);
  if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style) && !ctx.inside('strong') && !ctx.inside('b')) out = wrap(out, DELIM.strong[0], DELIM.strong[1]);
  return out;
};
