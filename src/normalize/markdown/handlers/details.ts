/**
 * `<details>`/`<summary>` (a collapsible section) stay HTML around Markdown content:
 *
 *     <details markdown="1">
 *     <summary>Title</summary>
 *
 *     Content in **Markdown**
 *
 *     </details>
 *
 * CommonMark renderers end the HTML block at the blank line and read the content as
 * Markdown; kramdown (Jekyll) does so because of `markdown="1"`. The summary is an
 * HTML line, written as in the source.
 */
import type { ChildNode } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { ElementHandler } from '../types.js';

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const details: ElementHandler = (el, ctx) => {
  let summary = '';
  const body: ChildNode[] = [];
  for (const c of el.children) {
    if (summary !== '' || c.type !== 'tag' || c.name !== 'summary') {
      body.push(c);
      continue;
    }
    const html = ctx.outerHtml(c) || `<summary>${escText(DomUtils.textContent(c))}</summary>`;
    summary = `${html.replace(/\s*\n\s*/g, ' ')}\n`;
  }
  const md = ctx.toBlocks(ctx.nodes(body));
  const open = el.attribs['open'] === undefined ? '' : ' open';
  return ctx.block(`<details markdown="1"${open}>\n${summary}\n${md === '' ? '' : `${md}\n\n`}</details>`, 'html');
};
