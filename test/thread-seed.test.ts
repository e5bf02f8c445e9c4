import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CommentNode } from '../src/model.js';
import { parseTextArchive } from '../src/text/text-archive/index.js';
import { threadComments } from '../src/normalize/thread/index.js';
import { CORPUS, describeCorpus, listFiles } from './helpers/corpus.js';

/** The seed page (a flat German thread of 20 comments), threaded from its @Name replies alone. */
describeCorpus('threadComments on the seed page', () => {
  const file = listFiles(join(CORPUS, 'seed'), '.txt')[0] ?? '';
  const item = parseTextArchive(readFileSync(join(CORPUS, 'seed', file), 'utf8')).items[0];
  const flat = (item?.comments ?? []).map((c) => ({ ...c, parentId: null }));
  const tree = threadComments(flat, { mentions: true });
  const placed = new Map<number, { parent: number | null; node: CommentNode }>();
  const stack: Array<[CommentNode, number | null]> = tree.map((n) => [n, null]);
  while (stack.length > 0) {
    const [n, p] = stack.pop() as [CommentNode, number | null];
    placed.set(n.comment.id, { parent: p, node: n });
    for (const r of n.replies) stack.push([r, n.comment.id]);
  }

  it('keeps all 20 comments', () => expect(placed.size).toBe(20));

  it.each<[number, number | null, string]>([
    [2, 1, '@Stefan answers comment 1'],
    [10, 7, '@Kenny'],
    [13, 11, '@Leser'],
    [15, null, '@Wolfy: Wolfy wrote 12 and 14, breakpoint never wrote before: ambiguous, left unresolved by default'],
    [17, 15, '@breakpoint:'],
    [4, null, '@gotsassaufeinemast never signs a comment: unresolved, top level'],
    [14, null, '@Maskierter: nobody of that name'],
  ])('comment %i -> %s (%s)', (id, parent, _why) => {
    expect(placed.get(id)?.parent).toBe(parent);
    expect(placed.get(id)?.node.via).toBe(parent === null ? null : 'mention');
  });

  it("with ambiguous: 'latest', @Wolfy takes Wolfy's newest earlier comment (14)", () => {
    const latest = threadComments(flat, { mentions: true, ambiguous: 'latest' });
    const wolfy = latest.flatMap((n) => [n, ...n.replies]).flatMap((n) => [n, ...n.replies]).find((n) => n.replies.some((r) => r.comment.id === 15));
    expect(wolfy?.comment.id).toBe(14);
  });

  it('records the addressees of later paragraphs (comment 10: @Kenny … @gotsassaufeinemast … @Ex-Admin)', () => {
    expect(placed.get(10)?.node.mentions).toEqual([
      { name: 'Kenny', commentId: 7, rule: 'name' },
      { name: 'gotsassaufeinemast', commentId: null, rule: 'unresolved' },
      { name: 'Ex-Admin', commentId: 9, rule: 'name' },
    ]);
  });
});
