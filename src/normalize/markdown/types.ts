/**
 * Types shared by the HTML-to-Markdown converter and its handlers.
 * A handler is plain data in a map: users extend or override it through
 * `HtmlToMarkdownOptions.handlers` / `HtmlToMarkdownOptions.shortcodes`.
 */
import type { Element, ChildNode } from 'domhandler';
import type { Diagnostic } from '../../model.js';
import type { ResolvedOptions } from './options.js';

/** What the archive knows about one attachment, so ids in content can resolve. */
export interface AttachmentRef {
  url: string;
  alt?: string;
  caption?: string;
  title?: string;
}

/** Attachment lookup: a map from attachment id, or a function. */
export type AttachmentLookup =
  | ReadonlyMap<number, AttachmentRef>
  | ((id: number) => AttachmentRef | undefined);

/** Attributes of a WordPress block comment (`<!-- wp:image {"id":5} -->`). */
export interface BlockInfo {
  /** Block name without the `wp:` prefix for core blocks, e.g. `image`, `code`, `jetpack/slideshow`. */
  name: string;
  attrs: Readonly<Record<string, unknown>>;
}

/**
 * The state a handler sees while the DOM is rendered. Handlers return a string in
 * "stream" form: inline Markdown, where `ctx.block(md)` embeds a finished block.
 */
export interface RenderContext {
  readonly options: ResolvedOptions;
  /** Inline Markdown of the children of `el`. */
  children(el: Element): string;
  /** Inline Markdown of a list of nodes. */
  nodes(nodes: readonly ChildNode[]): string;
  /** The children of `el` as finished Markdown blocks joined by blank lines. */
  blocks(el: Element): string;
  /** Turns inline stream text into finished blocks joined by blank lines. */
  toBlocks(stream: string): string;
  /** The stream flattened to one line (headings, table cells). */
  toLine(stream: string, hardBreak?: string): string;
  /** The stream as finished blocks with their kinds (`p`, `list`, `code`, `html`, …). */
  parts(stream: string): { markdown: string; kind: string }[];
  /** Embeds a finished Markdown block (its own paragraph) into the stream; `kind` defaults to `block`. */
  block(markdown: string, kind?: string): string;
  /** Embeds text that goes to the output verbatim, inline. */
  raw(text: string): string;
  /** The block comment that opened right before `el`, if any. */
  blockOf(el: Element): BlockInfo | undefined;
  /** The element's HTML as written (after shortcode expansion), for kept-as-HTML output. */
  outerHtml(el: Element): string;
  /** Looks up an attachment by id. */
  attachment(id: number): AttachmentRef | undefined;
  /** Registers a footnote and returns its reference (`[^3]`); the same `key` gives the same reference. */
  footnote(markdownText: string, key?: string): string;
  /** The list item that a same-page link `#id` inside `<sup>` points at, when it is a footnote. */
  noteTarget(href: string): Element | undefined;
  /** Is `el` inside an element with this tag name? */
  inside(tag: string): boolean;
  report(d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }): void;
}

/** Renders one HTML element to stream Markdown. */
export type ElementHandler = (el: Element, ctx: RenderContext) => string;

/** One parsed shortcode occurrence. */
export interface Shortcode {
  name: string;
  /** Named attributes (lower-cased names) in a prototype-free map. */
  attrs: ReadonlyMap<string, string>;
  /** Positional attributes, in order (`[audio https://…]`, `[youtube=…]`). */
  positional: readonly string[];
  /** Inner text of an enclosing shortcode, or null for a self-closing one. */
  content: string | null;
  /** The whole shortcode as written. */
  source: string;
}

/** What a shortcode handler can do: emit HTML to be converted further, or placeholders. */
export interface ShortcodeContext {
  readonly options: ResolvedOptions;
  /** Placeholder HTML for text that must appear verbatim in the Markdown. */
  raw(text: string): string;
  /** Placeholder HTML for a fenced code block. */
  code(text: string, language: string): string;
  attachment(id: number): AttachmentRef | undefined;
  report(d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }): void;
}

/** Turns one shortcode into HTML (which is converted further) or a placeholder; `null` keeps it verbatim. */
export type ShortcodeHandler = (sc: Shortcode, ctx: ShortcodeContext) => string | null;

export type { ResolvedOptions } from './options.js';
