import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../src/model.js';
import { parseTextArchive } from '../src/text/text-archive/index.js';
import { FIXTURES } from './helpers/corpus.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'text', name), 'utf8');
const codes = (a: Archive): string[] => a.diagnostics.map((d) => d.code);

describe('parseTextArchive: fixtures, one quirk each', () => {
  it('english-page.txt: English theme wording, dates on comments, share buttons, reply buttons', () => {
    const a = parseTextArchive(fixture('english-page.txt'), { postAuthor: 'jens', link: 'https://example.org/2012/05/hello/' });
    const item = a.items[0];
    expect(item?.title).toBe('Hello World & Friends');
    expect(item?.date).toBe('2012-05-03T00:00:00+02:00');
    expect(item?.terms).toEqual([
      { taxonomy: 'category', slug: 'news', name: 'News' },
      { taxonomy: 'category', slug: 'updates', name: 'Updates' },
      { taxonomy: 'post_tag', slug: 'hello', name: 'hello' },
      { taxonomy: 'post_tag', slug: 'world', name: 'world' },
    ]);
    expect(item?.content).toBe(
      '<p>The first paragraph has two lines:<br />\nthis is the second line of the same paragraph.</p>\n' +
        '<p>The second paragraph talks about &lt;b&gt;markup&lt;/b&gt; &amp; "quotes".</p>',
    );
    expect(item?.link).toBe('https://example.org/2012/05/hello/');
    expect(a.site.link).toBe('https://example.org');
    expect(a.site.language).toBe('en-US');
    expect(item?.comments.map((c) => [c.id, c.author, c.parentId, c.date])).toEqual([
      [1, 'Anna', null, '2012-05-03T21:15:00+02:00'],
      [2, 'Bob', 1, '2012-05-04T10:00:00+02:00'],
      [3, 'jens', 2, null],
    ]);
    expect(item?.comments[1]?.content).toBe('<p>@Anna: I agree.</p>\n<p>A second paragraph from Bob.</p>');
    expect(item?.comments[1]?.dateGmt).toBe('2012-05-04T08:00:00Z');
    expect(codes(a)).toEqual(expect.arrayContaining(['I_TEXT_SHARE_DROPPED', 'I_TEXT_FORM_DROPPED', 'I_TEXT_BUTTON_DROPPED', 'I_TEXT_AUTHOR_GUESSED']));
  });

  it('meta line author: "by jens" becomes the post author when no option names one', () => {
    const a = parseTextArchive(fixture('english-page.txt'));
    expect(a.items[0]?.author).toBe('jens');
    expect(a.authors.map((x) => x.login)).toEqual(['jens']);
  });

  it('no-comments.txt: a post without comments, with a time in the meta line', () => {
    const a = parseTextArchive(fixture('no-comments.txt'));
    const item = a.items[0];
    expect(item?.title).toBe('Ein Beitrag ohne Kommentare');
    expect(item?.date).toBe('2011-06-07T08:30:00+02:00');
    expect(item?.dateGmt).toBe('2011-06-07T06:30:00Z');
    expect(item?.terms.map((t) => t.name)).toEqual(['Alltag']);
    expect(item?.comments).toEqual([]);
    expect(item?.content).toBe('<p>Heute ist nichts passiert.</p>\n<p>Wirklich gar nichts – auch nicht 1. oder 2. Dinge.</p>');
    expect(codes(a)).toEqual(expect.arrayContaining(['I_TEXT_SHARE_DROPPED', 'I_TEXT_FORM_DROPPED']));
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('nested-numbering.txt: 1.1-style numbers and indented lists become parents; numbered lists in text stay text', () => {
    const a = parseTextArchive(fixture('nested-numbering.txt'));
    const comments = a.items[0]?.comments ?? [];
    expect(comments.map((c) => [c.id, c.author, c.parentId])).toEqual([
      [1, 'Max', null],
      [4, 'Jens', 1],
      [5, 'Max', 1],
      [2, 'Anna', null],
      [6, 'Bob', 2],
      [3, 'Lisa', null],
    ]);
    expect(comments[3]?.content).toBe('<p>Eine Liste im Kommentar:<br />\n1. Punkt eins<br />\n2. Punkt zwei</p>');
    expect(a.diagnostics.filter((d) => d.code === 'I_TEXT_NESTED_ID').map((d) => d.message)).toEqual([
      'nested comment 1.1 got id 4; its parent is comment 1',
      'nested comment 1.2 got id 5; its parent is comment 1',
      'nested comment 2.1 got id 6; its parent is comment 2',
    ]);
  });

  it('garbage.txt: binary noise gives an error diagnostic and no items, no throw', () => {
    const a = parseTextArchive(fixture('garbage.txt'));
    expect(a.items).toEqual([]);
    expect(a.diagnostics).toHaveLength(1);
    expect(a.diagnostics[0]).toMatchObject({ severity: 'error', code: 'E_TEXT_NOT_A_PAGE' });
    expect(a.diagnostics[0]?.message).toMatch(/binary data/);
  });
});

describe('parseTextArchive: small inputs', () => {
  const cases: ReadonlyArray<readonly [name: string, text: string, check: (a: Archive) => void]> = [
    ['empty text', '', (a) => expect(a.diagnostics[0]?.message).toMatch(/empty/)],
    ['symbols only', '}{ ][ ## == -- ** !! ?? 12 34 56', (a) => expect(codes(a)).toEqual(['E_TEXT_NOT_A_PAGE'])],
    ['title only', 'Nur ein Titel', (a) => {
      expect(a.items[0]?.title).toBe('Nur ein Titel');
      expect(codes(a)).toEqual(['W_TEXT_NO_DATE', 'W_TEXT_UNSTRUCTURED']);
    }],
    ['Posted: label', 'T\n\nPosted: 2012-05-03\n\nBody', (a) => expect(a.items[0]?.date).toBe('2012-05-03T00:00:00+02:00')],
    ['Geschrieben am, several categories, zone', 'T\n\nGeschrieben am 03.05.2012 um 21:15 in Kunden, Alltag\n\nText', (a) => {
      expect(a.items[0]?.terms.map((t) => t.slug)).toEqual(['kunden', 'alltag']);
    }],
    ['Twenty Twelve sentence', 'T\n\nDieser Beitrag wurde unter Allgemein abgelegt am 3. Mai 2012 von Max.\n\nText', (a) => {
      expect(a.items[0]?.terms.map((t) => t.name)).toEqual(['Allgemein']);
      expect(a.items[0]?.author).toBe('Max');
    }],
    ['unnumbered comments', 'T\n\nVeröffentlicht am 3. Mai 2012\n\nText\n\n2 Kommentare\n\nMax sagt:\n3. Mai 2012 um 21:15 Uhr\nToller Artikel!\nAntworten\n\nAnna sagt:\n4. Mai 2012 um 08:00 Uhr\n@Max: Finde ich auch.\nAntworten\n', (a) => {
      expect(a.items[0]?.comments.map((c) => [c.id, c.author, c.parentId, c.content])).toEqual([
        [1, 'Max', null, '<p>Toller Artikel!</p>'],
        [2, 'Anna', 1, '<p>@Max: Finde ich auch.</p>'],
      ]);
      expect(codes(a)).toContain('I_TEXT_UNNUMBERED_COMMENTS');
    }],
    ['a first paragraph with a date is body, not meta', 'Titel\n\nAm 3. Mai 2012 war ich in Berlin und habe dort viele Leute getroffen.\n\nZweiter Absatz.', (a) => {
      expect(a.items[0]?.content).toBe('<p>Am 3. Mai 2012 war ich in Berlin und habe dort viele Leute getroffen.</p>\n<p>Zweiter Absatz.</p>');
      expect(a.items[0]?.date).toBeNull();
      expect(codes(a)).toContain('W_TEXT_NO_DATE');
    }],
    ['unlabelled date line with category', 'T\n\nDonnerstag, 03.05.2012 | Kunden\n\nText', (a) => {
      expect(a.items[0]?.date).toBe('2012-05-03T00:00:00+02:00');
      expect(a.items[0]?.content).toBe('<p>Text</p>');
    }],
    ['like counters after a comment', 'T\n\nPosted on May 3, 2012\n\nText\n\nComments\n  1. Ann says:\n\n     Hi\n\n     Like\n     Liked by 2 people\n', (a) => {
      expect(a.items[0]?.comments.map((c) => c.content)).toEqual(['<p>Hi</p>']);
    }],
    ['unknown zone', 'T\n\nVeröffentlicht am 3. Mai 2012 um 12:00\n\nText', (a) => {
      expect(codes(a)).toContain('W_TEXT_ZONE_INVALID');
      expect(a.items[0]?.date).toBe('2012-05-03T12:00:00+02:00');
    }],
    ['zone option', 'T\n\nVeröffentlicht am 3. Mai 2012 um 12:00\n\nText', (a) => expect(a.items[0]?.dateGmt).toBe('2012-05-03T16:00:00Z')],
  ];
  it.each(cases)('%s', (_name, text, check) => {
    const a = parseTextArchive(text, _name === 'zone option' ? { zone: 'America/New_York' } : _name === 'unknown zone' ? { zone: 'Mars/Base' } : {});
    check(a);
  });
});

describe('parseTextArchive: comment date lines as themes print them', () => {
  const page = (dateLine: string): string =>
    `T\n\nVeröffentlicht am 5. Juni 2013\n\nText\n\n2 Kommentare\n\nMaskierter sagt:\n6. Juni 2013 um 09:00\nErster!\nAntworten\n\n` +
    `Anna sagt:\n${dateLine}\n@Maskierter: hm\nAntworten\n`;
  const lines: ReadonlyArray<readonly [string, string]> = [
    ['6. Juni 2013 um 10:00', '2013-06-06T10:00:00+02:00'],
    ['6. Juni 2013 | 10:00', '2013-06-06T10:00:00+02:00'],
    ['6. Juni 2013, 10:00 h', '2013-06-06T10:00:00+02:00'],
    ['Do., 6. Juni 2013, 10:00h', '2013-06-06T10:00:00+02:00'],
    ['6. Juni 2013 · 10:00 Uhr', '2013-06-06T10:00:00+02:00'],
    ['6. Juni 2013 / 10:00 • Antworten', '2013-06-06T10:00:00+02:00'],
    ['06.06.2013 10.00', '2013-06-06T10:00:00+02:00'],
    ['10:00 Uhr, 6. Juni 2013', '2013-06-06T10:00:00+02:00'],
    ['Do 6. Juni 2013 um 10:00', '2013-06-06T10:00:00+02:00'],
    ['Donnerstag, den 6. Juni 2013 um 10 Uhr vormittags', '2013-06-06T10:00:00+02:00'],
  ];
  it.each(lines)('%j is the date, not body text, and the @-reply is threaded', (line, iso) => {
    const comments = parseTextArchive(page(line)).items[0]?.comments ?? [];
    expect(comments.map((c) => [c.id, c.author, c.parentId, c.date, c.content])).toEqual([
      [1, 'Maskierter', null, '2013-06-06T09:00:00+02:00', '<p>Erster!</p>'],
      [2, 'Anna', 1, iso, '<p>@Maskierter: hm</p>'],
    ]);
  });
});
