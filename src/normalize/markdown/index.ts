/**
 * WordPress-aware HTML to Markdown. See `htmlToMarkdown` for the short form and
 * `convertHtmlToMarkdown` for the form that also returns diagnostics.
 */
export { convertHtmlToMarkdown, htmlToMarkdown } from './convert.js';
export type { HtmlToMarkdownResult } from './convert.js';
export type { HtmlToMarkdownOptions } from './options.js';
export type {
  AttachmentLookup,
  AttachmentRef,
  BlockInfo,
  ElementHandler,
  RenderContext,
  Shortcode,
  ShortcodeContext,
  ShortcodeHandler,
} from './types.js';
export { DEFAULT_HANDLERS } from './handlers/index.js';
export { DEFAULT_SHORTCODES, KNOWN_SHORTCODES } from './shortcodes/index.js';
