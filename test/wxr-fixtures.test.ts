/** fixtures/wxr: one quirk per file, discovered automatically; the table says what each must give. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../src/model.js';
import { codes, fixture, parseWxr, thrown, wxr, WXR_FIXTURES } from './wxr-helpers.js';

interface Expectation {
  /** Default mode: diagnostic codes (in order), or the error code thrown. */
  codes?: string[];
  error?: string;
  /** The error code under `strict: true` (defaults to the same result as the default mode). */
  strict?: string;
  /** Items kept by `recover: true` when the default mode throws. */
  recovered?: number;
  check?: (a: Archive) => void;
}

const EXPECTATIONS: Record<string, Expectation> = {
  'minimal-wxr12.xml': {
    codes: [],
    check: (a) => {
      expect(a.site).toMatchObject({ title: 'Fixture Blog', language: 'de-DE', wxrVersion: '1.2', generator: 'WordPress/6.5.4', exportedAt: '2024-06-10T12:29:00Z' });
      expect(a.items.map((i) => [i.id, i.title, i.date, i.dateGmt])).toEqual([
        [1, 'Hello', '2024-06-05T14:00:00+02:00', '2024-06-05T12:00:00Z'],
        [2, 'Zweiter Beitrag', '2024-06-05T14:00:00+02:00', '2024-06-05T12:00:00Z'],
      ]);
      expect(a.authors).toEqual([{ id: 1, login: 'admin', email: 'admin@example.org', displayName: 'Admin', firstName: '', lastName: '' }]);
    },
  },
  'duplicate-post-id.xml': { codes: ['W_DUPLICATE_ID'], check: (a) => expect(a.items.map((i) => i.id)).toEqual([7, 7]) },
  'version-newer-1.3.xml': { codes: ['W_WXR_VERSION_NEWER'], check: (a) => expect(a.site.wxrVersion).toBe('1.3') },
  'amp-unescaped-author-url.xml': {
    codes: ['W_AMP_UNESCAPED'],
    strict: 'E_XML_SYNTAX',
    check: (a) => {
      expect(a.items[0]?.comments[0]).toMatchObject({ id: 5, authorUrl: 'http://eve.example/?a=1&b=2', type: 'comment', parentId: null, userId: null });
      expect(a.diagnostics[0]).toMatchObject({ line: 36, column: 50 });
    },
  },
  'atom-prefix-undeclared.xml': {
    codes: ['W_PREFIX_UNDECLARED', 'W_CHANNEL_ELEMENT_LATE'],
    strict: 'E_STRICT',
    check: (a) => expect(a.items).toHaveLength(1),
  },
  'php-warning-before-declaration.xml': {
    codes: ['W_TEXT_OUTSIDE_ROOT', 'W_TEXT_OUTSIDE_ROOT'],
    strict: 'E_XML_SYNTAX',
    check: (a) => expect(a.diagnostics.map((d) => d.line)).toEqual([2, 38]),
  },
  'raw-cdata-end-wxr11.xml': {
    codes: ['W_CDATA_END_REPAIRED'],
    strict: 'E_XML_SYNTAX',
    check: (a) => expect(a.items[0]?.content).toBe('<script>//<![CDATA[\nvar a = 1;\n//]]></script><p>after</p>'),
  },
  'unknown-elements-extra.xml': {
    codes: [],
    check: (a) => {
      const extra = a.items[0]?.extra ?? {};
      expect(Object.getPrototypeOf(extra)).toBeNull();
      expect(Object.keys(extra)).toEqual(['__proto__', 'constructor', 'plugin:thing']);
      expect(extra['__proto__']).toEqual(['<polluted>yes</polluted>']);
      expect(extra['plugin:thing']).toEqual(['kept & escaped']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(JSON.parse(JSON.stringify(a.items[0])).extra.__proto__).toEqual(['<polluted>yes</polluted>']);
    },
  },
  'truncated-after-item.xml': { error: 'E_TRUNCATED', recovered: 2 },
  'crossed-tags.xml': { error: 'E_TAG_MISMATCH', recovered: 0 },
  'doctype-entities.xml': { error: 'E_DOCTYPE' },
  'zero-dates-draft.xml': {
    codes: ['W_DATE_ZERO'],
    check: (a) => {
      expect(a.items[0]).toMatchObject({ status: 'draft', dateGmt: null, date: '2024-06-05T14:00:00' });
      expect(a.diagnostics[0]).toMatchObject({ severity: 'info', itemId: 3 });
    },
  },
  'draft-offset-from-modified.xml': {
    codes: ['W_DATE_ZERO', 'W_DATE_ZERO'],
    check: (a) => {
      // A summer post (+02:00) before a February draft: the draft takes the offset of its own modified pair.
      expect(a.items.map((i) => [i.id, i.date, i.dateGmt, i.modified])).toEqual([
        [1, '2022-07-01T12:00:00+02:00', '2022-07-01T10:00:00Z', '2022-07-02T12:00:00+02:00'],
        [2, '2022-02-19T19:59:32+01:00', null, '2022-02-19T19:59:32+01:00'],
        [3, '2022-02-20T10:00:00+01:00', null, null],
      ]);
      expect(a.diagnostics[0]).toMatchObject({ severity: 'info', itemId: 2, line: 28 });
      expect(a.diagnostics[0]?.message).toContain("offset of the item's own modified date");
      expect(a.diagnostics[1]?.message).toContain('offset of the dates read before it');
    },
  },
  'terms-written-twice.xml': {
    codes: ['W_DUPLICATE_TERM', 'W_DUPLICATE_TERM'],
    check: (a) => {
      // WordPress writes categories and tags again as <wp:term>, nav_menu terms twice: the first of each is kept.
      expect(a.terms.map((t) => [t.taxonomy, t.slug, t.name, t.id])).toEqual([
        ['category', 'design', 'Design', 2],
        ['category', 'news', 'News', 3],
        ['post_tag', 'api', 'API', 5],
        ['post_tag', '', 'no slug', 6],
        ['post_tag', '', 'no slug either', 7],
        ['post_tag', 'news', 'News', 9],
        ['nav_menu', 'main', 'Main', 11],
      ]);
      expect(a.terms[0]?.description).toBe('Blocks in the design category');
      const [differs, same] = a.diagnostics;
      expect(differs).toMatchObject({ severity: 'info', line: 19 });
      expect(differs?.message).toContain('category term "design" is written again (first at line 14)');
      expect(differs?.message).toContain('differs in description');
      expect(differs?.message).toContain('"All blocks in the design category"');
      expect(same).toMatchObject({ severity: 'info', line: 20 });
      expect(same?.message).toMatch(/^3 terms are written twice/);
    },
  },
  'cdata-then-reference-wxr11.xml': {
    // Well-formed: a "]]>" followed by a reference, more CDATA or a comment ends the section, even in WXR 1.1.
    codes: [],
    check: (a) => expect([a.items[0]?.title, a.items[0]?.content]).toEqual(['Fish & Chips', 'a&b']),
  },
  'extra-attributes-enclosure.xml': {
    codes: [],
    check: (a) => {
      // An unknown element with attributes is kept whole (attributes and content); without, its content as before.
      const extra = a.items[0]?.extra ?? {};
      expect(extra['enclosure']).toEqual(['<enclosure url="https://example.org/e1.mp3?a=1&amp;b=2" length="123" type="audio/mpeg"/>']);
      expect(extra['site']).toEqual(['18470099']);
      expect(extra['media:thumbnail']).toEqual(['<media:thumbnail url="https://example.org/t.jpg">caption &amp; more</media:thumbnail>']);
    },
  },
  'comment-author-entity-escaped.xml': {
    codes: [],
    check: (a) => {
      // WordPress stores comment authors entity-escaped (a pingback's author is the linking page's title): decoded like titles.
      expect(a.items[0]?.comments.map((c) => [c.type, c.author, c.content])).toEqual([
        ['pingback', 'Carlos Ferry\u2019s blog \u00bb Funniest IRC Log', '[...] read this [...]'],
        ['comment', 'Tom & Jerry', 'Nice &amp; short'],
      ]);
    },
  },
  'comment-approved-missing.xml': {
    codes: [],
    check: (a) => expect(a.items[0]?.comments[0]).toMatchObject({ id: 9, approved: '1', type: 'comment' }),
  },
  'generator-late-no-comment.xml': {
    codes: ['W_CHANNEL_ELEMENT_LATE'],
    check: (a) => {
      // Where WordPress writes it (after authors and terms), with no generator comment before the root.
      expect(a.site.generator).toBe('https://wordpress.org/?v=6.5.4');
      expect(a.diagnostics[0]).toMatchObject({ severity: 'info', line: 15, column: 2 });
    },
  },
  'item-dates-pubdate-or-gmt-only.xml': {
    codes: ['W_DATE_FROM_PUBDATE', 'W_DATE_ZERO', 'W_DATE_ZERO', 'W_DATE_FROM_PUBDATE', 'W_DATE_ZERO', 'W_DATE_INVALID'],
    check: (a) => {
      expect(a.items.map((i) => [i.id, i.date, i.dateGmt])).toEqual([
        [1, '2013-06-07T03:00:44+00:00', '2013-06-07T03:00:44Z'], // no offset known yet: the GMT time
        [2, '2023-10-24T15:25:20+00:00', '2023-10-24T15:25:20Z'],
        [3, '2023-10-24T16:25:28+01:00', '2023-10-24T15:25:28Z'],
        [4, '2023-10-24T16:25:20+01:00', '2023-10-24T15:25:20Z'], // the offset read before it
        [5, '2013-06-07T05:00:44+02:00', '2013-06-07T03:00:44Z'], // the pubDate's own zone
        [6, '2023-07-01T12:00:00+02:00', '2023-07-01T10:00:00Z'], // its own modified pair
        [7, null, null],
      ]);
      expect(a.diagnostics.map((d) => [d.severity, d.itemId, d.line])).toEqual([
        ['info', 1, 15],
        ['info', 2, 24],
        ['info', 4, 40],
        ['info', 5, 46],
        ['info', 6, 54],
        ['warning', 7, 62],
      ]);
      expect(a.diagnostics[0]?.message).toContain('taken from its pubDate "Fri, 07 Jun 2013 03:00:44 +0000"');
      expect(a.diagnostics[4]?.message).toContain("the offset of the item's own modified date");
    },
  },
  'wxr10-legacy-terms.xml': {
    codes: [],
    check: (a) => {
      expect(a.items[0]?.terms).toEqual([
        { taxonomy: 'category', slug: 'news', name: 'News' },
        { taxonomy: 'post_tag', slug: 'chicken', name: 'Chicken' },
      ]);
      expect(a.authors).toEqual([{ id: null, login: 'Jane Doe', email: '', displayName: 'Jane Doe', firstName: '', lastName: '' }]);
      expect(a.terms.map((t) => t.taxonomy)).toEqual(['category', 'post_tag']);
    },
  },
  'control-chars.xml': {
    codes: ['W_CHAR_REMOVED', 'W_CHAR_REMOVED', 'W_CHAR_REMOVED'],
    strict: 'E_CHAR',
    check: (a) => expect([a.items[0]?.title, a.items[0]?.content]).toEqual(['Title', 'abc']),
  },
  'latin1-declared.xml': { codes: ['W_ENCODING_LEGACY'], check: (a) => expect(a.items[0]?.title).toBe('Grüße aus Köln') },
  'utf16le-bom.xml': { codes: ['W_UTF16'], check: (a) => expect(a.items[0]?.title).toBe('Grüße 😀') },
  'values-padded-reserialized.xml': {
    codes: [],
    check: (a) => {
      // Names, slugs, statuses and passwords are never padded by WordPress: the padding is the re-serializer's.
      expect(a.site.description).toBe('Just a fixture');
      expect(a.authors).toEqual([{ id: 1, login: 'admin', email: '', displayName: 'Thomas LaRock', firstName: 'Thomas', lastName: 'LaRock' }]);
      expect(a.terms.map((t) => [t.taxonomy, t.slug, t.name, t.parentSlug])).toEqual([
        ['category', 'aws', 'AWS', null],
        ['post_tag', 'cloud', 'Cloud', null],
      ]);
      const [post, locked] = a.items;
      expect(post).toMatchObject({ title: 'Hello', slug: 'hello', status: 'publish', type: 'post', author: 'admin', commentStatus: 'open', password: '' });
      expect(post?.date).toBe('2020-02-01T12:06:23-05:00');
      expect(post?.terms).toEqual([{ taxonomy: 'category', slug: 'aws', name: 'AWS' }]);
      expect(post?.comments[0]).toMatchObject({ author: 'Eve', approved: '1', type: 'comment', date: '2020-02-02T12:00:00-05:00' });
      expect(locked?.password).toBe('secret');
      // Content, excerpt, descriptions and meta values stay as written.
      expect(post?.content).toBe('\n <p>Body</p> \n');
      expect(post?.excerpt).toBe('\n \n');
      expect(a.terms[0]?.description).toBe('\n Amazon \n');
      expect(post?.meta).toEqual([{ key: '_et_pb_use_builder', value: '\n off \n' }]);
      expect(post?.comments[0]?.content).toBe('\n Nice \n');
    },
  },
  'invalid-utf8.xml': { codes: ['W_INVALID_UTF8'], strict: 'E_ENCODING', check: (a) => expect(a.items[0]?.title).toBe('caf\uFFFD(') },
};

describe('fixtures/wxr', () => {
  const files = readdirSync(WXR_FIXTURES).filter((f) => f.endsWith('.xml'));
  it('every fixture has an expectation and every expectation a fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });
  for (const file of files) {
    const want = EXPECTATIONS[file] ?? {};
    it(file, () => {
      const bytes = fixture(file);
      if (want.error) {
        expect(thrown(() => parseWxr(bytes))?.code).toBe(want.error);
        if (want.recovered === undefined) expect(thrown(() => parseWxr(bytes, { recover: true }))?.code).toBe(want.error);
        else {
          const r = parseWxr(bytes, { recover: true });
          expect(r.items).toHaveLength(want.recovered);
          expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([want.error]);
        }
        return;
      }
      const a = parseWxr(bytes);
      expect(codes(a)).toEqual(want.codes);
      want.check?.(a);
      if (want.strict) expect(thrown(() => parseWxr(bytes, { strict: true }))?.code).toBe(want.strict);
      else expect(codes(parseWxr(bytes, { strict: true }))).toEqual(want.codes);
    });
  }
});

describe('terms written twice with long descriptions (the check keeps a fingerprint of each first term)', () => {
  const cat = (description: string): string =>
    `<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>kunden</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Kunden]]></wp:cat_name><wp:category_description><![CDATA[${description}]]></wp:category_description></wp:category>`;
  const long = 'Alles über unsere Kunden, '.repeat(20);
  it.each([
    ['the same long description: one counted repeat, no difference named', long, long, 0],
    ['long descriptions that differ only after the shown start: the difference is named', long, `${long}und mehr`, 1],
  ])('%s', (_name, first, again, named) => {
    const a = parseWxr(wxr('', '1.2', cat(first) + cat(again)));
    expect(a.terms).toHaveLength(1);
    expect(a.terms[0]?.description).toBe(first);
    const dups = a.diagnostics.filter((d) => d.code === 'W_DUPLICATE_TERM');
    expect(dups.filter((d) => d.message.includes('differs in description'))).toHaveLength(named);
  });
});
