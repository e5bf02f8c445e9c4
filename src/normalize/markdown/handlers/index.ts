/** The default element handlers, by tag name. Override or extend through `HtmlToMarkdownOptions.handlers`. */
import type { ElementHandler } from '../types.js';
import { blockquote, heading, hr } from './block.js';
import { inlineCode, pre } from './code.js';
import { details } from './details.js';
import { dl } from './dl.js';
import { figure } from './figure.js';
import { hiddenNote } from './block-footnotes.js';
import { footnoteRef, supOrNote } from './footnote.js';
import { drop, keepHtml } from './html.js';
import { image } from './image.js';
import { abbr, br, del, em, ins, kbd, mark, q, small, strong, sub, u } from './inline.js';
import { link } from './link.js';
import { list } from './list.js';
import { span } from './span.js';
import { table } from './table.js';

const entries: [string, ElementHandler][] = [
  ['strong', strong], ['b', strong], ['em', em], ['i', em], ['cite', em], ['dfn', em], ['var', em],
  ['del', del], ['s', del], ['strike', del], ['br', br],
  ['sup', supOrNote], ['sub', sub], ['kbd', kbd], ['abbr', abbr], ['acronym', abbr], ['mark', mark], ['u', u], ['ins', ins],
  ['small', small], ['q', q], ['span', span], ['font', span],
  ['code', inlineCode], ['tt', inlineCode], ['samp', inlineCode], ['pre', pre],
  ['a', link], ['img', image],
  ['h1', heading], ['h2', heading], ['h3', heading], ['h4', heading], ['h5', heading], ['h6', heading],
  ['hr', hr], ['blockquote', blockquote], ['ul', list], ['ol', list], ['dl', dl], ['details', details],
  ['table', table], ['figure', figure], ['wxr-fn', footnoteRef], ['wxr-fnmeta', hiddenNote],
  ['iframe', keepHtml], ['video', keepHtml], ['audio', keepHtml], ['object', keepHtml], ['embed', keepHtml],
  ['script', keepHtml], ['svg', keepHtml], ['canvas', keepHtml], ['math', keepHtml], ['select', keepHtml],
  ['textarea', keepHtml], ['button', keepHtml], ['input', keepHtml],
  ['style', drop],
];

/**
 * Element handlers used when the caller gives none, by tag name. Copy and
 * extend through the `handlers` option rather than changing this map.
 *
 * @example
 * const h = DEFAULT_HANDLERS.get('strong'); // the `**bold**` handler
 */
export const DEFAULT_HANDLERS: ReadonlyMap<string, ElementHandler> = new Map(entries);
