import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SITE_PRESETS } from '../src/emit/frontmatter.js';
import { collisionKey, isSafeRelativePath } from '../src/emit/paths.js';
import { createSiteRenderer, renderMarkdownSite, renderMarkdownSiteWithReport } from '../src/emit/site.js';
import type { Archive, Item } from '../src/model.js';

let nextId = 100;
function item(over: Partial<Item> = {}): Item {
  const id = over.id ?? nextId++;
  return {
    id, type: 'post', status: 'publish', title: `Post ${id}`, slug: `post-${id}`, link: `https://example.com/2012/01/post-${id}/`,
    guid: `https://example.com/?p=${id}`, author: 'ada', date: '2012-01-03T10:00:00+01:00', dateGmt: '2012-01-03T09:00:00Z',
    modified: null, modifiedGmt: null, content: `<p>Body of ${id}</p>`, excerpt: '', parentId: null, menuOrder: 0,
    commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null, terms: [], meta: [], comments: [],
    ...over,
  };
}

function archive(items: Item[]): Archive {
  return {
    site: { title: 'S', link: 'https://example.com', description: '', language: 'en', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
    authors: [],
    terms: [],
    items,
    diagnostics: [],
  };
}

const sample = archive([
  item({ id: 1, slug: 'hello-world' }),
  item({ id: 2, slug: 'hello-world', date: '2013-05-06T10:00:00+02:00' }),
  item({ id: 3, slug: 'Hello-World' }),
  item({ id: 4, slug: '', title: 'Grüße aus Köln' }),
  item({ id: 5, status: 'draft', slug: 'wip', link: 'https://example.com/?p=5' }),
  item({ id: 6, status: 'private', slug: 'secret' }),
  item({ id: 7, password: 'x', slug: 'locked' }),
  item({ id: 8, type: 'attachment', status: 'inherit', slug: 'pic', attachmentUrl: 'https://example.com/pic.jpg' }),
  item({ id: 9, type: 'nav_menu_item', slug: '9' }),
  item({ id: 20, type: 'page', slug: 'about', link: 'https://example.com/about/' }),
  item({ id: 21, type: 'page', slug: 'team', parentId: 20, link: 'https://example.com/about/team/' }),
  item({ id: 22, type: 'page', slug: 'alice', parentId: 21, link: 'https://example.com/about/team/alice/' }),
  item({ id: 23, type: 'page', slug: 'posts', link: 'https://example.com/posts/' }),
  item({ id: 30, type: 'species', slug: 'lynx', link: 'https://example.com/species/lynx/' }),
  item({ id: 31, status: 'trash', slug: 'gone' }),
  item({ id: 32, slug: '%e3%83%86%e3%82%b9%e3%83%88' }),
]);

function paths(preset: (typeof SITE_PRESETS)[number]): string[] {
  return renderMarkdownSite(sample, { preset }).map((f) => f.path);
}

describe('renderMarkdownSite layouts', () => {
  it('hugo: posts, page bundles with hierarchy, custom types, redirects', () => {
    expect(paths('hugo')).toEqual([
      'content/posts/hello-world.md',
      'content/posts/hello-world-2.md',
      'content/posts/hello-world-3.md',
      'content/posts/gruesse-aus-koeln.md',
      'content/posts/wip.md',
      'content/species/lynx.md',
      'content/posts/テスト.md',
      'content/about/_index.md',
      'content/posts-2/index.md',
      'content/about/team/_index.md',
      'content/about/team/alice/index.md',
      'redirects.json',
      'static/_redirects',
    ]);
  });

  it('jekyll: dated _posts (same slug on another day is no collision), _drafts, pages with permalink', () => {
    const files = renderMarkdownSite(sample, { preset: 'jekyll' });
    expect(files.map((f) => f.path)).toEqual([
      '_posts/2012-01-03-hello-world.md',
      '_posts/2013-05-06-hello-world.md',
      '_posts/2012-01-03-hello-world-2.md',
      '_posts/2012-01-03-gruesse-aus-koeln.md',
      '_drafts/wip.md',
      'species/lynx.md',
      '_posts/2012-01-03-テスト.md',
      'about.md',
      'posts-2.md',
      'about/team.md',
      'about/team/alice.md',
      'redirects.json',
      '_redirects',
    ]);
    const alice = files.find((f) => f.path === 'about/team/alice.md')!.contents;
    expect(alice).toContain('permalink: "/about/team/alice/"');
    expect(alice).not.toContain('redirect_from');
    const post = files.find((f) => f.path === '_posts/2013-05-06-hello-world.md')!.contents;
    expect(post).toContain('permalink: "/2013/05/06/hello-world/"');
    expect(post).toContain('redirect_from:\n  - "/2012/01/post-2/"');
  });

  it.each([
    ['astro', ['src/content/posts/hello-world.md', 'src/content/pages/about.md', 'src/content/pages/about/team/alice.md']],
    ['eleventy', ['posts/hello-world.md', 'pages/about.md', 'pages/about/team/alice.md']],
    ['plain', ['posts/hello-world.md', 'pages/about.md', 'pages/about/team/alice.md', 'species/lynx.md']],
  ] as const)('%s layout', (preset, expected) => {
    const got = paths(preset);
    for (const p of expected) expect(got).toContain(p);
  });

  it('writes only posts, pages and custom types; private and protected items are reported, not written', () => {
    const { files, diagnostics } = renderMarkdownSiteWithReport(sample, { preset: 'plain' });
    const text = files.map((f) => f.contents).join('\n');
    for (const id of [6, 7, 8, 9, 31]) expect(text).not.toMatch(new RegExp(`wordpress_id: ${id}\\n`));
    const codes = diagnostics.map((d) => `${d.code}:${d.itemId ?? ''}`);
    expect(codes).toEqual(expect.arrayContaining(['I_SKIPPED_PRIVATE:6', 'I_SKIPPED_PRIVATE:7', 'W_SLUG_COLLISION:2', 'W_SLUG_COLLISION:3']));
    expect(diagnostics.some((d) => d.code === 'I_SKIPPED_ITEMS' && d.message.includes('attachment'))).toBe(true);
    const withPrivate = renderMarkdownSite(sample, { preset: 'plain', includePrivate: true }).map((f) => f.path);
    expect(withPrivate).toEqual(expect.arrayContaining(['posts/secret.md', 'posts/locked.md']));
  });

  it('redirect map: old permalinks and ?p= ids to new paths', () => {
    const files = renderMarkdownSite(sample, { preset: 'hugo' });
    const json = JSON.parse(files.find((f) => f.path === 'redirects.json')!.contents) as Array<{ from: string; to: string; id: number }>;
    expect(json).toEqual(expect.arrayContaining([
      { from: '/2012/01/post-1/', to: '/posts/hello-world/', id: 1 },
      { from: '/?p=1', to: '/posts/hello-world/', id: 1 },
      { from: '/posts/', to: '/posts-2/', id: 23 },
    ]));
    expect(json.some((r) => r.from === '/about/team/alice/')).toBe(false);
    // The draft (id 5, link ?p=5) had no public address: no redirect from or to it.
    expect(json.some((r) => r.id === 5)).toBe(false);
    const netlify = files.find((f) => f.path === 'static/_redirects')!.contents;
    expect(netlify).toContain('/2012/01/post-1/ /posts/hello-world/ 301\n');
    expect(netlify).toContain('/ p=1 /posts/hello-world/ 301\n');
    expect(netlify).toContain('/posts/%E3%83%86%E3%82%B9%E3%83%88/');
  });

  it('streaming renderer gives the same files as the whole-archive call', () => {
    const site = createSiteRenderer({ preset: 'hugo' });
    const files = sample.items.flatMap((i) => site.add({ kind: 'item', item: i }));
    files.push(...site.finish());
    expect(files.map((f) => f.path)).toEqual(paths('hugo'));
    expect(site.finish()).toEqual([]);
  });

  it('streaming: authors and attachments seen earlier resolve display names and featured images', () => {
    const site = createSiteRenderer({ preset: 'plain' });
    site.add({ kind: 'author', author: { id: 1, login: 'ada', email: '', displayName: 'Ada Lovelace', firstName: '', lastName: '' } });
    site.add({ kind: 'item', item: item({ id: 900, type: 'attachment', status: 'inherit', attachmentUrl: 'https://example.com/a.jpg' }) });
    const [file] = site.add({ kind: 'item', item: item({ id: 901, slug: 'with-image', meta: [{ key: '_thumbnail_id', value: '900' }] }) });
    expect(file?.contents).toContain('author: "Ada Lovelace"');
    expect(file?.contents).toContain('featured_image: "https://example.com/a.jpg"');
  });

  it('a page whose parent chain loops still gets a path', () => {
    const loop = archive([item({ id: 1, type: 'page', slug: 'a', parentId: 2 }), item({ id: 2, type: 'page', slug: 'b', parentId: 1 })]);
    const got = renderMarkdownSite(loop, { preset: 'hugo' }).map((f) => f.path).filter((p) => p.endsWith('.md'));
    expect(got).toHaveLength(2);
    for (const p of got) expect(isSafeRelativePath(p)).toBe(true);
  });
});

describe('property: hostile slugs, titles, types and links never escape or collide', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('../', '..', '.', '%2e%2e%2f', '..%2F..%2Fevil', 'CON', 'nul', 'a\u0000b', '%', '🎉', '日本語', '/etc/x', 'C:\\x', '__proto__', 'posts', 'index', '_posts'),
    fc.string({ minLength: 490, maxLength: 510 }),
  );
  const hostileItem = fc.record({
    slug: hostile,
    title: hostile,
    type: fc.constantFrom('post', 'page', 'post', '../x', 'CON', 'species'),
    parent: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    link: fc.oneof(hostile, fc.constant('https://example.com/../../x/'), hostile.map((s) => `https://example.com/${s}`)),
    date: fc.constantFrom('2012-01-03T10:00:00+01:00', '../../../1999-01-01', null),
  });

  it('every preset: safe, unique paths, parseable YAML', () => {
    fc.assert(
      fc.property(fc.array(hostileItem, { minLength: 1, maxLength: 12 }), (specs) => {
        const a = archive(specs.map((s, i) => item({ id: i + 1, slug: s.slug, title: s.title, type: s.type, parentId: s.parent, link: s.link, date: s.date })));
        for (const preset of SITE_PRESETS) {
          const files = renderMarkdownSite(a, { preset });
          const keys = new Set<string>();
          for (const f of files) {
            expect(isSafeRelativePath(f.path), f.path).toBe(true);
            expect(keys.has(collisionKey(f.path)), f.path).toBe(false);
            keys.add(collisionKey(f.path));
          }
          expect(files.filter((f) => f.path.endsWith('.md'))).toHaveLength(specs.length);
          for (const f of files) if (f.path.endsWith('.json')) JSON.parse(f.contents);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('page hierarchies that file systems cannot hold', () => {
  it('a page whose parents\' folders would pass the cap starts again at the top, with a warning; paths stay short', () => {
    const pages = Array.from({ length: 60 }, (_, i) => item({ id: i + 1, type: 'page', slug: `${'seite-'.repeat(16)}${i}`.slice(0, 100), title: `Seite ${i}`, parentId: i === 0 ? null : i, link: `https://example.org/p${i}/` }));
    for (const preset of SITE_PRESETS) {
      const { files, diagnostics } = renderMarkdownSiteWithReport(archive(pages), { preset });
      const md = files.filter((f) => f.path.endsWith('.md'));
      expect(md).toHaveLength(60);
      expect(Math.max(...md.map((f) => Buffer.byteLength(f.path)))).toBeLessThan(900);
      expect(diagnostics.filter((d) => d.code === 'W_PAGE_TOO_DEEP').length).toBeGreaterThan(0);
    }
  });

  it('a cycle of parents is cut once, with a warning, and every page is written', () => {
    const pages = [1, 2, 3].map((id) => item({ id, type: 'page', slug: `s${id}`, title: `S${id}`, parentId: id === 1 ? 3 : id - 1, link: `https://example.org/s${id}/` }));
    const { files, diagnostics } = renderMarkdownSiteWithReport(archive(pages), { preset: 'hugo' });
    expect(files.filter((f) => f.path.endsWith('.md')).map((f) => f.path).sort()).toEqual(['content/s1/_index.md', 'content/s1/s2/_index.md', 'content/s1/s2/s3/index.md']);
    expect(diagnostics.filter((d) => d.code === 'W_PAGE_PARENT_CYCLE').map((d) => d.itemId)).toEqual([1]);
  });

  it('a loop whose ids run against the chain is cut once too, at its lowest id', () => {
    // 10 -> 11 -> 12 -> 10 (each page's parent is the next id)
    const pages = [10, 11, 12].map((id) => item({ id, type: 'page', slug: `p${id}`, title: `P${id}`, parentId: id === 12 ? 10 : id + 1, link: `https://example.org/p${id}/` }));
    const { files, diagnostics } = renderMarkdownSiteWithReport(archive(pages), { preset: 'hugo' });
    expect(files.filter((f) => f.path.endsWith('.md')).map((f) => f.path).sort()).toEqual(['content/p10/_index.md', 'content/p10/p12/_index.md', 'content/p10/p12/p11/index.md']);
    expect(diagnostics.filter((d) => d.code === 'W_PAGE_PARENT_CYCLE').map((d) => d.itemId)).toEqual([10]);
  });
});
