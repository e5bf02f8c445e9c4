/**
 * One item as one Markdown document: YAML front matter, the body converted by
 * `htmlToMarkdown`, and the comment thread (under the body, in front matter, or not at all).
 */
import type { Archive, Diagnostic, Item } from '../model.js';
import { convertHtmlToMarkdown, type HtmlToMarkdownOptions } from '../normalize/markdown/index.js';
import { buildFrontMatter, type FrontMatterContext, type SitePreset } from './frontmatter.js';
import {
  commentLabelsFor, commentsForFrontMatter, commentTree, renderCommentsMarkdown, type CommentLabels, type CommentSelection,
} from './site/comments.js';
import { escapeTemplates } from './site/escape.js';
import { featuredImage, lookupFromArchive, type ArchiveLookup } from './site/lookup.js';
import { oldPermalinkPath } from './site/permalink.js';
import { plainText } from './site/plain-text.js';

/** The options `htmlToMarkdown` takes, passed through unchanged. */
export type MarkdownBodyOptions = HtmlToMarkdownOptions;

/** Where the comment thread goes. */
export type CommentPlacement = 'none' | 'body' | 'frontmatter';

/** Options of {@link toMarkdown}. */
export interface ToMarkdownOptions {
  /** The archive the item came from, for author display names and attachment URLs. Default: none (logins, no featured image). */
  archive?: Archive;
  /** A prepared lookup (used instead of `archive`; the site renderer fills one while streaming). Default: from `archive`. */
  lookup?: ArchiveLookup;
  /** Front matter key names of this generator. Default `plain`. */
  preset?: SitePreset;
  /** Comment thread under the body (`## Comments`), as structured front matter, or left out. Default `body`. */
  comments?: CommentPlacement;
  /**
   * The words of the comment section under the body: `heading` (`## Comments`) and `anonymous`
   * (the name of a commenter who left none); a field left out takes the language default.
   * Default: by {@link ToMarkdownOptions.language}: German `Kommentare`/`Anonym`, French
   * `Commentaires`/`Anonyme`, any other language English `Comments`/`Anonymous`.
   */
  commentLabels?: Partial<CommentLabels>;
  /**
   * The site's language (`de`, `de-DE`, WordPress's `de_DE`), which picks the default comment labels.
   * Default: the archive's `site.language` (`renderMarkdownSite`, `createSiteRenderer` given the
   * site entry, `toMarkdown` given `archive`), else English.
   */
  language?: string;
  /** Thread `@Name` replies in flat comment lists (`threadComments` with `mentions`). Default `false`. */
  inferReplies?: boolean;
  /** Keep pingbacks and trackbacks with the comments. Default `false`. */
  includePingbacks?: boolean;
  /**
   * Render the body and comments of private and password-protected items. When false,
   * such an item gives front matter only, marked `draft` and `private`/`password_protected`,
   * with no content (and `renderMarkdownSite` skips it). The password is never written. Default `false`.
   */
  includePrivate?: boolean;
  /** Options for `htmlToMarkdown` (body and comments; the excerpt is written as plain text). Default: its own defaults. */
  markdown?: MarkdownBodyOptions;
  /** The slug the output uses. Default: the item's slug. */
  slug?: string;
  /** The new URL path, written as `permalink` for Jekyll and Eleventy. Default: none. */
  url?: string;
  /** Old paths that redirect here. Default: the path of the item's `link`. */
  aliases?: string[];
}

/**
 * The post meta keys the Markdown step reads from an item: the featured image and the block
 * editor's footnotes. A renderer that gets a trimmed copy of an item (a worker) needs these.
 */
export const RENDER_META_KEYS: readonly string[] = ['_thumbnail_id', 'footnotes'];
const FOOTNOTES_META = 'footnotes';

const lookups = new WeakMap<Archive, ArchiveLookup>();

function resolveLookup(options: ToMarkdownOptions): ArchiveLookup | undefined {
  if (options.lookup) return options.lookup;
  const archive = options.archive;
  if (!archive) return undefined;
  let lookup = lookups.get(archive);
  if (!lookup) {
    lookup = lookupFromArchive(archive);
    lookups.set(archive, lookup);
  }
  return lookup;
}

/** Why an item is withheld by default: `private` status or a password (white space only is none); null for public items. */
export function protectionOf(item: Item): 'private' | 'password' | null {
  if (item.status === 'private') return 'private';
  if (item.password.trim() !== '') return 'password';
  return null;
}

/** A Markdown document and what the conversion found (unknown shortcodes, unresolved galleries, …). */
export interface ToMarkdownResult {
  markdown: string;
  diagnostics: Diagnostic[];
}

/**
 * One Markdown document for an item.
 *
 * @example
 * const md = toMarkdown(archive.items[0]!, { archive, preset: 'hugo' });
 * // ---\ntitle: Hello\ndate: "2012-01-03T10:00:00+01:00"\n…---\n\nBody…\n\n## Comments\n…
 */
export function toMarkdown(item: Item, options: ToMarkdownOptions = {}): string {
  return toMarkdownWithReport(item, options).markdown;
}

/**
 * {@link toMarkdown} with the diagnostics of the HTML conversion of the body, excerpt and comments.
 *
 * @example
 * const { markdown, diagnostics } = toMarkdownWithReport(item, { archive });
 * diagnostics.filter((d) => d.code.includes('SHORTCODE'))
 */
export function toMarkdownWithReport(item: Item, options: ToMarkdownOptions = {}): ToMarkdownResult {
  return renderItemMarkdown(item, options, options);
}

/** Where one item goes on the new site: the options `toMarkdown` reads per item. */
export type ItemTarget = Pick<ToMarkdownOptions, 'slug' | 'url' | 'aliases' | 'language'>;

/**
 * {@link toMarkdownWithReport} with the per-item target apart from the shared options,
 * so that the site renderer reuses one options object for every item (building a
 * `{ ...options, slug, … }` copy per item costs about 10 µs in Node 20).
 *
 * @example
 * renderItemMarkdown(item, { preset: 'hugo', lookup }, { slug: 'hello', aliases: ['/2012/01/hello/'] }).markdown
 */
export function renderItemMarkdown(item: Item, options: ToMarkdownOptions, target: ItemTarget): ToMarkdownResult {
  const diagnostics: Diagnostic[] = [];
  return { markdown: render(item, options, target, diagnostics), diagnostics };
}

function render(item: Item, options: ToMarkdownOptions, target: ItemTarget, diagnostics: Diagnostic[]): string {
  const preset = options.preset ?? 'plain';
  const placement = options.comments ?? 'body';
  const lookup = resolveLookup(options);
  const bodyOptions: MarkdownBodyOptions = { itemId: item.id, ...options.markdown };
  if (lookup && bodyOptions.attachments === undefined) bodyOptions.attachments = lookup.attachments;
  const children = lookup?.children.get(item.id);
  if (children && bodyOptions.childAttachmentIds === undefined) bodyOptions.childAttachmentIds = children;
  const convert = (html: string, opts: MarkdownBodyOptions = bodyOptions): string => {
    const result = convertHtmlToMarkdown(html, opts);
    diagnostics.push(...result.diagnostics);
    return result.markdown;
  };
  const authorName = item.author === null ? undefined : lookup?.authors.get(item.author) ?? item.author;
  const protection = protectionOf(item);
  const withheld = protection !== null && options.includePrivate !== true;

  const context: FrontMatterContext = { preset };
  if (authorName !== undefined) context.authorName = authorName;
  const image = lookup ? featuredImage(item, lookup) : undefined;
  if (image !== undefined) context.featuredImage = image;
  if (target.slug !== undefined) context.slug = target.slug;
  if (target.url !== undefined) context.url = target.url;
  const aliases = target.aliases ?? defaultAliases(item);
  if (aliases.length > 0) context.aliases = aliases;
  if (protection !== null) context.protectedReason = protection;
  if (withheld) {
    context.forceDraft = true;
    return buildFrontMatter(item, context);
  }

  if (item.excerpt.trim() !== '') context.excerpt = plainText(item.excerpt);
  const tree = placement === 'none' || item.comments.length === 0 ? [] : commentTree(item, commentSelection(item, options, authorName));
  if (placement === 'frontmatter' && tree.length > 0) context.comments = commentsForFrontMatter(tree, convert);

  const body = convert(item.content, contentOptions(item, bodyOptions)).trim();
  const thread = placement === 'body' && tree.length > 0 ? renderCommentsMarkdown(tree, convert, commentLabels(options, target)) : '';
  const text = [body, thread.trim()].filter((p) => p !== '').join('\n\n');
  const front = buildFrontMatter(item, context);
  return text === '' ? front : `${front}\n${escapeTemplates(text, preset)}\n`;
}

/**
 * The body's options: the block editor keeps footnote texts in the `footnotes` post meta, not in
 * the content, so the body (never the excerpt or a comment) gets them unless the caller gave its own.
 */
function contentOptions(item: Item, bodyOptions: MarkdownBodyOptions): MarkdownBodyOptions {
  if (bodyOptions.blockFootnotes !== undefined) return bodyOptions;
  // the first non-empty one: exports can hold an empty `footnotes` row beside the real one
  const footnotes = item.meta.find((m) => m.key === FOOTNOTES_META && m.value.trim() !== '')?.value;
  return footnotes === undefined ? bodyOptions : { ...bodyOptions, blockFootnotes: footnotes };
}

/** The labels of the comment section: the caller's, over the defaults of the site's language. */
function commentLabels(options: ToMarkdownOptions, target: ItemTarget): CommentLabels {
  const defaults = commentLabelsFor(target.language ?? options.language ?? options.archive?.site.language);
  const given = options.commentLabels;
  if (given === undefined) return defaults;
  return { heading: given.heading ?? defaults.heading, anonymous: given.anonymous ?? defaults.anonymous };
}

function defaultAliases(item: Item): string[] {
  const old = oldPermalinkPath(item.link);
  return old === null ? [] : [old];
}

/** The post author's name matters only to `@Name` inference, so it is looked at only then. */
function commentSelection(item: Item, options: ToMarkdownOptions, authorName: string | undefined): CommentSelection {
  const inferReplies = options.inferReplies === true;
  const selection: CommentSelection = { postId: item.id, inferReplies, includePingbacks: options.includePingbacks === true };
  if (inferReplies && authorName !== undefined) selection.postAuthor = authorName;
  return selection;
}
