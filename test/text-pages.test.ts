import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTextArchive, parseTextArchives, splitPages } from '../src/text/text-archive/index.js';
import { FIXTURES } from './helpers/corpus.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'text', name), 'utf8');

describe('parseTextArchives: several pages of one blog', () => {
  const pages = [
    { name: 'english-page.txt', text: fixture('english-page.txt') },
    { name: 'nested-numbering.txt', text: fixture('nested-numbering.txt') },
    { name: 'no-comments.txt', text: fixture('no-comments.txt') },
  ];
  const a = parseTextArchives(pages, { postAuthor: 'jens' });

  it('gives one post per page with ids 1, 2, 3 and comment ids unique across the archive', () => {
    expect(a.items.map((i) => [i.id, i.title])).toEqual([
      [1, 'Hello World & Friends'],
      [2, 'Verschachtelte Kommentare'],
      [3, 'Ein Beitrag ohne Kommentare'],
    ]);
    const ids = a.items.flatMap((i) => i.comments.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.items[0]?.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    // the second page's 1..6 clash with the first page's 1..3: renumbered after 3, parents follow
    expect(a.items[1]?.comments.map((c) => [c.id, c.parentId])).toEqual([[4, null], [7, 4], [8, 4], [5, null], [9, 5], [6, null]]);
  });

  it('reports the renumbering with the mapping and the file', () => {
    const d = a.diagnostics.find((x) => x.code === 'I_TEXT_COMMENTS_RENUMBERED');
    expect(d).toMatchObject({ severity: 'info', itemId: 2, file: 'nested-numbering.txt' });
    expect(d?.message).toBe('comment ids 1–6 became 4–9 to stay unique in the archive');
    expect(a.diagnostics.every((x) => typeof x.file === 'string' && x.file !== '')).toBe(true);
  });

  it('merges authors and terms', () => {
    expect(a.authors.map((x) => x.login)).toEqual(['jens']);
    expect(a.terms.map((t) => `${t.taxonomy}:${t.slug}`)).toEqual(['category:news', 'category:updates', 'post_tag:hello', 'post_tag:world', 'category:technik', 'category:alltag']);
  });

  it('reads one string with pages separated by form feeds or ===== lines, not by ----- lines', () => {
    const text = `${fixture('no-comments.txt')}\f${fixture('english-page.txt')}\n=====\nDritter Beitrag\n\nVeröffentlicht am 1. Juli 2011\n\nText\n-----\nmehr Text\n`;
    expect(splitPages(text).map((p) => p.name)).toEqual(['page 1', 'page 2', 'page 3']);
    const b = parseTextArchives(text);
    expect(b.items.map((i) => i.title)).toEqual(['Ein Beitrag ohne Kommentare', 'Hello World & Friends', 'Dritter Beitrag']);
    expect(b.items[2]?.content).toBe('<p>Text<br />\n-----<br />\nmehr Text</p>');
  });

  it('splits a file of the list that holds several pages, named after the file', () => {
    const both = `${fixture('no-comments.txt')}\f${fixture('english-page.txt')}`;
    const b = parseTextArchives([{ name: 'one.txt', text: fixture('nested-numbering.txt') }, { name: 'two.txt', text: both }]);
    expect(b.items.map((i) => i.title)).toEqual(['Verschachtelte Kommentare', 'Ein Beitrag ohne Kommentare', 'Hello World & Friends']);
    const files = new Set(b.diagnostics.map((d) => d.file));
    expect(files.has('one.txt')).toBe(true);
    expect([...files].filter((f) => f?.startsWith('two.txt, page '))).not.toEqual([]);
  });

  it('keeps a file with a ===== heading underline as one page (only form feeds split a file)', () => {
    const text = 'Apfelkuchen\n\nVeröffentlicht am 5. Juni 2013\n\nEin Rezept.\n\nZutaten\n=======\n\n200 g Mehl\n100 g Zucker\n';
    const b = parseTextArchives([{ name: 'a.txt', text }]);
    expect(b.items.map((i) => i.title)).toEqual(['Apfelkuchen']);
    expect(b.items[0]?.content).toContain('200 g Mehl');
  });

  it('no pages: an error diagnostic, no throw', () => {
    expect(parseTextArchives([]).diagnostics.map((d) => d.code)).toEqual(['E_TEXT_NOT_A_PAGE']);
    expect(parseTextArchives('').items).toEqual([]);
  });
});

describe('parseTextArchive: garbage never throws', () => {
  const pieces = fc.constantFrom('Kommentare', '  1. ', '1.1 ', 'sagt:', 'says:', '@', '\n', '\n\n', '    ', 'Veröffentlicht: ', '03.05.2012', ' in ', 'Schreibe einen Kommentar', 'Teilen mit:', '=====', '\f', 'ä', '<b>', '&', ']]>');
  const pageLike = fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }).map((p) => p.join(''));

  it('property: any text gives an archive with items or an error diagnostic, and ids are unique', () => {
    fc.assert(
      fc.property(fc.oneof(pageLike, fc.string({ unit: 'binary' })), (text) => {
        for (const a of [parseTextArchive(text, { postAuthor: 'X' }), parseTextArchives(text)]) {
          if (a.items.length === 0) expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          const ids = a.items.flatMap((i) => i.comments.map((c) => c.id));
          expect(new Set(ids).size).toBe(ids.length);
          for (const item of a.items) for (const c of item.comments) if (c.parentId !== null) expect(ids).toContain(c.parentId);
        }
      }),
      { numRuns: 200 },
    );
  });
});
