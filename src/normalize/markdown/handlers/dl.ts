/**
 * Definition lists: `<dl><dt>Term</dt><dd>Definition</dd></dl>` → `Term` then
 * `: Definition` (the syntax of kramdown, Hugo's Goldmark, PHP Markdown Extra).
 */
import type { ElementHandler } from '../types.js';

export const dl: ElementHandler = (el, ctx) => {
  const lines: string[] = [];
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const text = ctx.toLine(ctx.children(c));
    if (text === '') continue;
    if (c.name === 'dt') {
      if (lines.length > 0) lines.push('');
      lines.push(text);
    } else if (c.name === 'dd') {
      lines.push(`: ${text}`);
    }
  }
  return lines.length === 0 ? '' : ctx.block(lines.join('\n'), 'dl');
};
