/**
 * The pipeline: text pass (shortcodes, `<pre>`, footnotes) → htmlparser2 DOM →
 * handlers → blocks → footnote definitions.
 */
import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Diagnostic } from '../../model.js';
import { resolveOptions, type HtmlToMarkdownOptions, type ResolvedOptions } from './options.js';
import { preprocess } from './preprocess.js';
import { Renderer } from './render.js';
import { cleanMarkers } from './stream.js';
import { bareEmbeds } from './shortcodes/bare-embed.js';
import { blockFootnoteHtml } from './handlers/block-footnotes.js';
import { findNoteTargets } from './handlers/footnote.js';

/** An `href` whose value can start with `#` (also written as an entity); footnote links need one. */
const MAYBE_SAME_PAGE_LINK = /\bhref\s*=\s*["']?[#&]/i;
const NOT_PLAIN = /[<&[]|\(\(|:\/\//;

function isPlainText(input: string, opts: ResolvedOptions): boolean {
  return opts.blockFootnotes === '' && !NOT_PLAIN.test(input);
}

/** What {@link convertHtmlToMarkdown} returns. */
export interface HtmlToMarkdownResult {
  markdown: string;
  /** Findings: unknown shortcodes, unresolved galleries, invalid block JSON, tables kept as HTML. */
  diagnostics: Diagnostic[];
  /** Names of unknown shortcodes that were kept verbatim (or dropped), in order of first use. */
  shortcodes: string[];
}

function footnoteDefs(notes: readonly string[]): string {
  return notes.map((md, i) => `[^${i + 1}]: ${md.split('\n').map((l, j) => (j === 0 || l === '' ? l : `    ${l}`)).join('\n')}`).join('\n');
}

/**
 * Replaces marker characters that character references decoded to, in texts and attribute values
 * (`cleanMarkers` has removed the raw ones from the input). Iterative, for deeply nested input.
 */
function cleanDecodedMarkers(nodes: readonly ChildNode[]): void {
  const stack = [...nodes];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.type === 'text') n.data = cleanMarkers(n.data);
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      for (const k of Object.keys(n.attribs)) n.attribs[k] = cleanMarkers(n.attribs[k] as string);
      for (const c of n.children) stack.push(c);
    }
  }
}

/** Our placeholder tags in the input, in any case (the HTML parser lower-cases tag names). */
const FORGED_PLACEHOLDER = /<\/?wxr-/i;

/**
 * Converts WordPress post HTML to Markdown and returns the findings too.
 * Never throws for any input string.
 *
 * @example
 * const { markdown, diagnostics } = convertHtmlToMarkdown('Hello [foo id="1"]\n\nWorld');
 * // markdown === 'Hello [foo id="1"]\n\nWorld'; diagnostics[0].code === 'W_MD_UNKNOWN_SHORTCODE'
 */
export function convertHtmlToMarkdown(html: string, options?: HtmlToMarkdownOptions): HtmlToMarkdownResult {
  const opts = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }): void => {
    const full: Diagnostic = { severity: d.severity ?? 'warning', code: d.code, message: d.message };
    if (opts.itemId !== undefined) full.itemId = opts.itemId;
    diagnostics.push(full);
  };
  const text = typeof html === 'string' ? html : '';
  // our placeholder elements are `<wxr-…>`: the same tags in the input are shown as text
  const input = cleanMarkers(FORGED_PLACEHOLDER.test(text) ? text.replace(/<(\/?wxr-)/gi, '&lt;$1') : text);
  const autop = opts.wpautop === 'auto' ? !input.includes('<!-- wp:') : opts.wpautop;
  if (isPlainText(input, opts)) {
    // No tags, entities, shortcodes or URLs (most comments): no parse needed.
    const plain = new Renderer(opts, autop, input, [], report);
    return { markdown: plain.toBlocks(plain.text(input)), diagnostics, shortcodes: [] };
  }
  const pre = preprocess(bareEmbeds(input, opts) + blockFootnoteHtml(opts.blockFootnotes, report), opts, report);
  const doc = parseDocument(pre.html, { withStartIndices: true, withEndIndices: true });
  // `&#2;` and the like decode to the control characters the renderer uses as markers.
  if (pre.html.includes('&#')) cleanDecodedMarkers(doc.children);
  const renderer = new Renderer(opts, autop, pre.html, pre.placeholders, report);
  if (pre.html.includes('<sup') && MAYBE_SAME_PAGE_LINK.test(pre.html)) renderer.notes = findNoteTargets(doc);
  let markdown = renderer.toBlocks(renderer.nodes(doc.children));
  if (renderer.footnotes.length > 0) markdown += `${markdown ? '\n\n' : ''}${footnoteDefs(renderer.footnotes)}`;
  return { markdown, diagnostics, shortcodes: pre.unknownShortcodes };
}

/**
 * WordPress-aware HTML to Markdown: `wpautop` paragraphs, shortcodes (`[caption]`,
 * `[gallery]`, `[embed]`, `[code]`/`[sourcecode]`, `[audio]`, `[video]`),
 * block-editor comments, `<!--more-->`. Unknown shortcodes stay verbatim.
 *
 * @example
 * htmlToMarkdown('<p>Hi <strong>there</strong></p>[code lang="js"]let a = 1;[/code]');
 * // 'Hi **there**\n\n```javascript\nlet a = 1;\n```'
 */
export function htmlToMarkdown(html: string, options?: HtmlToMarkdownOptions): string {
  return convertHtmlToMarkdown(html, options).markdown;
}
