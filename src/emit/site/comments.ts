/**
 * The comment thread of an item, as Markdown under the body (nested blockquotes, which
 * Hugo's Goldmark and Jekyll's kramdown both render) or as structured front matter.
 * Only approved comments; pingbacks and trackbacks on request; never emails or IPs.
 */
import type { Comment, CommentNode, Item } from '../../model.js';
import { threadComments, type ThreadOptions } from '../../normalize/thread/index.js';
import type { FrontMatterComment } from '../frontmatter.js';

/** How comments are chosen and threaded. */
export interface CommentSelection {
  /** Thread `@Name` replies in flat threads. Default `false`. */
  inferReplies?: boolean;
  /** Keep pingbacks and trackbacks. Default `false`. */
  includePingbacks?: boolean;
  /** The post author's display name, for `@Name` replies to the author. */
  postAuthor?: string;
  /** The post id, copied into threading diagnostics. */
  postId?: number;
}

/** Approved comments (and, on request, pings) of an item, threaded. */
export function commentTree(item: Item, selection: CommentSelection = {}): CommentNode[] {
  const keep = item.comments.filter(
    (c) => c.approved === '1' && (selection.includePingbacks === true || (c.type !== 'pingback' && c.type !== 'trackback')),
  );
  if (keep.length === 0) return [];
  // A lone comment is a root whatever its parentId says (a parent outside the list, or itself): nothing to thread.
  if (keep.length === 1 && selection.inferReplies !== true) return [{ comment: keep[0] as Comment, replies: [], via: null }];
  const options: ThreadOptions = { mentions: selection.inferReplies === true };
  if (selection.postAuthor !== undefined) options.postAuthor = selection.postAuthor;
  if (selection.postId !== undefined) options.postId = selection.postId;
  return threadComments(keep, options);
}

/** The words the `## Comments` section prints: its heading and the name of a commenter who left none. */
export interface CommentLabels {
  /** The section heading. Default by language: `Comments`, `Kommentare` (German), `Commentaires` (French). */
  heading: string;
  /** The name shown for a comment without an author name. Default by language: `Anonymous`, `Anonym`, `Anonyme`. */
  anonymous: string;
}

const ENGLISH_LABELS: CommentLabels = { heading: 'Comments', anonymous: 'Anonymous' };

/** Labels by primary language subtag; any other language gets English. */
const LABELS_BY_LANGUAGE: ReadonlyMap<string, CommentLabels> = new Map([
  ['de', { heading: 'Kommentare', anonymous: 'Anonym' }],
  ['fr', { heading: 'Commentaires', anonymous: 'Anonyme' }],
]);

/**
 * The comment labels for a site language (`de`, `de-DE`, WordPress's `de_DE`, `de-formal`, any
 * case): German, French, or English for anything else.
 *
 * @example
 * commentLabelsFor('de_DE') // { heading: 'Kommentare', anonymous: 'Anonym' }
 */
export function commentLabelsFor(language: string | undefined): CommentLabels {
  const primary = /^\s*([a-z]{2,3})(?![a-z])/i.exec(language ?? '')?.[1]?.toLowerCase();
  return (primary === undefined ? undefined : LABELS_BY_LANGUAGE.get(primary)) ?? ENGLISH_LABELS;
}

/** `2012-01-03 10:00` from an ISO date with offset; empty for null. */
export function displayDate(iso: string | null): string {
  if (iso === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** Markdown-escapes a one-line name. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#|{}!~])/g, '\\$1');
}

/** An http(s) URL safe to put into `[text](url)`, or null. */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return null;
  return trimmed.replace(/[()<>"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function header(comment: Comment, labels: CommentLabels): string {
  const name = escapeInline(comment.author) || escapeInline(labels.anonymous);
  const url = safeLinkUrl(comment.authorUrl);
  const who = url === null ? `**${name}**` : `**[${name}](${url})**`;
  const when = displayDate(comment.date);
  return when === '' ? who : `${who} · ${when}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function renderNode(node: CommentNode, toMarkdown: (html: string) => string, labels: CommentLabels): string {
  const parts = [toMarkdown(node.comment.content).trim()];
  for (const reply of node.replies) parts.push(renderNode(reply, toMarkdown, labels));
  return `${header(node.comment, labels)}\n\n${quote(parts.filter((p) => p !== '').join('\n\n'))}`;
}

/**
 * The `## Comments` section: each comment's author (linked when it has an http(s) URL)
 * and date, its content as Markdown in a blockquote, replies nested one level deeper.
 * Empty string when there are no comments. `labels` gives the heading and the name of an
 * unnamed commenter (default: English).
 *
 * @example
 * renderCommentsMarkdown(tree, (html) => html) // '## Comments\n\n**Ada** · 2012-01-03 10:00\n\n> Hi\n'
 * renderCommentsMarkdown(tree, (html) => html, commentLabelsFor('de')) // '## Kommentare\n\n…'
 */
export function renderCommentsMarkdown(tree: CommentNode[], toMarkdown: (html: string) => string, labels: CommentLabels = ENGLISH_LABELS): string {
  if (tree.length === 0) return '';
  return `## ${escapeInline(labels.heading)}\n\n${tree.map((n) => renderNode(n, toMarkdown, labels)).join('\n\n')}\n`;
}

/**
 * The thread as structured data for front matter (`comments: 'frontmatter'`).
 *
 * @example
 * commentsForFrontMatter(tree, (html) => html)[0]?.replies // nested replies
 */
export function commentsForFrontMatter(tree: CommentNode[], toMarkdown: (html: string) => string): FrontMatterComment[] {
  return tree.map((node) => {
    const c = node.comment;
    const out: FrontMatterComment = { id: c.id, author: c.author, content: toMarkdown(c.content).trim(), replies: [] };
    const url = safeLinkUrl(c.authorUrl);
    if (url !== null) out.url = url;
    if (c.date !== null) out.date = c.date;
    out.replies = commentsForFrontMatter(node.replies, toMarkdown);
    return out;
  });
}
