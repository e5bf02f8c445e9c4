/**
 * Facts of single real exports of ../shared/corpus that the QA pass found wrong: each row names the
 * file, the item and the value WordPress itself shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Archive } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';

const cache = new Map<string, Archive>();
const load = (file: string): Archive => {
  let archive = cache.get(file);
  if (!archive) cache.set(file, (archive = parseWxr(readFileSync(join(CORPUS, file)))));
  return archive;
};

describeCorpus('corpus facts: dates', () => {
  it('items whose only date is the RSS pubDate are dated from it (ghost feature-image-captions)', () => {
    const a = load('ghost-migrate-mg-wp-xml/feature-image-captions.xml');
    expect(a.items.map((i) => i.dateGmt)).toEqual(['2013-06-07T03:00:44Z', '2013-06-07T03:00:44Z', '2013-06-07T03:00:44Z', '2017-10-09T01:30:56Z', '2017-10-09T01:30:56Z']);
    expect(a.items.every((i) => i.date !== null)).toBe(true);
    expect(a.diagnostics.filter((d) => d.code === 'W_DATE_FROM_PUBDATE')).toHaveLength(5);
  });
  it('an attachment with only a GMT date gets a date (wordpress-to-astro 1234)', () => {
    const item = load('wordpress-to-astro-fixture/wordpress.xml').items.find((i) => i.id === 1234);
    expect(item?.dateGmt).toBe('2023-10-24T15:25:20Z');
    expect(item?.date).not.toBeNull();
    expect(Date.parse(item?.date ?? '')).toBe(Date.parse('2023-10-24T15:25:20Z'));
  });
  it('a February draft after summer posts takes the offset of its own modified date (de-wptester 12017)', () => {
    const item = load('de-wptester/wptester.WordPress.2022-10-26.xml').items.find((i) => i.id === 12017);
    expect(item).toMatchObject({ status: 'draft', date: '2022-02-19T19:59:32+01:00', dateGmt: null, modified: '2022-02-19T19:59:32+01:00' });
  });
});

describeCorpus('corpus facts: terms written twice', () => {
  it.each([
    // file, terms, W_DUPLICATE_TERM diagnostics that name a difference
    ['de-kuesters-net/wordpress.xml', 143, 0],
    ['wordpress-importer/phpunit-data/theme-unit-test-data.xml', 184, 0], // EXPECTED.md: 68 categories, 110 tags, 6 menus,
    ['theme-test-data/64-block-test-data.xml', null, 6],
  ])('%s: the first block of each taxonomy and slug is kept', (file, count, differing) => {
    const a = load(file);
    const keys = a.terms.map((t) => `${t.taxonomy}|${t.slug}`);
    expect(new Set(keys).size).toBe(keys.length);
    if (count !== null) expect(a.terms).toHaveLength(count);
    const notes = a.diagnostics.filter((d) => d.code === 'W_DUPLICATE_TERM');
    expect(notes.filter((d) => d.message.includes('differs in'))).toHaveLength(differing);
    expect(notes.every((d) => d.severity === 'info')).toBe(true);
  });
});

describeCorpus('corpus facts: site', () => {
  it.each([
    ['de-meyer-consulting-sqlblog/wordpress-export.xml', 'http://wordpress.com/'],
    ['wordpress-importer/e2e-fixtures/wxr-comprehensive.xml', 'https://wordpress.org/?v=6.5.4'],
  ])('%s: the generator written after the terms is the site generator', (file, generator) => {
    expect(load(file).site.generator).toBe(generator);
  });
});
