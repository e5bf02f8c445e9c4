import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { expect, it } from 'vitest';
import { stripIllegalXmlChars, toWxr } from '../src/emit/wxr.js';
import { WxrError } from '../src/errors.js';
import type { Archive } from '../src/model.js';
import { parseTextArchive, parseTextArchives } from '../src/text/text-archive/index.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, FIXTURES, describeCorpus, listFiles } from './helpers/corpus.js';

/** Every string in a value, mapped. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Array.isArray(value) ? [] : Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

/** The model without what a WXR document cannot carry back (diagnostics, provenance). */
function model(a: Archive): Omit<Archive, 'diagnostics' | 'provenance'> {
  const { diagnostics: _d, provenance: _p, ...rest } = a;
  return rest;
}

/**
 * What `parseWxr(toWxr(a))` gives back for an `a` read from a WXR export: `a` itself, field for field,
 * except for characters that XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR,
 * U+FFFE/U+FFFF, lone surrogates): no XML document can hold them, not even as character
 * references, so `toWxr` removes them. (In the corpus only `wxr-base-url-rewriting.xml` has such a
 * character in its model.) Authors and terms come back exactly as declared: `toWxr` adds
 * declarations only for archives from pages that lack them, never for one read from WXR.
 */
function expected(a: Archive): Omit<Archive, 'diagnostics' | 'provenance'> {
  return mapStrings(model(a), stripIllegalXmlChars);
}

function roundTrip(a: Archive): { xml: string; back: Archive } {
  const xml = toWxr(a);
  return { xml, back: parseWxr(xml) };
}

const xmlFiles = listFiles(CORPUS, '.xml');

/**
 * Files of the corpus that are deliberately not WXR exports (test data of WordPress's importer for its
 * error paths: no or a non-numeric `wp:wxr_version`, no channel). `parseWxr` refuses them even with
 * `recover: true`, so there is no model to write back.
 */
const NOT_EXPORTS = [
  'wordpress-importer/phpunit-data/invalid-version-tag.xml',
  'wordpress-importer/phpunit-data/malformed.xml',
  'wordpress-importer/phpunit-data/missing-version-tag.xml',
];

function readExport(file: string): Archive | WxrError {
  const bytes = readFileSync(join(CORPUS, file));
  try {
    return parseWxr(bytes);
  } catch {
    try {
      return parseWxr(bytes, { recover: true });
    } catch (e) {
      if (e instanceof WxrError) return e;
      throw e;
    }
  }
}

describeCorpus('toWxr round trip: every export in ../shared/corpus', () => {
  const exportsInCorpus = xmlFiles.filter((f) => !NOT_EXPORTS.includes(f));

  it('finds the exports, and parseWxr refuses exactly the files that are not exports', () => {
    expect(exportsInCorpus.length).toBeGreaterThan(50);
    for (const file of NOT_EXPORTS) expect(readExport(file)).toBeInstanceOf(WxrError);
  });

  it.each(exportsInCorpus)('%s', (file) => {
    const first = readExport(file);
    if (first instanceof WxrError) throw first;
    const { xml, back } = roundTrip(first);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model(back)).toEqual(expected(first));
  });
});

describeCorpus('toWxr round trip: the seed page', () => {
  const dir = join(CORPUS, 'seed');
  const text = readFileSync(join(dir, readdirSync(dir).find((n) => n.endsWith('.txt')) ?? ''), 'utf8');

  it('parseWxr(toWxr(a)) equals a, threads included, and the XML is well-formed', () => {
    const a = parseTextArchive(text, { postAuthor: 'Maskierter', siteTitle: 'Der Maskierte', link: 'https://example.wordpress.com/2012/05/03/wenn-kunden/' });
    const { xml, back } = roundTrip(a);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(model(back)).toEqual(model(a));
    const dated = parseTextArchive(text, { postAuthor: 'Maskierter', commentDates: 'post' });
    expect(model(roundTrip(dated).back)).toEqual(model(dated));
    expect(back.items[0]?.comments.filter((c) => c.parentId !== null).length).toBeGreaterThan(5);
    expect(xml).toContain('<wp:comment_parent>1</wp:comment_parent>');
  });
});

it('toWxr round trip: the text fixtures, one archive of several pages', () => {
  const names = ['english-page.txt', 'no-comments.txt', 'nested-numbering.txt'];
  const a = parseTextArchives(names.map((name) => ({ name, text: readFileSync(join(FIXTURES, 'text', name), 'utf8') })), { postAuthor: 'jens' });
  const { xml, back } = roundTrip(a);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(model(back)).toEqual(model(a));
});

it('toWxr round trip: a hand-made archive with the hard cases', () => {
  const tricky = 'Tom &amp; Jerry & <b>bold</b> ]]> &#8230; \\ "q" \r\n end]';
  const a: Archive = {
    site: { title: 'Blog & Co &amp;', link: 'https://example.org', description: 'two\r\nlines', language: 'de-DE', wxrVersion: '1.1', baseSiteUrl: 'https://example.org', baseBlogUrl: 'https://blog.example.org', generator: 'https://wordpress.org/?v=3.2', exportedAt: '2012-05-03T19:15:00Z', extra: Object.assign(Object.create(null), { 'atom:link': [''], image: ['<url>https://example.org/i.png</url><title>x &amp; y</title>'] }) },
    authors: [{ id: 2, login: 'jens', email: 'j@example.org', displayName: 'Jens & Co', firstName: 'Jens', lastName: '' }],
    terms: [
      { id: 3, taxonomy: 'category', slug: 'eltern', name: 'Eltern &amp; Kinder', parentSlug: null, description: tricky, meta: [{ key: 'k', value: tricky }] },
      { id: 4, taxonomy: 'category', slug: 'kind', name: 'Kind', parentSlug: 'eltern', description: '', meta: [] },
      { id: null, taxonomy: 'post_tag', slug: 'tag', name: 'Tag', parentSlug: null, description: '', meta: [] },
      { id: 5, taxonomy: 'genre', slug: 'krimi', name: 'Krimi', parentSlug: null, description: '', meta: [] },
    ],
    items: [
      {
        id: 10, type: 'post', status: 'publish', title: tricky.trim(), slug: 'tricky', link: 'https://example.org/?p=10&x=1', guid: 'https://example.org/?p=10',
        author: 'jens', date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z', modified: '2012-05-04T10:00:00', modifiedGmt: '2012-05-05T11:11:00Z',
        content: tricky, excerpt: tricky, parentId: 9, menuOrder: 3, commentStatus: 'open', pingStatus: 'closed', password: 'pw', sticky: true, attachmentUrl: null,
        terms: [{ taxonomy: 'category', slug: 'kind', name: 'Kind' }, { taxonomy: 'post_format', slug: 'post-format-aside', name: 'Aside &amp; more' }],
        meta: [{ key: '_thumbnail_id', value: '12' }, { key: 'serialized', value: 'a:1:{s:1:"a";s:3:"]]>";}' }],
        comments: [
          { id: 1, parentId: null, author: 'Max', authorEmail: 'm@example.org', authorUrl: 'https://m.example.org/?a=1&b=2', authorIp: '127.0.0.1', userId: null, date: '2012-05-03T22:00:00+02:00', dateGmt: '2012-05-03T20:00:00Z', content: tricky, approved: '1', type: 'comment', meta: [{ key: 'akismet', value: 'x' }] },
          { id: 2, parentId: 1, author: 'Jens', authorEmail: '', authorUrl: '', authorIp: '', userId: 2, date: null, dateGmt: null, content: '@Max: danke', approved: '0', type: 'pingback', meta: [], extra: Object.assign(Object.create(null), { 'foo:bar': ['<foo:baz a="1">t</foo:baz>'] }) },
          { id: 3, parentId: 99, author: '', authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: '2012-05-03T23:00:00+02:00', dateGmt: null, content: '', approved: 'trash', type: 'comment', meta: [] },
        ],
        extra: Object.assign(Object.create(null), { description: ['a summary &#8230; <a href=\'x\'>more</a>'], 'wp:unknown_field': ['v'] }),
      },
      {
        id: 11, type: 'page', status: 'draft', title: '', slug: '', link: '', guid: '', author: null, date: null, dateGmt: null, modified: null, modifiedGmt: null,
        content: '', excerpt: '', parentId: null, menuOrder: 0, commentStatus: '', pingStatus: '', password: '', sticky: false, attachmentUrl: 'https://example.org/a.png',
        terms: [], meta: [], comments: [],
      },
    ],
    diagnostics: [],
  };
  const { xml, back } = roundTrip(a);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(model(back)).toEqual(model(a));
});
