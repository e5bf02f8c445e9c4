/** The rules for a name with several earlier comments (name-since, name-unanswered, name-score) and `ambiguous`; the clues of name-score are in thread-score.test.ts. */
import { describe, expect, it } from 'vitest';
import type { Comment } from '../src/model.js';
import { c, placed } from './helpers/thread.js';
import { inferReplyParents, type ThreadOptions } from '../src/normalize/thread/index.js';
import { commentWords, hasWord } from '../src/normalize/thread/words.js';



describe('a name with several earlier comments', () => {
  const rows: Array<[why: string, thread: Comment[], id: number, parent: number | null, rule: string]> = [
    ['name-since: the one comment Bea wrote since Al last wrote', [c(1, 'Bea', 'Erstens'), c(2, 'Al', 'Hm'), c(3, 'Bea', '@Al: Zweitens'), c(4, 'Al', '@Bea: genau')], 4, 3, 'name-since'],
    ['name-since is not tried when Bea wrote twice since', [c(1, 'Al', 'Hm'), c(2, 'Bea', 'Erstens'), c(3, 'Bea', 'Zweitens'), c(4, 'Al', '@Bea: ok')], 4, null, 'ambiguous'],
    ['name-since is not tried when Al never wrote before', [c(1, 'Bea', 'Erstens'), c(2, 'Bea', 'Zweitens'), c(4, 'Al', '@Bea: ok')], 4, null, 'ambiguous'],
    ['name-unanswered: Al answered 1 already (by parentId), so 3 is the one left', [c(1, 'Bea', 'Erstens'), c(2, 'Al', 'Antwort', 1), c(3, 'Bea', 'Zweitens'), c(4, 'Cy', 'x'), c(5, 'Bea', 'Drittens', 4), c(6, 'Al', 'Antwort', 5), c(7, 'Al', '@Bea: und?')], 7, 3, 'name-unanswered'],
    ['name-score: rare words shared with the older comment outweigh "newest"', [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Die Quantenphysik erklärt das'), c(3, 'Bea', 'Kochen ist Chemie'), c(4, 'Al', '@Bea: Quantenphysik erklärt alles?')], 4, 2, 'name-score'],
    ['name-score: Chinese text compared by character pairs', [c(1, 'Al', '你好'), c(2, 'Bea', '自己给自己回没有提示'), c(3, 'Bea', '我也在准备考试'), c(4, 'Al', '@Bea 准备考试加油')], 4, 3, 'name-score'],
    ['name-score: the older comment that asked the writer a question, in the writer\'s thread', [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Wieso?', 1), c(3, 'Bea', 'Nachtrag'), c(4, 'Al', '@Bea: darum')], 4, 2, 'name-score'],
    ['no clear lead: words of three letters and the addressee name do not count', [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Bea und der Wald'), c(3, 'Bea', 'Nein'), c(4, 'Al', '@Bea und der Rest')], 4, null, 'ambiguous'],
    ['no clear lead: a word shared with both comments is not rare', [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Quantenphysik'), c(3, 'Bea', 'Quantenphysik, Chemie'), c(4, 'Al', '@Bea Quantenphysik')], 4, null, 'ambiguous'],
  ];
  it.each(rows)('%s', (_why, thread, id, parent, rule) => {
    expect(placed(thread).get(id)).toEqual([parent, rule]);
  });

  it("ambiguous: 'latest' takes the newest where the default leaves it unresolved", () => {
    const thread = [c(1, 'Al', 'Hm'), c(2, 'Bea', 'Erstens'), c(3, 'Bea', 'Zweitens'), c(4, 'Al', '@Bea: ok')];
    expect(placed(thread, { ambiguous: 'latest' }).get(4)).toEqual([3, 'name-latest']);
    expect(placed(thread, { ambiguous: 'bogus' as 'skip' }).get(4)).toEqual([null, 'ambiguous']);
  });

  it.each([
    ['name-latest', { ambiguous: 'latest', scoring: { margin: Infinity } }],
    ['name-score', { scoring: { weights: { newest: 1, second: 0, afterWriter: 0, topLevel: 0, question: 0, rareWords: 0 }, margin: 0.5 } }],
  ] as Array<[string, ThreadOptions]>)("a guess (%s) does not count as an answer for name-unanswered", (rule, options) => {
    // Al's guess at 4 goes to 3; had it counted, 2 would be "the one left" at 6.
    const thread = [c(1, 'Al', 'Hm'), c(2, 'Bea', 'Erstens'), c(3, 'Bea', 'Zweitens'), c(4, 'Al', '@Bea: ok'), c(5, 'Cy', '@Al: hm'), c(6, 'Al', '@Bea: und?')];
    expect(placed(thread, options).get(4)).toEqual([3, rule]);
    expect(placed(thread, options).get(6)).toEqual([3, rule]);
  });

  it("inferReplyParents keeps the newest comment for an ambiguous name (ambiguous: 'latest' is its default)", () => {
    const thread = [c(1, 'Al', 'Hm'), c(2, 'Bea', 'Erstens'), c(3, 'Bea', 'Zweitens'), c(4, 'Al', '@Bea: ok')];
    expect(inferReplyParents(thread).comments.map((x) => x.parentId)).toEqual([null, null, null, 3]);
    expect(inferReplyParents(thread, { ambiguous: 'skip' }).comments.map((x) => x.parentId)).toEqual([null, null, null, null]);
  });
});

describe('commentWords', () => {
  const rows: Array<[html: string, words: string[], size: number]> = [
    ['<p>Der Zähler zählt</p>', ['ZÄHLER', 'zählt'], 2],
    ['und the les', [], 0],
    ['看不懂', ['不懂'], 2],
    ['<a href="http://x.example/quantum">Quantum</a> &amp; more', ['quantum', 'more'], 2],
    ['', [], 0],
  ];
  it.each(rows)('%s', (html, words, size) => {
    const got = commentWords(html);
    expect(got.length).toBe(size);
    for (const w of words) expect(hasWord(got, commentWords(w)[0] ?? -1) || commentWords(w).every((x) => hasWord(got, x))).toBe(true);
  });
  it('is sorted and distinct', () => {
    const got = [...commentWords('beta alpha beta gamma alpha delta')];
    expect(got).toEqual([...new Set(got)].sort((a, b) => a - b));
    expect(got).toHaveLength(4);
  });
});
