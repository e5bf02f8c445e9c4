import { foldName, inferReplyParents } from '../../normalize/thread/index.js';
import type { Comment, Diagnostic } from '../../model.js';

const LEADING_MENTION = /^(?:\s|<p>|<br \/>)*@\s?([^\s:,;!?<]+)/u;

/**
 * The first `@Name` at the start of a comment, or null.
 *
 * @example
 * leadingMention('<p>@Stefan</p>\n<p>Danke</p>') // 'Stefan'
 */
export function leadingMention(content: string): string | null {
  return LEADING_MENTION.exec(content)?.[1] ?? null;
}

/**
 * Comments that show no author but answer someone with `@Name` are, on a blog, almost always the
 * blogger's own answers: they get `postAuthor` when it is known. Mutates the fresh comments.
 *
 * @example
 * attributeAnonymousReplies(item.comments, 'Maskierter', item.id, diagnostics) // comment 2 (`@Stefan`, no name) -> author 'Maskierter'
 */
export function attributeAnonymousReplies(comments: Comment[], postAuthor: string | null, itemId: number, diagnostics: Diagnostic[]): void {
  const guessed: number[] = [];
  for (const c of comments) {
    if (c.author !== '' || leadingMention(c.content) === null) continue;
    if (postAuthor !== null) c.author = postAuthor;
    guessed.push(c.id);
  }
  if (guessed.length === 0) return;
  diagnostics.push(
    postAuthor === null
      ? { severity: 'info', code: 'I_TEXT_ANONYMOUS_REPLIES', message: `comments ${guessed.join(', ')} show no author but answer with @Name, as the blogger usually does; pass postAuthor to attribute them`, itemId }
      : { severity: 'info', code: 'I_TEXT_AUTHOR_GUESSED', message: `comments ${guessed.join(', ')} show no author but answer with @Name; attributed to the post author "${postAuthor}"`, itemId },
  );
}

/**
 * Fills `parentId` from the thread module's `@Name` inference (`inferReplyParents`), one info
 * diagnostic per link, then links `@Name` replies to anonymous readers (see below). Mutates the fresh comments.
 *
 * @example
 * inferParents(item.comments, 'Maskierter', item.id, diagnostics) // comment 2 (`@Stefan`) gets parentId 1
 */
export function inferParents(comments: Comment[], postAuthor: string | null, itemId: number, diagnostics: Diagnostic[]): void {
  const result = inferReplyParents(comments, postAuthor === null ? { postId: itemId } : { postAuthor, postId: itemId });
  diagnostics.push(...result.diagnostics);
  const byId = new Map(comments.map((c) => [c.id, c]));
  for (const edge of result.inferred) {
    const own = byId.get(edge.commentId);
    if (own === undefined || own.parentId !== null) continue;
    own.parentId = edge.parentId;
    const rule = edge.mentions.find((m) => m.commentId === edge.parentId);
    const by = rule === undefined ? '' : ` (@${rule.name}, rule ${rule.rule})`;
    diagnostics.push({ severity: 'info', code: 'I_TEXT_REPLY_INFERRED', message: `comment ${own.id} answers comment ${edge.parentId}${by}`, itemId });
  }
  linkToAnonymous(comments, postAuthor, itemId, diagnostics);
}

/**
 * `@Name` where nobody on the page signs as Name: the page hid that reader's name, so the nearest
 * earlier comment without an author is the one answered. Only for names that match no author at all.
 */
function linkToAnonymous(comments: Comment[], postAuthor: string | null, itemId: number, diagnostics: Diagnostic[]): void {
  const known = new Set(comments.filter((c) => c.author !== '').map((c) => foldName(c.author)));
  const blogger = postAuthor === null ? [] : foldName(postAuthor).split(/\s+/u);
  comments.forEach((c, i) => {
    const name = leadingMention(c.content);
    if (c.parentId !== null || name === null) return;
    const folded = foldName(name);
    const isKnown = [...known].some((k) => k === folded || k.startsWith(`${folded} `) || folded.startsWith(k));
    const isBlogger = blogger.some((w) => w.length >= 5 && folded.length >= 5 && (w.startsWith(folded.slice(0, 5)) || folded.startsWith(w.slice(0, 5))));
    if (isKnown || isBlogger) return;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = comments[j] as Comment;
      if (earlier.author !== '') continue;
      c.parentId = earlier.id;
      diagnostics.push({ severity: 'info', code: 'I_TEXT_REPLY_INFERRED', message: `comment ${c.id} answers @${name}, who signs no comment on this page; linked to the nearest earlier comment without an author, ${earlier.id}`, itemId });
      return;
    }
  });
}
