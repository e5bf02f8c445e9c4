/**
 * Every parsing fact of ../shared/corpus/wordpress-importer/EXPECTED.md that our model can express.
 * Where our model differs from the importer's raw arrays on purpose (tag -> post_tag, WXR 1.0
 * authors derived from dc:creator), the test says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive, Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';

const DATA = join(CORPUS, 'wordpress-importer', 'phpunit-data');
const E2E = join(CORPUS, 'wordpress-importer', 'e2e-fixtures');
const cache = new Map<string, Archive>();
const load = (file: string, dir = DATA): Archive => {
  const key = join(dir, file);
  let archive = cache.get(key);
  if (!archive) cache.set(key, (archive = parseWxr(readFileSync(key))));
  return archive;
};
const terms = (item: Item | undefined) => item?.terms.map((t) => [t.name, t.slug, t.taxonomy]);
const metaOf = (item: Item | undefined) => item?.meta.map((m) => [m.key, m.value]);

describeCorpus('EXPECTED.md: cross-file counts', () => {
  it.each([
    ['wxr-simple.xml', 1, 1],
    ['valid-wxr-1.0.xml', 6, 1], // upstream: 0 authors; we derive the one dc:creator (WXR 1.0 rule)
    ['valid-wxr-1.1.xml', 2, 1],
    ['wxr-utf-8-challenges.xml', 1, 1],
    ['a11y-unit-test-data.xml', 154, 1],
    ['theme-unit-test-data.xml', 186, 2],
    ['wxr-with-sub-data.xml', 1, 0],
    ['crazy-cdata-escaped.xml', 1, 0],
  ])('%s: %i posts, %i authors, valid version', (file, posts, authors) => {
    const a = load(file);
    expect(a.items).toHaveLength(posts);
    expect(a.authors).toHaveLength(authors);
    expect(a.site.wxrVersion).toMatch(/^\d+\.\d+$/);
  });
});

describeCorpus('EXPECTED.md: valid-wxr-1.0.xml', () => {
  const a = () => load('valid-wxr-1.0.xml');
  it('channel, first category and tag', () => {
    expect(a().site.baseSiteUrl).toBe('http://localhost/');
    const cat = a().terms.find((t) => t.taxonomy === 'category');
    expect(cat).toMatchObject({ slug: 'alpha', name: 'alpha', parentSlug: null, description: 'The alpha category' });
    expect(a().terms.find((t) => t.taxonomy === 'post_tag')).toMatchObject({ slug: 'chicken', name: 'chicken' });
    expect(a().terms.find((t) => t.slug === 'child')?.parentSlug).toBe('parent');
  });
  it('six posts in file order, terms de-duplicated from the legacy forms, tag -> post_tag', () => {
    const items = a().items;
    expect(items.map((i) => i.id)).toEqual([1, 2, 4, 6, 8, 10]);
    expect(terms(items[0])).toEqual([['Uncategorized', 'uncategorized', 'category']]);
    expect(terms(items[2])).toEqual([
      ['alpha', 'alpha', 'category'],
      ['news', 'news', 'post_tag'],
      ['roar', 'roar', 'post_tag'],
    ]);
    expect(terms(items[3])).toEqual([
      ['chicken', 'chicken', 'post_tag'],
      ['child', 'child', 'category'],
      ['face', 'face', 'post_tag'],
    ]);
    expect(metaOf(items[1])).toEqual([['_wp_page_template', 'default']]);
    expect(items[4]).toMatchObject({ type: 'page', slug: 'child-post', parentId: 10 });
    expect(items.reduce((n, i) => n + i.meta.length, 0)).toBe(13);
  });
  it('the one comment keeps &#039; literal (CDATA) and maps empty type, parent 0 and user 0', () => {
    const c = a().items[0]?.comments[0];
    expect(c).toMatchObject({ author: 'Mr WordPress', approved: '1', type: 'comment', parentId: null, userId: null });
    expect(c?.content).toContain('&#039;');
  });
  it('authors derived from dc:creator, generator from the first <generator>', () => {
    expect(a().authors).toEqual([{ id: null, login: 'admin', email: '', displayName: 'admin', firstName: '', lastName: '' }]);
    expect(a().site.generator).toBe('http://wordpress.org/?v=3.0.1');
  });
});

describeCorpus('EXPECTED.md: valid-wxr-1.1.xml (CRLF)', () => {
  const a = () => load('valid-wxr-1.1.xml');
  it('author, category, tag, term', () => {
    expect(a().authors[0]).toEqual({ id: 2, login: 'john', email: 'johndoe@example.org', displayName: 'John Doe', firstName: 'John', lastName: 'Doe' });
    expect(a().terms.map((t) => [t.id, t.taxonomy, t.slug, t.name, t.parentSlug, t.description])).toEqual([
      [3, 'category', 'alpha', 'alpha', null, 'The alpha category'],
      [22, 'post_tag', 'clippable', 'Clippable', null, 'The Clippable post_tag'],
      [40, 'post_tax', 'bieup', 'bieup', null, 'The bieup post_tax'],
    ]);
  });
  it('posts, their terms and meta; no CR survives', () => {
    const [p0, p1] = a().items;
    expect(terms(p0)).toEqual([
      ['alpha', 'alpha', 'category'],
      ['Clippable', 'clippable', 'post_tag'],
      ['bieup', 'bieup', 'post_tax'],
    ]);
    expect(p0?.modified).toBeNull();
    expect(p0?.attachmentUrl).toBeNull();
    expect(metaOf(p1)).toEqual([['_wp_page_template', 'default']]);
    expect(JSON.stringify(a())).not.toContain('\\r');
    expect(p0?.comments[0]?.content).toContain('&#039;');
  });
});

describeCorpus('EXPECTED.md: small-export.xml', () => {
  const a = () => load('small-export.xml');
  it('authors, 30 categories, 3 tags', () => {
    expect(a().authors.map((x) => [x.login, x.email])).toEqual([
      ['admin', 'local@host.null'],
      ['editor', 'editor@example.org'],
      ['author', 'author@example.org'],
    ]);
    expect(a().authors[1]).toMatchObject({ firstName: 'FirstName', lastName: 'LastName' });
    expect(a().terms.filter((t) => t.taxonomy === 'category')).toHaveLength(30);
    expect(a().terms.filter((t) => t.taxonomy === 'post_tag').map((t) => t.slug)).toEqual(['tag1', 'tag2', 'tag3']);
    expect(a().terms.find((t) => t.slug === 'foo-bar')?.parentSlug).toBe('bar');
    expect(a().terms.find((t) => t.slug === 'foo')?.parentSlug).toBeNull();
    expect(a().terms.find((t) => t.slug === 'eternity')?.name).toBe('远征手记');
  });
  it('11 items with their titles, slugs, creators, types, statuses', () => {
    const rows = a().items.map((i) => [i.id, i.title, i.slug, i.author, i.type, i.status]);
    expect(rows).toEqual([
      [1, 'Hello world!', 'hello-world', 'author', 'post', 'publish'],
      [2, 'Sample Page', 'sample-page', 'admin', 'page', 'publish'],
      [4, 'Child Page', 'child-page', 'admin', 'page', 'publish'],
      [6, 'Parent Page', 'parent-page', 'admin', 'page', 'publish'],
      [9, 'Draft Page', '', 'admin', 'page', 'draft'],
      [11, '1-col page', '1-col-page', 'admin', 'page', 'publish'],
      [13, 'Private Post', 'private-post', 'admin', 'post', 'private'],
      [15, 'Foo-child', 'foo-child', 'editor', 'post', 'publish'],
      [17, 'Top-level Foo', 'top-level-foo', 'admin', 'post', 'publish'],
      [19, 'Non-standard post format', 'non-standard-post-format', 'admin', 'post', 'publish'],
      [22, 'Many Categories', 'many-categories', 'admin', 'post', 'publish'],
    ]);
    const byId = new Map(a().items.map((i) => [i.id, i]));
    expect(byId.get(4)?.parentId).toBe(6);
    expect(byId.get(6)?.parentId).toBeNull();
    expect(byId.get(1)?.comments).toHaveLength(1);
    expect(metaOf(byId.get(11))).toContainEqual(['_wp_page_template', 'onecolumn-page.php']);
    expect(byId.get(13)?.terms.filter((t) => t.taxonomy === 'post_tag').map((t) => t.slug)).toEqual(['tag1', 'tag2', 'tag3']);
    expect(byId.get(15)?.terms.map((t) => [t.taxonomy, t.slug])).toEqual([['category', 'foo-bar']]);
    expect(byId.get(17)?.terms.map((t) => [t.taxonomy, t.slug])).toEqual([['category', 'foo']]);
    expect(byId.get(19)?.terms).toContainEqual({ taxonomy: 'post_format', slug: 'post-format-aside', name: 'Aside' });
    expect(byId.get(22)?.terms.filter((t) => t.taxonomy === 'category')).toHaveLength(27);
  });
  it('the draft page: zero GMT date is not an invalid date, and is reported', () => {
    const draft = a().items.find((i) => i.id === 9);
    expect(draft?.dateGmt).toBeNull();
    expect(draft?.date).not.toBeNull();
    expect(a().diagnostics).toContainEqual(expect.objectContaining({ code: 'W_DATE_ZERO', itemId: 9 }));
  });
});

describeCorpus('EXPECTED.md: slashes, CDATA, whitespace, backslashes', () => {
  it('slashes.xml: backslashes survive exactly', () => {
    const a = load('slashes.xml');
    expect(a.terms.find((t) => t.slug === 'alpha')?.name).toBe('a \\"great\\" category');
    expect(a.terms.find((t) => t.slug === 'tag1')?.name).toBe("foo\\'bar");
    expect(a.items[0]?.content).toBe('Slashes aren\\\'t \\"cool\\"');
    expect(a.items[0]?.comments[0]?.content).toBe('\\o/ ¯\\_(ツ)_/¯');
    expect(a.items[0]?.author).toBe('author');
  });
  it('crazy-cdata-escaped.xml: split CDATA joined; exactly three meta', () => {
    const a = load('crazy-cdata-escaped.xml');
    expect(a.items[0]?.content).toBe('Content with nested <![CDATA[ tags ]]> :)');
    expect(metaOf(a.items[0])).toEqual([
      ['Plain string', 'Foo'],
      ['Closing CDATA', ']]>'],
      ['Alot of CDATA', 'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>'],
    ]);
    expect(a.site.title).toBe('');
    expect(a.site.baseBlogUrl).toBe(a.site.baseSiteUrl);
  });
  it('crazy-cdata.xml: ill-formed; repaired by default like the regex parser, an error in strict mode', () => {
    const bytes = readFileSync(join(DATA, 'crazy-cdata.xml'));
    const a = parseWxr(bytes);
    const escaped = load('crazy-cdata-escaped.xml');
    expect(a.items[0]?.content).toBe(escaped.items[0]?.content);
    expect(a.items[0]?.meta).toEqual(escaped.items[0]?.meta);
    expect(a.diagnostics[0]).toMatchObject({ code: 'W_CDATA_END_REPAIRED', line: 18 });
    expect(() => parseWxr(bytes, { strict: true })).toThrow(expect.objectContaining({ code: 'E_XML_SYNTAX', line: 18 }));
  });
  it('serialized meta stays byte-for-byte', () => {
    const nocdata = load('test-serialized-postmeta-no-cdata.xml').items[0];
    expect(nocdata?.meta.find((m) => m.key === 'post-options')?.value).toMatch(/^a:2:\{s:18:"special_post_title";s:15:"A special title"/);
    const withCdata = load('test-serialized-postmeta-with-cdata.xml').items[0];
    expect(withCdata?.meta).toHaveLength(7);
    expect(withCdata?.meta.find((m) => m.key === 'contains-html')?.value).toBe('<pre>some html</pre>');
    expect(withCdata?.meta.find((m) => m.key === 'evil')?.value).toBe('<wp:meta_value>evil</wp:meta_value>');
    expect(withCdata?.meta.find((m) => m.key === 'string')?.value).toBe('¯\\_(ツ)_/¯');
    expect(withCdata?.meta.find((m) => m.key === 'integer')?.value).toBe('1');
    expect(load('test-utw-post-meta-import.xml').items[0]?.meta.find((m) => m.key === 'test')?.value).toMatch(/^a:13:\{/);
    expect(load('chunked-meta.xml').items[0]?.meta[0]?.value).toBe('a:1:{s:3:"foo";s:3:"bar";}');
  });
  it('comment meta and term meta', () => {
    expect(metaOf(load('test-serialized-comment-meta.xml').items[0]?.comments[0] as unknown as Item)).toEqual([
      ['string', '¯\\_(ツ)_/¯'],
      ['array', 'a:1:{s:3:"key";s:13:"¯\\_(ツ)_/¯";}'],
    ]);
    const t = load('test-serialized-term-meta.xml').terms;
    expect(t.map((x) => [x.taxonomy, x.slug])).toEqual([
      ['category', 'category'],
      ['post_tag', 'post_tag'],
      ['custom_taxonomy', 'custom_taxonomy'],
    ]);
    for (const term of t) {
      expect(term.meta.map((m) => [m.key, m.value])).toEqual([
        ['string', '¯\\_(ツ)_/¯'],
        ['array', 'a:1:{s:3:"key";s:13:"¯\\_(ツ)_/¯";}'],
      ]);
    }
    expect(t[1]?.description).toBe('¯\\_(ツ)_/¯');
  });
  it('term-formats.xml: 2 categories, 3 tags, 2 terms, no items, id in CDATA', () => {
    const a = load('term-formats.xml');
    expect(a.items).toHaveLength(0);
    expect(a.authors).toHaveLength(0);
    expect(a.site.baseSiteUrl).toBe('http://localhost/');
    expect(a.terms.filter((t) => t.taxonomy === 'category')).toHaveLength(2);
    expect(a.terms.filter((t) => t.taxonomy === 'post_tag')).toHaveLength(3);
    const rest = a.terms.filter((t) => t.taxonomy !== 'category' && t.taxonomy !== 'post_tag');
    expect(rest).toHaveLength(2);
    expect(a.terms.some((t) => t.id === 6)).toBe(true);
    expect(a.terms.find((t) => t.taxonomy === 'nav_menu')).toMatchObject({ id: 7, slug: 'menu' });
  });
  it('blank lines, tabs, backslashes and multiple CDATA sections', () => {
    expect(load('blank-lines.xml').items[0]?.content).toBe('first paragraph\n\nsecond paragraph');
    expect(load('post-content-blank-lines.xml').items[0]?.content.split('\n')).toHaveLength(4);
    expect(load('post-content-blank-lines.xml').items[0]?.content).toMatch(/\n\t/);
    expect(load('backslashes.xml').items[0]?.content).toBe('C:\\xampp\\htdocs\\wp-content');
    expect(load('multiple-cdata.xml').items[0]?.content.trim()).toBe('line oneline twoline three');
    expect(load('cdata-edge.xml').items[0]?.content).toBe('ends with sequence ]] >');
  });
  it('missing-tags.xml: defaults quietly', () => {
    const a = load('missing-tags.xml');
    expect(a.diagnostics).toEqual([]);
    expect(a.items[0]).toMatchObject({ author: null, guid: '', date: null, dateGmt: null, excerpt: '' });
  });
  it('large-authors.xml (no final newline): 300 authors', () => {
    const a = load('large-authors.xml');
    expect(a.authors).toHaveLength(300);
    expect(a.authors[299]).toMatchObject({ id: 300, login: 'user300', email: 'user300@example.com' });
  });
  it('authors-multiline.xml: logins trimmed, the stray <wp:author> in the item does not reset it', () => {
    const a = load('authors-multiline.xml');
    expect(a.authors.map((x) => x.login).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(a.items).toHaveLength(1);
    expect(a.items[0]?.extra?.['wp:author']).toBeDefined();
  });
});

describeCorpus('EXPECTED.md: wxr-simple, utf-8 challenges, namespaces', () => {
  it('wxr-simple.xml (both copies)', () => {
    for (const a of [load('wxr-simple.xml'), load('wxr-simple.xml', E2E)]) {
      const p = a.items[0];
      expect(p).toMatchObject({ id: 10, type: 'post', slug: 'hello-world', status: 'publish', author: 'admin', sticky: false });
      expect(p?.dateGmt?.startsWith('2024-06-05')).toBe(true);
      expect(p?.modified).not.toBeNull();
      expect(p?.meta.map((m) => m.key)).toEqual(['_pingme', '_encloseme']);
      expect(p?.content).toContain('<!-- wp:paragraph -->');
    }
    expect(load('wxr-simple.xml', E2E).items[0]?.content).toContain('<!-- wp:navigation-link {"url":"https://playground.internal/path/one"} /-->');
    expect(parseWxr(readFileSync(join(DATA, 'wxr-simple.xml')))).toEqual(load('wxr-simple.xml'));
  });
  it('wxr-utf-8-challenges.xml: code-point exact', () => {
    const a = load('wxr-utf-8-challenges.xml');
    const p = a.items[0];
    expect(p?.title).toBe('"The Road \u202ENot\u202C Taken" by Rob\u202Dert \u202EFrost \u202A\u{1F332}\u202C');
    expect(p?.slug).toBe('hello-w\u202Eorld\u202C-utf8-\u{1F4AB}-test');
    expect(p?.guid).toBe('https://playground.internal/path/\u{1F680}/\u202Etsop\u202C/?p=1&test=\u{1F4AB}\u200C\u200B\u200D\u200E');
    expect(p?.meta).toHaveLength(5);
    expect(p?.meta[0]).toEqual({ key: '_pingme\u200C\u200B\u200D\u200E', value: '1\u200B\u200D\u200C\u200E' });
    expect(p?.meta.find((m) => m.key === '_utf8_test')?.value.endsWith(' ')).toBe(true);
    expect(p?.meta.find((m) => m.key === '_special_chars')?.value).toBe('&#x202E;&#x202D;&#x200B;&#x200C;&#x200D;&#x2060;&#xFEFF;&#xFFFD;');
    expect(p?.terms).toHaveLength(1);
    expect(p?.terms[0]?.slug).toBe('uncat\u202Eegorized\u202C');
    expect(p?.terms[0]?.name.endsWith('\u{1F3AD}')).toBe(true);
    expect(p?.link).toBe('');
    expect(a.authors[0]).toMatchObject({ login: 'admin\u200C\u200B\u200D\u200E', email: 'ădmĩn@ℓocalhost.com', firstName: '🅰️' });
    expect(a.authors[0]?.lastName.startsWith('&#x1F1FA;&#x1F1F8;')).toBe(true);
    expect(a.site.description).toContain('\u00A0');
  });
  it('namespace-edge-cases.xml: URIs, not prefixes, decide', () => {
    const a = load('namespace-edge-cases.xml');
    expect(a.items.map((i) => [i.title, i.id, i.type])).toEqual([
      ['Mixed Namespaces', 999, 'post'],
      ['No Prefix', 2, 'post'],
      ['Empty Namespace', 3, 'post'],
      ['Unicode Namespace', 4, 'post'],
      ['Hijacked Namespace', 0, ''],
      ['Namespace Bomb', 6, 'post'],
    ]);
    expect(metaOf(a.items[0])).toContainEqual(['normal_key', 'normal_value']);
    expect(a.items[5]?.content).toContain('&lol1;');
    expect(a.authors.map((x) => x.login)).toEqual(['real_user', 'version_conflict']);
    expect(a.authors[0]).toMatchObject({ id: 2, email: 'real@example.com' });
    expect(a.terms.map((t) => [t.id, t.name, t.taxonomy])).toEqual([
      [100, 'Old Version', 'category'],
      [102, 'New Version', 'category'],
    ]);
  });
  it('e2e fixtures: comprehensive, emoji base URL, css urls', () => {
    const c = load('wxr-comprehensive.xml', E2E);
    expect(c.authors.map((x) => [x.login, x.id, `${x.firstName} ${x.lastName}`])).toEqual([
      ['alice', 10, 'Alice Doe'],
      ['bob', 11, 'Bob Smith'],
    ]);
    expect(c.terms.find((t) => t.slug === 'updates')?.parentSlug).toBe('news');
    const post = c.items.find((i) => i.id === 1000);
    expect(post).toMatchObject({ title: 'Comprehensive Post', author: 'alice', excerpt: 'An excerpt for comprehensive post' });
    expect(post?.meta).toContainEqual({ key: 'custom_key', value: 'custom_value' });
    expect(post?.comments[0]).toMatchObject({ id: 5000, author: 'Commenter', content: 'Great post!', authorIp: '127.0.0.1' });
    expect(post?.comments[0]?.meta).toEqual([
      { key: 'rating', value: '5' },
      { key: 'note', value: 'vip' },
    ]);
    expect(c.items.find((i) => i.id === 2000)).toMatchObject({ title: 'Comprehensive Page', author: 'bob' });
    expect(load('wxr-base-url-rewriting.xml', E2E).site.baseSiteUrl).toBe('https://🚀-science.com/science');
    expect(load('wxr-css-urls.xml', E2E).items[0]).toMatchObject({ id: 123, title: 'CSS URL Migration Test', slug: 'css-urls' });
  });
  it('flat attachment files: the attachment comes before its parent', () => {
    for (const f of ['wxr-flat-attachment-same-site.xml', 'wxr-flat-attachment-different-site.xml']) {
      const a = load(f);
      const att = a.items.find((i) => i.type === 'attachment');
      expect(att).toMatchObject({ id: 611, parentId: 555, status: 'inherit', attachmentUrl: 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg' });
      expect(metaOf(att)).toContainEqual(['_wp_attached_file', '2008/06/canola2.jpg']);
      expect(a.items.findIndex((i) => i.id === 611)).toBeLessThan(a.items.findIndex((i) => i.id === 555));
    }
  });
});

describeCorpus('EXPECTED.md: theme and a11y unit test data', () => {
  it('theme-unit-test-data.xml', () => {
    const a = load('theme-unit-test-data.xml');
    expect(a.authors.map((x) => [x.login, x.id])).toEqual([
      ['themedemos', null],
      ['themereviewteam', null],
    ]);
    const count = (pred: (i: Item) => boolean) => a.items.filter(pred).length;
    expect(count((i) => i.type === 'post')).toBe(58);
    expect(count((i) => i.type === 'page')).toBe(21);
    expect(count((i) => i.type === 'attachment')).toBe(37);
    expect(count((i) => i.type === 'nav_menu_item')).toBe(70);
    expect(count((i) => i.parentId !== null)).toBe(73);
    expect(a.terms.filter((t) => t.taxonomy === 'category')).toHaveLength(68);
    expect(a.terms.filter((t) => t.taxonomy === 'post_tag')).toHaveLength(110);
    expect(a.terms.filter((t) => t.taxonomy === 'nav_menu')).toHaveLength(6);
    expect(a.items.reduce((n, i) => n + i.meta.length, 0)).toBe(737);
    const comments = a.items.flatMap((i) => i.comments);
    expect(comments).toHaveLength(33);
    expect(comments.filter((c) => c.approved === '0')).toHaveLength(3);
    expect(comments.filter((c) => c.type === 'comment')).toHaveLength(29);
    expect(comments.filter((c) => c.type === 'trackback')).toHaveLength(2);
    expect(comments.filter((c) => c.type === 'pingback')).toHaveLength(2);
    expect(comments.find((c) => c.id === 905)?.parentId).toBe(904);
    expect(comments.find((c) => c.id === 1017)?.parentId).toBe(168);
    expect(a.items.find((i) => i.id === 1168)?.password).not.toBe('');
    expect(a.items.find((i) => i.id === 1241)?.sticky).toBe(true);
    expect(count((i) => i.modified !== null)).toBe(7);
    expect(a.diagnostics.filter((d) => d.code === 'W_DUPLICATE_ID')).toHaveLength(18);
    expect(a.site.baseSiteUrl).toMatch(/^https?:\/\//);
    expect(new Set(a.items.map((i) => i.author))).toEqual(new Set(['themedemos', 'themereviewteam', '>themereviewteam', 'themereviewteam>']));
  });
  it('a11y-unit-test-data.xml: wp:wp_author, the fragment item and its bare comment', () => {
    const a = load('a11y-unit-test-data.xml');
    expect(a.authors).toHaveLength(1);
    const twins = a.items.filter((i) => i.id === 156);
    expect(twins).toHaveLength(2);
    const fragment = twins.find((i) => i.type === '');
    expect(fragment?.comments).toHaveLength(3);
    expect(fragment?.comments.find((c) => c.id === 167)).toMatchObject({ approved: '1', date: null, parentId: null });
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ code: 'W_DUPLICATE_ID', itemId: 156 }));
    expect(a.items.filter((i) => i.type === 'attachment')).toHaveLength(39);
    expect(a.items.filter((i) => i.type === 'nav_menu_item')).toHaveLength(50);
    expect(a.items.flatMap((i) => i.comments)).toHaveLength(29);
  });
});

describe('EXPECTED.md: files that must fail', () => {
  describeCorpus('importer test data', () => {
    it.each([
      ['malformed.xml', 'E_TAG_MISMATCH', 90],
      ['malformed-simple.xml', 'E_TRUNCATED', undefined],
      ['missing-version-tag.xml', 'E_NOT_WXR', undefined],
      ['invalid-version-tag.xml', 'E_NOT_WXR', undefined],
    ])('%s -> %s', (file, code, line) => {
      const bytes = readFileSync(join(DATA, file));
      for (const options of [{}, { strict: true }]) {
        expect(() => parseWxr(bytes, options)).toThrow(expect.objectContaining({ code, ...(line === undefined ? {} : { line }) }));
      }
    });
    it('invalid-version-tag.xml names the bad version; missing-version-tag.xml says it is missing', () => {
      expect(() => parseWxr(readFileSync(join(DATA, 'invalid-version-tag.xml')))).toThrow(/"abc"/);
      expect(() => parseWxr(readFileSync(join(DATA, 'missing-version-tag.xml')))).toThrow(/missing/);
    });
  });
});
