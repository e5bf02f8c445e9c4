import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseTextArchive } from '../src/text/text-archive/index.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';

const SEED = join(CORPUS, 'seed');
const read = (): string => readFileSync(join(SEED, readdirSync(SEED).find((n) => n.endsWith('.txt')) ?? ''), 'utf8');

/**
 * The seed page, read by a person: who wrote each comment (`''` where the page shows no name; the
 * blogger's own `@Name` answers are attributed to `postAuthor`), and which comment each `@Name`
 * reply answers. Comments 3, 5 and 8 are by the reader the blogger calls @gotsassaufeinemast, whose
 * name the page never shows: `@gotsassaufeinemast` in 4 answers 3, in 6 answers 5. Comment 10 addresses
 * Kenny first (then gotsassaufeinemast and Ex-Admin), so it hangs under 7. 14 `@Maskierter` answers the
 * blogger's latest comment, 13. Comments without a leading `@` stay at the top level even where the
 * text clearly answers the one before (5, 8, 18, 19): the page does not say so.
 */
const EXPECTED: ReadonlyArray<readonly [id: number, author: string, parent: number | null]> = [
  [1, 'Stefan', null],
  [2, 'Maskierter', 1], // @Stefan
  [3, '', null],
  [4, 'Maskierter', 3], // @gotsassaufeinemast (anonymous on the page)
  [5, '', null],
  [6, 'Maskierter', 5], // @gotsassaufeinemast
  [7, 'Kenny', null],
  [8, '', null],
  [9, 'Ex-Admin', null],
  [10, 'Maskierter', 7], // @Kenny … @gotsassaufeinemast … @Ex-Admin
  [11, 'Leser', null],
  [12, 'Wolfy', null],
  [13, 'Maskierter', 11], // @Leser … @Wolfy
  [14, 'Wolfy', 13], // @Maskierter:
  [15, 'breakpoint', 14], // @Wolfy
  [16, 'Andrea', null],
  [17, 'Wolfy', 15], // @breakpoint:
  [18, '', null],
  [19, 'Wolfy', null],
  [20, 'mm.', null],
];

describeCorpus('parseTextArchive: the seed page', () => {
  const archive = parseTextArchive(read(), { postAuthor: 'Maskierter' });
  const item = archive.items[0];

  it('is one post with title, date, category and author', () => {
    expect(archive.items).toHaveLength(1);
    expect(item?.title).toBe('Wenn Kunden meine Aufforderung befolgen');
    expect(item?.type).toBe('post');
    expect(item?.date).toBe('2012-05-03T00:00:00+02:00');
    expect(item?.dateGmt).toBe('2012-05-02T22:00:00Z');
    expect(item?.terms).toEqual([{ taxonomy: 'category', slug: 'kunden', name: 'Kunden' }]);
    expect(archive.terms.map((t) => [t.taxonomy, t.slug, t.name])).toEqual([['category', 'kunden', 'Kunden']]);
    expect(item?.author).toBe('Maskierter');
    expect(archive.authors.map((a) => a.login)).toEqual(['Maskierter']);
    expect(archive.site.language).toBe('de-DE');
    expect(archive.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has the body as escaped HTML paragraphs, without the comment section', () => {
    const content = item?.content ?? '';
    expect(content.startsWith('<p>Mir ist gerade eben die Kinnlade runtergefallen.')).toBe(true);
    expect(content.endsWith('<p>Sollte ich vielleicht erwähnen, dass der Kunde ein renommierter Süßwarenhersteller ist? Egal, ich bin jetzt beschäftigt.</p>')).toBe(true);
    expect(content.match(/<p>/g)).toHaveLength(8);
    expect(content).not.toContain('Kommentare');
  });

  it('has 20 comments with the authors the page shows', () => {
    expect(item?.comments.map((c) => [c.id, c.author])).toEqual(EXPECTED.map(([id, author]) => [id, author]));
  });

  it('threads as the @Name replies say', () => {
    expect(item?.comments.map((c) => [c.id, c.parentId])).toEqual(EXPECTED.map(([id, , parent]) => [id, parent]));
  });

  it('keeps multi-paragraph comments and drops the comment form', () => {
    const andrea = item?.comments[15];
    expect(andrea?.content).toBe(
      '<p>„Aber, auch wenn ich über meine Kunden schlimmer meckere als ein kenianischer Straßenhändler beim Feilschen, ich bin stets freundlich und zuvorkommend, wenn ich eine echte Katastrophe erkenne. “ *looooooooool*</p>\n' +
        '<p>Lass dir die Schokolade gut schmecken, lieber Maskierter.</p>\n' +
        '<p>Jetzt sind lauter Schoko-Flecken auf der Maske – tss, du bist so ein Ferkel. ;)</p>\n<p>VhG</p>\n<p>Andrea</p>',
    );
    expect(item?.comments[19]?.content).not.toContain('Schreibe einen Kommentar');
    expect(archive.diagnostics.some((d) => d.code === 'I_TEXT_FORM_DROPPED' && d.line === 122)).toBe(true);
  });

  it('says which authors it guessed and which links it inferred', () => {
    const guessed = archive.diagnostics.find((d) => d.code === 'I_TEXT_AUTHOR_GUESSED');
    expect(guessed?.message).toContain('2, 4, 6, 10, 13');
    const inferred = archive.diagnostics.filter((d) => d.code === 'I_TEXT_REPLY_INFERRED');
    expect(inferred).toHaveLength(EXPECTED.filter(([, , p]) => p !== null).length);
  });

  it('without postAuthor leaves the unsigned answers without author and says how to fix it', () => {
    const plain = parseTextArchive(read());
    expect(plain.items[0]?.author).toBeNull();
    expect(plain.items[0]?.comments[1]?.author).toBe('');
    expect(plain.diagnostics.some((d) => d.code === 'I_TEXT_ANONYMOUS_REPLIES')).toBe(true);
    expect(plain.items[0]?.comments[1]?.parentId).toBe(1);
  });

  it("with commentDates: 'post' dates the comments after the post, in page order", () => {
    const dated = parseTextArchive(read(), { postAuthor: 'Maskierter', commentDates: 'post' });
    const comments = dated.items[0]?.comments ?? [];
    expect(comments[0]?.date).toBe('2012-05-03T00:01:00+02:00');
    expect(comments[0]?.dateGmt).toBe('2012-05-02T22:01:00Z');
    expect(comments[19]?.date).toBe('2012-05-03T00:20:00+02:00');
    expect(dated.diagnostics.some((d) => d.code === 'I_TEXT_COMMENT_DATE_ASSUMED')).toBe(true);
    expect(comments.map((c) => c.parentId)).toEqual(EXPECTED.map(([, , p]) => p));
  });

  it('with inferReplies: false keeps every comment at the top level', () => {
    const flat = parseTextArchive(read(), { postAuthor: 'Maskierter', inferReplies: false });
    expect(flat.items[0]?.comments.every((c) => c.parentId === null)).toBe(true);
  });
});
