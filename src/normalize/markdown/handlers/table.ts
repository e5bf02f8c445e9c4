/**
 * Tables → GFM tables. A table that GFM cannot express (rowspan/colspan, lists,
 * code, nested tables or several paragraphs in a cell) is kept as HTML, with an
 * info diagnostic. The first row is the header (GFM needs one).
 */
import type { Element } from 'domhandler';
import type { ElementHandler, RenderContext } from '../types.js';
import { escapeCell } from '../escape.js';
import { keepHtml } from './html.js';

const COMPLEX_INSIDE = new Set(['ul', 'ol', 'table', 'pre', 'wxr-ph', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'hr', 'iframe', 'video', 'audio']);

function rowsOf(el: Element, out: Element[] = []): Element[] {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') rowsOf(c, out);
  }
  return out;
}

const cellsOf = (tr: Element): Element[] =>
  tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));

function complexCell(cell: Element): boolean {
  if (Number(cell.attribs['rowspan'] ?? 1) > 1 || Number(cell.attribs['colspan'] ?? 1) > 1) return true;
  let paragraphs = 0;
  const walk = (e: Element): boolean =>
    e.children.some((c) => {
      if (c.type !== 'tag') return false;
      if (COMPLEX_INSIDE.has(c.name)) return true;
      if (c.name === 'p' && ++paragraphs > 1) return true;
      return walk(c);
    });
  return walk(cell);
}

function alignOf(cell: Element): string {
  const a = (cell.attribs['align'] ?? /text-align\s*:\s*(\w+)/i.exec(cell.attribs['style'] ?? '')?.[1] ?? '').toLowerCase();
  return a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---';
}

function cellText(cell: Element, ctx: RenderContext): string {
  return escapeCell(ctx.toLine(ctx.children(cell), '<br>'));
}

export const table: ElementHandler = (el, ctx) => {
  const rows = rowsOf(el);
  if (rows.length === 0) return '';
  if (rows.some((r) => cellsOf(r).some(complexCell))) {
    ctx.report({ severity: 'info', code: 'I_MD_TABLE_HTML', message: 'A table with merged cells or block content is kept as HTML' });
    return keepHtml(el, ctx);
  }
  const width = Math.max(...rows.map((r) => cellsOf(r).length));
  if (width === 0) return '';
  const lines = rows.map((r) => {
    const cells = cellsOf(r).map((c) => cellText(c, ctx));
    while (cells.length < width) cells.push('');
    return `| ${cells.join(' | ')} |`;
  });
  const head = cellsOf(rows[0] as Element);
  const delim = Array.from({ length: width }, (_, i) => (head[i] ? alignOf(head[i]) : '---'));
  lines.splice(1, 0, `| ${delim.join(' | ')} |`);
  const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
  const table = ctx.block(lines.join('\n'), 'table');
  return caption ? table + ctx.block(`*${ctx.toLine(ctx.children(caption))}*`, 'p') : table;
};
