/** Rule `name-score`: the clues of each candidate, the margin, the options and the bounds. */
import { describe, expect, it } from 'vitest';
import type { Comment } from '../src/model.js';
import { c, placed } from './helpers/thread.js';
import { threadComments, threadCommentsWithDiagnostics, type ReplyClue, type ReplyWeighing, type ThreadOptions } from '../src/normalize/thread/index.js';
import { REPLY_CLUES } from '../src/normalize/thread/score.js';
import { endsWithQuestion } from '../src/normalize/thread/score-state.js';


function weigh(thread: Comment[], options: ThreadOptions = {}): ReplyWeighing[] {
  const out: ReplyWeighing[] = [];
  threadComments(thread, { mentions: true, ...options, scoring: { ...options.scoring, onWeigh: (w) => out.push(w) } });
  return out;
}


/** Weights with every clue 0 except one. */
const only = (clue: ReplyClue, weight = 1): Partial<Record<ReplyClue, number>> => Object.fromEntries(REPLY_CLUES.map((k) => [k, k === clue ? weight : 0]));

describe('the clues of each candidate (oldest candidate first)', () => {
  const rows: Array<[clue: ReplyClue, why: string, thread: Comment[], values: number[]]> = [
    ['newest', "Bea's newest comment", [c(1, 'Bea', 'Erstens'), c(2, 'Bea', 'Zweitens'), c(3, 'Al', '@Bea ok')], [0, 1]],
    ['second', "Bea's second newest", [c(1, 'Bea', 'Erstens'), c(2, 'Bea', 'Zweitens'), c(3, 'Al', '@Bea ok')], [1, 0]],
    ['afterWriter', "written after Al's own previous comment", [c(1, 'Bea', 'Eins'), c(2, 'Al', 'Hm'), c(3, 'Bea', 'Zwei'), c(4, 'Bea', 'Drei'), c(5, 'Al', '@Bea ok')], [0, 1, 1]],
    ['answersWriter', 'placed under a comment of Al', [c(1, 'Al', 'Frage'), c(2, 'Bea', 'Antwort', 1), c(3, 'Bea', 'Sonst'), c(4, 'Al', '@Bea ok')], [1, 0]],
    ['topLevel', 'placed under nothing', [c(1, 'Al', 'Frage'), c(2, 'Bea', 'Antwort', 1), c(3, 'Bea', 'Sonst'), c(4, 'Al', '@Bea ok')], [0, 1]],
    ['answeredByWriter', 'Al answered it already (by parentId)', [c(1, 'Bea', 'Eins'), c(2, 'Al', 'Danke', 1), c(3, 'Bea', 'Zwei'), c(4, 'Bea', 'Drei'), c(5, 'Al', '@Bea ok')], [1, 0, 0]],
    ['answeredByOther', 'Cy answered it already; answers by Al do not count', [c(1, 'Bea', 'Eins'), c(2, 'Cy', 'Antwort', 1), c(3, 'Bea', 'Zwei'), c(4, 'Al', 'Danke', 3), c(5, 'Bea', 'Drei'), c(6, 'Bea', 'Vier'), c(7, 'Al', '@Bea ok')], [1, 0, 0, 0]],
    ['writersThread', "in the same thread as Al's previous comment", [c(1, 'Al', 'Start'), c(2, 'Bea', 'Eins', 1), c(3, 'Cy', 'Anderes'), c(4, 'Bea', 'Zwei', 3), c(5, 'Cy', 'Hm', 2), c(6, 'Al', '@Bea ok')], [1, 0]],
    ['question', 'ends with a question mark, also before closing tags', [c(1, 'Bea', 'Wie geht das?'), c(2, 'Bea', 'Egal.'), c(3, 'Bea', '<p>Wirklich？</p>\n'), c(4, 'Al', '@Bea ok')], [1, 0, 1]],
  ];
  it.each(rows)('%s: %s', (clue, _why, thread, values) => {
    const weighings = weigh(thread);
    expect(weighings).toHaveLength(1);
    expect(weighings[0]?.candidates.map((k) => k.clues[clue])).toEqual(values);
  });

  it('rareWords: words the reply shares with one candidate, weighted by rarity in the post; not the addressee name, not short words', () => {
    const [w] = weigh([c(1, 'Bea Quantenphysik', 'Quantenphysik und Chemie'), c(2, 'Bea Quantenphysik', 'Kochen ist Chemie'), c(3, 'Cy', 'Kochen'), c(4, 'Al', '@Bea Quantenphysik: Kochen und Chemie')]);
    const rare = w?.candidates.map((k) => k.clues.rareWords) ?? [];
    // chemie is in 3 of 4 comments: ln(4/3); kochen in 3 of 4 as well; the name word does not count.
    expect(rare[0]).toBeCloseTo(Math.log1p(Math.log(4 / 3)), 10);
    expect(rare[1]).toBeCloseTo(Math.log1p(2 * Math.log(4 / 3)), 10);
  });

  it('weighs only the ten newest candidates', () => {
    const thread = [...Array.from({ length: 12 }, (_, k) => c(k + 1, 'Bea', `Satz ${k}`)), c(20, 'Al', '@Bea ok')];
    expect(weigh(thread)[0]?.candidates.map((k) => k.commentId)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('score is the weighted sum of the clues', () => {
    const [w] = weigh([c(1, 'Al', 'Frage'), c(2, 'Bea', 'Antwort?', 1), c(3, 'Bea', 'Sonst'), c(4, 'Al', '@Bea ok')], { scoring: { weights: { newest: 2, question: 3, answersWriter: 5, second: 0, afterWriter: 0, topLevel: 0, writersThread: 0, rareWords: 0 } } });
    expect(w?.candidates.map((k) => k.score)).toEqual([8, 2]);
  });
});

describe('the decision', () => {
  const base = [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Wieso?'), c(3, 'Bea', 'Nachtrag'), c(4, 'Al', '@Bea darum')];
  const rows: Array<[why: string, options: ThreadOptions, parent: number | null, rule: string]> = [
    ['one clue weighted: the candidate that has it', { scoring: { weights: only('question'), margin: 1 } }, 2, 'name-score'],
    ['a lead exactly at the margin is enough', { scoring: { weights: only('newest'), margin: 1 } }, 3, 'name-score'],
    ['a lead below the margin is not', { scoring: { weights: only('newest'), margin: 1.01 } }, null, 'ambiguous'],
    ['margin Infinity turns the rule off', { scoring: { margin: Infinity } }, null, 'ambiguous'],
    ["off, 'latest' takes the newest", { scoring: { margin: Infinity }, ambiguous: 'latest' }, 3, 'name-latest'],
    ['a post with more text than maxText is not weighed', { scoring: { weights: only('newest'), margin: 1, maxText: 20 } }, null, 'ambiguous'],
    ['garbage options fall back to the defaults', { scoring: { weights: { newest: Number.NaN } as Partial<Record<ReplyClue, number>>, margin: Number.NaN, maxText: Number.NaN } }, null, 'ambiguous'],
  ];
  it.each(rows)('%s', (_why, options, parent, rule) => {
    expect(placed(base, options).get(4)).toEqual([parent, rule]);
  });

  it('says in the ambiguity diagnostic when the post was too large to weigh', () => {
    const over = threadCommentsWithDiagnostics(base, { mentions: true, scoring: { maxText: 20 } }).diagnostics.find((d) => d.code === 'I_MENTION_AMBIGUOUS');
    expect(over?.message).toContain('name-score was not tried');
    const weighed = threadCommentsWithDiagnostics(base, { mentions: true, scoring: { weights: only('newest'), margin: 2 } }).diagnostics.find((d) => d.code === 'I_MENTION_AMBIGUOUS');
    expect(weighed?.message).not.toContain('name-score was not tried');
  });

  it('a comment that already has its parent is read for its address only: no ambiguity diagnostic, no weighing', () => {
    const thread = [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Wieso?'), c(3, 'Bea', 'Nachtrag'), c(4, 'Al', '@Bea darum', 2)];
    const weighings: ReplyWeighing[] = [];
    const { diagnostics } = threadCommentsWithDiagnostics(thread, { mentions: true, scoring: { margin: 99, onWeigh: (w) => weighings.push(w) } });
    expect(diagnostics.map((d) => d.code)).not.toContain('I_MENTION_AMBIGUOUS');
    expect(weighings).toEqual([]);
    expect(placed(thread).get(4)?.[0]).toBe(2);
  });

  it('the default weights settle a clear case: the older comment answered the writer, asked, and sits in their thread', () => {
    const thread = [c(1, 'Al', 'Hallo'), c(2, 'Bea', 'Wieso?', 1), c(3, 'Bea', 'Nachtrag'), c(4, 'Al', '@Bea darum')];
    expect(placed(thread).get(4)).toEqual([2, 'name-score']);
    expect(weigh(thread)[0]?.chosen).toBe(2);
  });

  it('onWeigh sees a declined weighing, and a throwing onWeigh does not break threading', () => {
    expect(weigh(base, { scoring: { margin: Infinity } })[0]?.chosen).toBeNull();
    const options: ThreadOptions = { scoring: { weights: only('newest'), margin: 1, onWeigh: () => { throw new Error('boom'); } } };
    expect(placed(base, options).get(4)).toEqual([3, 'name-score']);
  });

  it('garbage in comments (non-string author or content, odd ids) never throws', () => {
    const odd = { ...c(3, 'Bea', 'x'), author: 42 as unknown as string, content: null as unknown as string };
    const thread = [c(1, 'Bea', 'Eins?'), c(2, 'Bea', 'Zwei'), odd, { ...c(4, 'Al', '@Bea ok'), id: Number.NaN }, c(5, 'Al', '@Bea und?')];
    expect(() => threadComments(thread, { mentions: true, scoring: { onWeigh: () => undefined } })).not.toThrow();
  });

  it('a name-score placement is a guess: it does not make the comment "answered by the writer"', () => {
    const thread = [c(1, 'Bea', 'Eins'), c(2, 'Bea', 'Zwei'), c(3, 'Al', '@Bea ok'), c(4, 'Bea', 'Drei'), c(5, 'Bea', 'Vier'), c(6, 'Al', '@Bea und?')];
    const weighings = weigh(thread, { scoring: { weights: only('newest'), margin: 1 } });
    expect(weighings.map((w) => w.chosen)).toEqual([2, 5]);
    expect(weighings[1]?.candidates.map((k) => k.clues.answeredByWriter)).toEqual([0, 0, 0, 0]);
  });
});

describe('endsWithQuestion', () => {
  const rows: Array<[why: string, html: string, expected: boolean]> = [
    ['plain', 'Wieso?', true],
    ['closing tags and a newline after it', '<p>Wieso?</p>\n', true],
    ['an entity blank after it', 'Wieso?&nbsp;', true],
    ['full-width question mark', '为什么？', true],
    ['a statement after the question', 'Wieso? Darum.', false],
    ['empty', '', false],
    ['a long text (only its end is read)', '?'.padStart(5000, 'x'), true],
  ];
  it.each(rows)('%s', (_why, html, expected) => expect(endsWithQuestion(html)).toBe(expected));
});
