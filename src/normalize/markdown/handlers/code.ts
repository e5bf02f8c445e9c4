/**
 * Code. Inline `<code>`/`<tt>` → a code span (a multi-line `<code>` outside `<pre>`
 * → a fenced block). `<pre>` never reaches the parser (see `shortcodes/pre.ts`);
 * it arrives here as a `<wxr-ph>` placeholder together with the code shortcodes.
 * The language of a block-editor code block comes from its comment's attributes.
 */
import type { Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { ElementHandler, RenderContext } from '../types.js';
import { codeSpan, fencedCode } from '../escape.js';
import { normalizeLanguage } from '../shortcodes/pre.js';
import type { Placeholder } from '../preprocess.js';

export const inlineCode: ElementHandler = (el, ctx) => {
  const text = DomUtils.textContent(el);
  if (text.includes('\n') && text.trim().includes('\n')) return ctx.block(fencedCode(text.replace(/^\n|\n+$/g, ''), ''), 'code');
  if (text.trim() === '') return text === '' ? '' : ' ';
  return ctx.raw(codeSpan(text.replace(/\s+/g, ' ')));
};

/** Language from the block comment before the placeholder (`wp:code`, `wp:syntaxhighlighter/code`, …). */
function blockLanguage(el: Element, ctx: RenderContext): string {
  const attrs = ctx.blockOf(el)?.attrs;
  const v = attrs?.['language'] ?? attrs?.['lang'] ?? attrs?.['mode'];
  return typeof v === 'string' ? normalizeLanguage(v) : '';
}

/** Placeholders made by the text pass: code blocks, verbatim text, verbatim blocks. */
export function placeholderHandler(placeholders: readonly Placeholder[]): ElementHandler {
  return (el, ctx) => {
    const p = placeholders[Number(el.attribs['data-i'])];
    if (!p) return '';
    if (p.kind === 'raw') return ctx.raw(p.text);
    if (p.kind === 'block') return ctx.block(p.text, 'html');
    return ctx.block(fencedCode(p.text, p.language || blockLanguage(el, ctx)), 'code');
  };
}

/** A `<pre>` that reached the DOM anyway (e.g. from a custom shortcode handler). */
export const pre: ElementHandler = (el, ctx) =>
  ctx.block(fencedCode(DomUtils.textContent(el).replace(/^\n/, '').replace(/\n+$/, ''), ''), 'code');
