import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comment, CommentNode } from '../src/model.js';
import { threadComments, threadCommentsWithDiagnostics } from '../src/normalize/thread/index.js';

function c(id: number, parentId: number | null, minute = id, content = 'x', author = `A${id}`): Comment {
  const at = new Date(Date.UTC(2012, 4, 3) + minute * 60_000).toISOString();
  return { id, parentId, author, authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: at, dateGmt: at, content, approved: '1', type: 'comment', meta: [] };
}

/** id -> parent id (null at top level), iteratively; fails on a duplicate node. */
function parents(nodes: CommentNode[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const stack: Array<[CommentNode, number | null]> = nodes.map((n) => [n, null]);
  while (stack.length > 0) {
    const [n, p] = stack.pop() as [CommentNode, number | null];
    if (out.has(n.comment.id)) throw new Error(`duplicate ${n.comment.id}`);
    out.set(n.comment.id, p);
    for (const r of n.replies) stack.push([r, n.comment.id]);
  }
  return out;
}

describe('threadComments from parentId', () => {
  it('builds the tree, replies ordered by date then id', () => {
    const tree = threadComments([c(4, 1, 9), c(1, null), c(3, 1, 5), c(2, null), c(5, 3)]);
    expect(tree.map((n) => n.comment.id)).toEqual([1, 2]);
    expect(tree[0]?.replies.map((n) => [n.comment.id, n.via])).toEqual([[3, 'parent'], [4, 'parent']]);
    expect(tree[0]?.replies[0]?.replies.map((n) => n.comment.id)).toEqual([5]);
    expect(tree[0]?.via).toBeNull();
  });

  it('treats parentId 0 as no parent', () => {
    expect(threadComments([c(1, 0)])).toEqual([{ comment: c(1, 0), replies: [], via: null }]);
  });

  it('a missing parent puts the comment at the top level with a warning', () => {
    const { threads, diagnostics } = threadCommentsWithDiagnostics([c(1, null), c(2, 99)], { postId: 5 });
    expect(threads.map((n) => [n.comment.id, n.via])).toEqual([[1, null], [2, null]]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'W_COMMENT_PARENT_MISSING', itemId: 5 })]);
  });

  it.each([
    ['self', [c(1, 1)], [1]],
    ['two', [c(1, 2), c(2, 1)], [1]],
    ['three, entered late', [c(1, null), c(2, 4), c(3, 2), c(4, 3)], [1, 2]],
  ])('cuts a cycle (%s) at its earliest comment', (_n, comments, roots) => {
    const { threads, diagnostics } = threadCommentsWithDiagnostics(comments);
    expect(threads.map((n) => n.comment.id)).toEqual(roots);
    expect(diagnostics.map((d) => d.code)).toContain('W_COMMENT_PARENT_CYCLE');
    expect(parents(threads).size).toBe(comments.length);
  });

  it('keeps both comments with a duplicate id', () => {
    const { threads, diagnostics } = threadCommentsWithDiagnostics([c(1, null), c(1, null, 5), c(2, 1, 9)]);
    expect(threads.map((n) => n.comment.id)).toEqual([1, 1]);
    expect(threads[0]?.replies.map((n) => n.comment.id)).toEqual([2]);
    expect(diagnostics.map((d) => d.code)).toEqual(['W_COMMENT_DUPLICATE_ID']);
  });

  it('handles a 50,000-deep reply chain without recursion', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => c(i + 1, i === 0 ? null : i));
    const tree = threadComments(chain);
    expect(tree).toHaveLength(1);
    expect(parents(tree).size).toBe(50_000);
  });

  it('survives garbage input', () => {
    expect(threadComments(null as unknown as Comment[])).toEqual([]);
    expect(threadComments([null, 3] as unknown as Comment[], { mentions: true })).toEqual([]);
    const odd = { ...c(1, null), date: 'nope', dateGmt: null, content: 42 } as unknown as Comment;
    expect(threadComments([odd], 'x' as never)).toHaveLength(1);
  });

  it('never throws on arbitrary comment text and authors (property)', () => {
    const html = fc.constantFrom('@', '@ ', '<a href="#comment-2">', '</a>', '<p>', '</p>', '\n', '&amp;', '&nbsp;', ':', ',', ' und ', 'A1', 'A2 B', 'Ä', 'ß', '#comment-', '1', '<strong>', 'x@y.z');
    const content = fc.oneof(fc.string({ maxLength: 40 }), fc.array(html, { maxLength: 12 }).map((a) => a.join('')));
    fc.assert(
      fc.property(fc.array(fc.tuple(content, fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('A1', 'A2 B', '@A1', ''))), { maxLength: 12 }), (rows) => {
        const comments = rows.map(([text, author], i) => c(i + 1, null, i, text, author));
        const { threads } = threadCommentsWithDiagnostics(comments, { mentions: true, postAuthor: 'A1', reciprocity: true });
        expect(parents(threads).size).toBe(comments.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never loses, duplicates or loops a comment (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 30 }),
        parent: fc.option(fc.integer({ min: 0, max: 32 }), { nil: null }),
        minute: fc.integer({ min: 0, max: 20 }),
        content: fc.constantFrom('hi', '@A1 ja', '@A2: nein', '<p>@<a href="#comment-3">A3</a> x', '@ A4, @A5 und @A6 hm'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.boolean(), (rows, mentions) => {
        const comments = rows.map((r) => c(r.id, r.parent, r.minute, r.content, `A${(r.id % 7) + 1}`));
        const tree = threadComments(comments, { mentions });
        let count = 0;
        const stack = [...tree];
        while (stack.length > 0) {
          const n = stack.pop() as CommentNode;
          count++;
          expect(count).toBeLessThanOrEqual(comments.length);
          stack.push(...n.replies);
        }
        expect(count).toBe(comments.length);
      }),
      { numRuns: 400 },
    );
  });
});
