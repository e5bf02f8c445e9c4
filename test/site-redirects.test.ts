/**
 * Redirects from the old WordPress addresses: generator aliases (Hugo `aliases`, Jekyll
 * `redirect_from`) are percent-decoded, because the generator writes them as folders that a
 * server finds by the decoded request path; `_redirects` and `redirects.json` keep the encoded form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterData } from '../src/emit/frontmatter.js';
import { renderMarkdownSite, renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { aliasPath } from '../src/emit/site/permalink.js';
import type { Archive, Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { testArchive, testItem } from './helpers/model.js';

const item = testItem;
const archive = (items: Item[]): Archive => testArchive(items);

describe('aliasPath: old paths percent-decoded for generator aliases', () => {
  it.each([
    ['/2012/01/hello/', '/2012/01/hello/'],
    ['/%c3%bcber-uns/', '/über-uns/'],
    ['/%C3%9Cber-uns/', '/Über-uns/'],
    ['/2012/01/%e4%b8%ad%e6%96%87/', '/2012/01/中文/'],
    ['/hello%20world/', '/hello world/'],
    // invalid UTF-8 stays as it is, the valid sequences beside it are decoded
    ['/x%ffy/', '/x%ffy/'],
    ['/%ff%c3%bc%c3/', '/%ff%c3%bc%c3/'],
    ['/%c3%bc-%ff/', '/ü-%ff/'],
    ['/100%/', '/100%/'],
    // what would change the path's segments or meaning stays encoded
    ['/a%2Fb/', '/a%2Fb/'],
    ['/a%5cb/', '/a%5Cb/'],
    ['/a%3Fb%23c/', '/a%3Fb%23c/'],
    ['/100%25/', '/100%25/'],
    ['/%2e%2e/x/', '/%2e%2e/x/'],
    ['/%2e/x/', '/%2e/x/'],
    ['/a%2e%2e/', '/a../'],
    // controls (C0, DEL, C1) stay encoded
    ['/a%00b%0Ac%7F%c2%85/', '/a%00b%0Ac%7F%C2%85/'],
  ])('%s → %s', (from, to) => {
    expect(aliasPath(from)).toBe(to);
  });

  it('front matter decodes caller aliases too', () => {
    expect(frontMatterData(item(), { preset: 'jekyll', aliases: ['/%c3%bcber-uns/', '/plain/'] })['redirect_from']).toEqual(['/über-uns/', '/plain/']);
  });
});

describe('non-ASCII old permalinks', () => {
  const site = archive([
    item({ id: 2, type: 'page', slug: '%c3%bcber-uns', link: 'https://example.com/%c3%bcber-uns/', guid: 'https://example.com/?page_id=2' }),
    item({ id: 3, slug: '%e4%b8%ad%e6%96%87', link: 'https://example.com/2012/01/%e4%b8%ad%e6%96%87/' }),
  ]);

  it.each([
    ['hugo', 'aliases', 'content/ueber-uns/index.md', 'content/posts/中文.md', 'static/_redirects'],
    ['jekyll', 'redirect_from', 'ueber-uns.md', '_posts/2012-01-03-中文.md', '_redirects'],
  ] as const)('%s: %s decoded, _redirects encoded', (preset, key, pagePath, postPath, netlifyPath) => {
    const files = renderMarkdownSite(site, { preset });
    const contents = (path: string): string => files.find((f) => f.path === path)?.contents ?? '';
    expect(contents(pagePath)).toContain(`${key}:\n  - "/über-uns/"`);
    expect(contents(postPath)).toContain(`${key}:\n  - "/2012/01/中文/"`);
    const netlify = contents(netlifyPath);
    expect(netlify).toContain('/%c3%bcber-uns/ /ueber-uns/ 301\n');
    expect(netlify).toContain('/2012/01/%e4%b8%ad%e6%96%87/ ');
    const json = JSON.parse(contents('redirects.json')) as Array<{ from: string }>;
    expect(json.map((r) => r.from)).toContain('/%c3%bcber-uns/');
  });
});

type Entry = { from: string; to: string; id: number };

function redirectsOf(files: { path: string; contents: string }[]): Entry[] {
  const json = files.find((f) => f.path === 'redirects.json');
  return json ? (JSON.parse(json.contents) as Entry[]) : [];
}

describe('query redirects come from the item id, as WordPress answers them', () => {
  it.each([
    ['a post whose guid is its permalink', item({ id: 8, guid: 'https://example.com/2012/01/post-8/' }), '/?p=8', '/ p=8 /posts/post-8/ 301'],
    ['a post whose guid has another id', item({ id: 1158, guid: 'https://example.com/?p=568' }), '/?p=1158', '/ p=1158 /posts/post-1158/ 301'],
    ['a page', item({ id: 2, type: 'page', slug: 'about', guid: 'https://example.com/about/' }), '/?page_id=2', '/ page_id=2 /about/ 301'],
    ['a page whose guid says ?p=', item({ id: 4, type: 'page', slug: 'team', guid: 'https://example.com/?p=4' }), '/?page_id=4', '/ page_id=4 /team/ 301'],
    ['a custom type', item({ id: 30, type: 'species', slug: 'lynx', guid: 'lynx' }), '/?p=30', '/ p=30 /species/lynx/ 301'],
  ])('%s', (_name, subject, from, line) => {
    const files = renderMarkdownSite(archive([subject]), { preset: 'hugo' });
    const froms = redirectsOf(files).map((r) => r.from);
    expect(froms).toContain(from);
    expect(froms.filter((f) => f.startsWith('/?'))).toEqual([from]);
    expect(files.find((f) => f.path === 'static/_redirects')?.contents).toContain(`${line}\n`);
  });

  it('items without a post id (0) take the query of their guid or link, and get none without one', () => {
    const files = renderMarkdownSite(archive([
      item({ id: 0, slug: 'a', guid: 'https://example.com/?p=19', link: 'https://example.com/?p=19' }),
      item({ id: 0, slug: 'b', guid: 'https://example.com/b/', link: 'https://example.com/?page_id=36', type: 'page' }),
      item({ id: 0, slug: 'c', guid: 'c', link: 'https://example.com/c/' }),
    ]), { preset: 'hugo' });
    const froms = redirectsOf(files).map((r) => r.from);
    expect(froms.filter((f) => f.startsWith('/?'))).toEqual(['/?p=19', '/?page_id=36']);
    expect(froms).not.toContain('/?p=0');
  });

  it('a link whose address is a query gives no path alias (its path is the blog\'s home, not the item)', () => {
    const files = renderMarkdownSite(archive([item({ id: 31, slug: 'shadowbox', link: 'https://example.com/huaien/?p=31' })]), { preset: 'hugo' });
    const froms = redirectsOf(files).map((r) => r.from);
    expect(froms).toEqual(['/?p=31']);
  });

  it('no query redirect for a draft', () => {
    expect(redirectsOf(renderMarkdownSite(archive([item({ id: 5, status: 'draft' })]), { preset: 'hugo' }))).toEqual([]);
  });
});

describe('one redirect per old address: the first item keeps it', () => {
  it.each([
    ['two items with one id (an export with twins)', [item({ id: 7, slug: 'a', link: 'https://example.com/a/' }), item({ id: 7, slug: 'b', link: 'https://example.com/b/' })], '/?p=7'],
    ['two items with one old link', [item({ id: 1, slug: 'a', link: 'https://example.com/old/' }), item({ id: 2, slug: 'b', link: 'https://example.com/old/' })], '/old/'],
    ['old links that differ in case, encoding or the trailing slash', [item({ id: 1, slug: 'a', link: 'https://example.com/%C3%BC' }), item({ id: 2, slug: 'b', link: 'https://example.com/%c3%bc/' })], '/%C3%BC'],
  ])('%s', (_name, items, from) => {
    const { files, diagnostics } = renderMarkdownSiteWithReport(archive(items), { preset: 'hugo' });
    const entries = redirectsOf(files);
    const keys = entries.map((r) => r.from.replace(/\/$/, '').toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(entries.find((r) => r.from === from)?.to).toBe('/posts/a/');
    expect(diagnostics.filter((d) => d.code === 'W_REDIRECT_DUPLICATE').map((d) => d.itemId)).toEqual([items[1]!.id]);
    // the second item's front matter does not claim the alias either
    const second = files.find((f) => f.path === 'content/posts/b.md')?.contents ?? '';
    if (!from.startsWith('/?')) expect(second).not.toContain('aliases:');
  });
});

describeCorpus('query redirects in the corpus', () => {
  it.each([
    ['de-lll-forschungscluster/lll-forschungscluster.wordpress.2017-08-19.xml', 8, '/?p=8', null],
    ['theme-test-data/themeunittestdata.wordpress.xml', 1158, '/?p=1158', '/?p=568'],
  ] as const)('%s item %i', (file, id, from, notFor) => {
    const files = renderMarkdownSite(parseWxr(readFileSync(join(CORPUS, file))), { preset: 'hugo' });
    const entries = redirectsOf(files);
    expect(entries.filter((r) => r.from === from).map((r) => r.id)).toEqual([id]);
    if (notFor !== null) expect(entries.filter((r) => r.from === notFor).map((r) => r.id)).toEqual([568]);
  });
});
