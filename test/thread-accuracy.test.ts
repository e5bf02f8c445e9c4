/**
 * The @Name inference on real conversations, as `bench/thread.bench.mjs` (b) measures it: in
 * five threaded corpus exports every reply gets `@<parent's author>` in front, its parent is
 * hidden, and the default inference must find it again — at least 95% precision and 85%
 * recall (the goal of issue #4), and all real labelled `@Name` replies right. A regression in
 * any rule of the cascade shows here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseWxr } from '../src/wxr/parse.js';
import { threadComments } from '../src/normalize/thread/index.js';
import type { Author, Comment, CommentNode, Item } from '../src/model.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';

const EXPORTS = ['threaded-clarkok-clog', 'fr-nithou', 'pt-paralisiafacial', 'fr-bitcoinfrance', 'large-citizen-statistician'];
/** How a real reply starts when its writer addressed someone (`@Name`, also inside a leading tag or link). */
const STARTS_WITH_AT = /^(?:\s|&nbsp;|<\/?(?:p|div|br|strong|b|em|i|span)\b[^>]*>)*(?:@|<a\b[^>]*>\s*@)/i;

interface Tally {
  replies: number;
  resolved: number;
  correct: number;
}

/** Each comment's parent in a reply tree, without recursion. */
function parentsOf(tree: CommentNode[]): Map<Comment, { parent: Comment | null; node: CommentNode }> {
  const out = new Map<Comment, { parent: Comment | null; node: CommentNode }>();
  const stack: [CommentNode, Comment | null][] = tree.map((n) => [n, null]);
  while (stack.length > 0) {
    const [n, p] = stack.pop() as [CommentNode, Comment | null];
    out.set(n.comment, { parent: p, node: n });
    for (const r of n.replies) stack.push([r, n.comment]);
  }
  return out;
}

function postAuthor(item: Item, authors: readonly Author[]): { postAuthor?: string; postAuthorAliases: string[] } {
  const a = authors.find((x) => x.login === item.author);
  const aliases = a ? [a.displayName, a.firstName, `${a.firstName} ${a.lastName}`.trim()].filter((x) => x !== '') : [];
  return item.author ? { postAuthor: item.author, postAuthorAliases: aliases } : { postAuthorAliases: aliases };
}

/** Hides the parent of every reply (`flattened`) or of every reply that starts with `@` (`labelled`) and counts what the inference finds again. */
function measure(items: readonly Item[], authors: readonly Author[], set: 'flattened' | 'labelled'): Tally {
  const t: Tally = { replies: 0, resolved: 0, correct: 0 };
  for (const item of items) {
    const byId = new Map(item.comments.map((c) => [c.id, c]));
    const hidden = new Map<Comment, Comment>();
    const input = item.comments.map((c) => {
      const parent = c.parentId === null ? undefined : byId.get(c.parentId);
      if (parent === undefined) return c;
      if (set === 'flattened' ? parent.author.trim() === '' : !STARTS_WITH_AT.test(c.content)) return c;
      const copy = { ...c, parentId: null, content: set === 'flattened' ? `@${parent.author} ${c.content}` : c.content };
      hidden.set(copy, parent);
      return copy;
    });
    if (hidden.size === 0) continue;
    const placed = parentsOf(threadComments(input, { mentions: true, ...postAuthor(item, authors) }));
    for (const [c, truth] of hidden) {
      t.replies++;
      const got = placed.get(c);
      if (got?.node.via !== 'mention' || got.parent === null) continue;
      t.resolved++;
      if (got.parent.id === truth.id) t.correct++;
    }
  }
  return t;
}

describeCorpus('@Name inference on real threads (five threaded exports)', () => {
  const archives = EXPORTS.map((name) => {
    const dir = join(CORPUS, name);
    const file = readdirSync(dir).find((f) => f.endsWith('.xml')) as string;
    return parseWxr(readFileSync(join(dir, file)), { recover: true });
  });
  const sum = (set: 'flattened' | 'labelled'): Tally =>
    archives
      .map((a) => measure(a.items, a.authors, set))
      .reduce((x, y) => ({ replies: x.replies + y.replies, resolved: x.resolved + y.resolved, correct: x.correct + y.correct }));

  it('finds hidden parents with >= 95% precision and >= 85% recall (flattened replies, default options)', () => {
    const t = sum('flattened');
    expect(t.replies).toBe(1256);
    expect(t.correct / t.resolved).toBeGreaterThanOrEqual(0.95);
    expect(t.correct / t.replies).toBeGreaterThanOrEqual(0.85);
  });

  it('places every real labelled @Name reply under its real parent', () => {
    const t = sum('labelled');
    expect(t.replies).toBe(15);
    expect(t.correct).toBe(15);
  });
});
