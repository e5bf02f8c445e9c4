/** Small builders and readers the threading tests share. */
import type { Comment, CommentNode } from '../../src/model.js';
import { threadComments, type ThreadOptions } from '../../src/normalize/thread/index.js';

/**
 * A comment written `id` minutes after 2012-05-03T00:00Z (ids give the date order).
 *
 * @example
 * c(2, 'Bea', '@Al: ja', 1) // Bea's reply to comment 1, at 00:02
 */
export function c(id: number, author: string, content: string, parentId: number | null = null): Comment {
  const at = new Date(Date.UTC(2012, 4, 3) + id * 60_000).toISOString().replace('.000Z', 'Z');
  return { id, parentId, author, authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: at, dateGmt: at, content, approved: '1', type: 'comment', meta: [] };
}

/**
 * Threads `comments` with `mentions: true` (plus `options`): comment id -> [parent id, rule of the first addressee].
 *
 * @example
 * placed([c(1, 'Al', 'Hi'), c(2, 'Bea', '@Al ja')]).get(2) // [1, 'name']
 */
export function placed(comments: Comment[], options: ThreadOptions = {}): Map<number, [number | null, string | null]> {
  const out = new Map<number, [number | null, string | null]>();
  const stack: Array<[CommentNode, number | null]> = threadComments(comments, { mentions: true, ...options }).map((n) => [n, null]);
  while (stack.length > 0) {
    const [n, p] = stack.pop() as [CommentNode, number | null];
    out.set(n.comment.id, [p, n.mentions?.[0]?.rule ?? null]);
    for (const r of n.replies) stack.push([r, n.comment.id]);
  }
  return out;
}
