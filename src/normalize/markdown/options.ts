import type { AttachmentLookup, AttachmentRef, ElementHandler, ShortcodeHandler } from './types.js';
import { DEFAULT_HANDLERS } from './handlers/index.js';
import { DEFAULT_SHORTCODES } from './shortcodes/index.js';

/** Options of {@link htmlToMarkdown}. Every field is optional; defaults are given last in each doc. */
export interface HtmlToMarkdownOptions {
  /**
   * Element handlers by lower-case tag name, merged over the defaults
   * (`DEFAULT_HANDLERS`); a handler returns stream Markdown (see `RenderContext`).
   * Default: `{}`.
   */
  handlers?: Readonly<Record<string, ElementHandler>>;
  /**
   * Shortcode handlers by lower-case name, merged over `DEFAULT_SHORTCODES`.
   * A handler returning `null` keeps the shortcode verbatim. Default: `{}`.
   */
  shortcodes?: Readonly<Record<string, ShortcodeHandler>>;
  /**
   * `[embed]`, `[youtube]`, embed blocks and bare oEmbed URLs on their own line:
   * `'link'` writes an autolink `<https://…>`, `'html'` an `<iframe>` where the
   * provider is known (YouTube, Vimeo), else a link. Default: `'link'`.
   */
  embeds?: 'link' | 'html';
  /**
   * Captions (`[caption]`, `<figure>` with `<figcaption>`): `'italic'` writes the
   * image and then an italic caption paragraph; `'figure'` keeps an HTML
   * `<figure>` with `<figcaption>`. Default: `'italic'`.
   */
  captions?: 'italic' | 'figure';
  /** Attachment lookup by id, for `[gallery ids]`, gallery/image blocks. Default: none. */
  attachments?: AttachmentLookup;
  /**
   * Ids of the post's own attached images in menu order, for a `[gallery]`
   * without `ids` (WordPress shows the post's attachments). Default: `[]`.
   */
  childAttachmentIds?: readonly number[];
  /**
   * WordPress `wpautop` semantics (blank line = paragraph, newline = line break):
   * `'auto'` applies them unless the content has block-editor comments. Default: `'auto'`.
   */
  wpautop?: boolean | 'auto';
  /** Keep unknown shortcodes verbatim (`true`) or drop them (`false`); both report them. Default: `true`. */
  keepUnknownShortcodes?: boolean;
  /** `((text))` footnotes (WP-Footnotes style) become Markdown footnotes. Default: `true`. */
  parenFootnotes?: boolean;
  /** Hard line break written for `<br>`: two spaces or a backslash before the newline. Default: `'spaces'`. */
  lineBreak?: 'spaces' | 'backslash';
  /**
   * The `footnotes` post meta of the block editor (WP 6.3+), a JSON array of
   * `{ id, content }`: `<sup data-fn>` references in the content become Markdown
   * footnotes with that content. Default: none.
   */
  blockFootnotes?: string;
  /** Item id copied into diagnostics. Default: none. */
  itemId?: number;
}

/** Options after defaults were applied; built once per call, never mutated. */
export interface ResolvedOptions {
  readonly handlers: ReadonlyMap<string, ElementHandler>;
  readonly shortcodes: ReadonlyMap<string, ShortcodeHandler>;
  readonly embeds: 'link' | 'html';
  readonly captions: 'italic' | 'figure';
  readonly attachment: (id: number) => AttachmentRef | undefined;
  readonly childAttachmentIds: readonly number[];
  readonly wpautop: boolean | 'auto';
  readonly keepUnknownShortcodes: boolean;
  readonly parenFootnotes: boolean;
  readonly hardBreak: string;
  readonly itemId: number | undefined;
  readonly blockFootnotes: string;
}

const none = (): undefined => undefined;

function mapOf<T>(defaults: ReadonlyMap<string, T>, extra: Readonly<Record<string, T>> | undefined): ReadonlyMap<string, T> {
  if (!extra) return defaults;
  const m = new Map(defaults);
  for (const [k, v] of Object.entries(extra)) m.set(k.toLowerCase(), v);
  return m;
}

function lookupOf(a: AttachmentLookup | undefined): (id: number) => AttachmentRef | undefined {
  if (!a) return none;
  if (typeof a === 'function') return a;
  return (id) => a.get(id);
}

/** Applies the defaults once. */
export function resolveOptions(o: HtmlToMarkdownOptions = {}): ResolvedOptions {
  return {
    handlers: mapOf(DEFAULT_HANDLERS, o.handlers),
    shortcodes: mapOf(DEFAULT_SHORTCODES, o.shortcodes),
    embeds: o.embeds ?? 'link',
    captions: o.captions ?? 'italic',
    attachment: lookupOf(o.attachments),
    childAttachmentIds: o.childAttachmentIds ?? [],
    wpautop: o.wpautop ?? 'auto',
    keepUnknownShortcodes: o.keepUnknownShortcodes ?? true,
    parenFootnotes: o.parenFootnotes ?? true,
    hardBreak: o.lineBreak === 'backslash' ? '\\\n' : '  \n',
    itemId: o.itemId,
    blockFootnotes: o.blockFootnotes ?? '',
  };
}
