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
  const cells = rows.map(cellsOf);
  if (cells.some((r) => r.some(complexCell))) {
    ctx.report({ severity: 'info', code: 'I_MD_TABLE_HTML', message: 'A table with merged cells or block content is kept as HTML' });
    return keepHtml(el, ctx);
  }
  let width = 0;
  for (const r of cells) if (r.length > width) width = r.length; // no spread: tables may have many rows
  if (width === 0) return '';
  const lines = cells.map((r) => {
    const texts = r.map((c) => cellText(c, ctx));
    while (texts.length < width) texts.push('');
    return `| ${texts.join(' | ')} |`;
  });
  const head = cells[0] ?? [];
  const delim: string[] = [];
  for (let i = 0; i < width; i++) {
    const h = head[i];
    delim.push(h ? alignOf(h) : '---');
  }
  lines.splice(1, 0, `| ${delim.join(' | ')} |`);
  const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
  const table = ctx.block(lines.join('\n'), 'table');
  return caption ? table + ctx.block(`*${ctx.toLine(ctx.children(caption))}*`, 'p') : table;
};
