import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFrontMatter, frontMatterData, SITE_PRESETS, stringifyFrontMatter } from '../src/emit/frontmatter.js';
import type { Item } from '../src/model.js';

export function makeItem(over: Partial<Item> = {}): Item {
  return {
    id: 42, type: 'post', status: 'publish', title: 'Hello', slug: 'hello', link: 'https://example.com/2012/01/hello/',
    guid: 'https://example.com/?p=42', author: 'admin', date: '2012-01-03T10:00:00+01:00', dateGmt: '2012-01-03T09:00:00Z',
    modified: '2012-02-01T08:00:00+01:00', modifiedGmt: '2012-02-01T07:00:00Z', content: '<p>Body</p>', excerpt: '',
    parentId: null, menuOrder: 0, commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null,
    terms: [
      { taxonomy: 'category', slug: 'allgemein', name: 'Allgemeines & Neues' },
      { taxonomy: 'post_tag', slug: 'c-sharp', name: 'C#' },
      { taxonomy: 'series', slug: 'intro', name: 'Intro: Part 1' },
    ],
    meta: [], comments: [], ...over,
  };
}

function parseFront(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?\n)?---\n/.exec(text);
  expect(m).not.toBeNull();
  return parse(m![1] ?? '') as Record<string, unknown>;
}

describe('front matter strings round-trip through a YAML parser', () => {
  it.each([
    'C:\\path\\to\\file',
    'Colon: in the middle',
    '"Quoted" and \'single\'',
    '@mention at start',
    '*star at start',
    '& ampersand start',
    '! bang',
    '%percent',
    'yes',
    'No',
    'on',
    '12:30',
    '2012-01-03',
    '0x1F',
    '1e3',
    'null',
    '~',
    '- dash',
    '? question',
    '# hash',
    'trailing space ',
    ' leading space',
    'multi\nline\n\ntext',
    'tab\there',
    '{braces}',
    '[brackets]',
    '|pipe',
    '>folded',
    'Ünïcödé 日本語 🎉',
    '\\',
    '---',
    'a\n---\nb',
    '...',
  ])('title %j', (title) => {
    const data = parseFront(buildFrontMatter(makeItem({ title }), { preset: 'hugo' }));
    expect(data['title']).toBe(title);
  });
});

describe('front matter fields', () => {
  it('writes names (not slugs), dates with offset, author display name, custom taxonomies', () => {
    const data = parseFront(buildFrontMatter(makeItem(), { preset: 'plain', authorName: 'Ada Lovelace', aliases: ['/2012/01/hello/'] }));
    expect(data).toMatchObject({
      title: 'Hello',
      date: '2012-01-03T10:00:00+01:00',
      lastmod: '2012-02-01T08:00:00+01:00',
      slug: 'hello',
      draft: false,
      categories: ['Allgemeines & Neues'],
      tags: ['C#'],
      series: ['Intro: Part 1'],
      author: 'Ada Lovelace',
      aliases: ['/2012/01/hello/'],
      wordpress_id: 42,
    });
    expect(data).not.toHaveProperty('type');
  });

  it('drafts keep their date and are marked draft; pages carry their type', () => {
    const data = parseFront(buildFrontMatter(makeItem({ status: 'draft', type: 'page' }), { preset: 'hugo' }));
    expect(data['draft']).toBe(true);
    expect(data['date']).toBe('2012-01-03T10:00:00+01:00');
    expect(data['type']).toBe('page');
  });

  it.each([
    ['hugo', { date: 'date', lastmod: 'lastmod', aliases: 'aliases', draft: 'draft', excerpt: 'summary' }],
    ['jekyll', { date: 'date', lastmod: 'last_modified_at', aliases: 'redirect_from', draft: 'published', permalink: 'permalink' }],
    ['astro', { date: 'pubDate', lastmod: 'updatedDate', aliases: 'aliases', draft: 'draft', excerpt: 'description' }],
    ['eleventy', { date: 'date', lastmod: 'lastmod', aliases: 'aliases', draft: 'draft', permalink: 'permalink' }],
  ] as const)('%s key names', (preset, keys) => {
    const data = parseFront(
      buildFrontMatter(makeItem({ status: 'draft' }), { preset, aliases: ['/old/'], url: '/new/', excerpt: 'Short' }),
    );
    for (const key of Object.values(keys)) expect(data, key).toHaveProperty(key);
    if (preset === 'jekyll') expect(data['published']).toBe(false);
  });

  it('custom taxonomy names never become prototype keys and never overwrite fixed keys', () => {
    const item = makeItem({
      terms: [
        { taxonomy: '__proto__', slug: 'x', name: 'X' },
        { taxonomy: 'title', slug: 't', name: 'T' },
        { taxonomy: 'nav_menu', slug: 'm', name: 'Menu' },
        { taxonomy: 'on', slug: 'o', name: 'O' },
        { taxonomy: '2020', slug: 'y', name: 'Y' },
      ],
    });
    const data = frontMatterData(item, { preset: 'plain' });
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(data['title']).toBe('Hello');
    expect(data['wp_title']).toEqual(['T']);
    expect(Object.keys(data)).not.toContain('nav_menu');
    expect(data['wp_on']).toEqual(['O']);
    expect(data['wp_2020']).toEqual(['Y']);
    expect(Object.keys(data)).not.toContain('__proto__');
  });

  // A taxonomy named like a field written after the taxonomies (author, wordpress_id) used to be
  // overwritten by it; one named like a generator's own key (layout, pagination) broke the build.
  it.each([
    ['author', 'hugo', 'wp_author'],
    ['wordpress_id', 'plain', 'wp_wordpress_id'],
    ['comments', 'jekyll', 'wp_comments'],
    ['layout', 'eleventy', 'wp_layout'],
    ['pagination', 'eleventy', 'wp_pagination'],
    ['menu', 'hugo', 'wp_menu'],
    ['published', 'jekyll', 'wp_published'],
    ['genre', 'eleventy', 'genre'],
  ] as const)('a custom taxonomy named %s (%s) is written as %s, next to the field of that name', (taxonomy, preset, key) => {
    const data = frontMatterData(makeItem({ terms: [{ taxonomy, slug: 'w', name: 'Wide' }] }), { preset, authorName: 'Ada' });
    expect(data[key]).toEqual(['Wide']);
    if (taxonomy === 'author') expect(data['author']).toBe('Ada');
  });

  it('two taxonomies never share a list: wp_author and a renamed author, Genre and genre', () => {
    const terms = [
      { taxonomy: 'wp_author', slug: 'a', name: 'A' },
      { taxonomy: 'author', slug: 'b', name: 'B' },
      { taxonomy: 'Genre', slug: 'c', name: 'C' },
      { taxonomy: 'genre', slug: 'd', name: 'D' },
      { taxonomy: 'genre', slug: 'e', name: 'E' },
    ];
    const data = frontMatterData(makeItem({ terms }), { preset: 'hugo' });
    expect(data['wp_author']).toEqual(['A']);
    expect(data['wp_wp_author']).toEqual(['B']);
    expect(data['genre']).toEqual(['C']);
    expect(data['wp_genre']).toEqual(['D', 'E']);
  });

  it('eleventy: a draft gets no page (permalink: false) and stays out of collections; a published post keeps its permalink', () => {
    const draft = frontMatterData(makeItem({ status: 'draft' }), { preset: 'eleventy', url: '/posts/hello/' });
    expect(draft['draft']).toBe(true);
    expect(draft['permalink']).toBe(false);
    expect(draft['eleventyExcludeFromCollections']).toBe(true);
    const published = frontMatterData(makeItem({ status: 'publish' }), { preset: 'eleventy', url: '/posts/hello/' });
    expect(published['permalink']).toBe('/posts/hello/');
    expect(published).not.toHaveProperty('eleventyExcludeFromCollections');
    expect(frontMatterData(makeItem({ status: 'draft' }), { preset: 'jekyll', url: '/x/' })['permalink']).toBe('/x/');
  });

  it('never writes a password', () => {
    const text = buildFrontMatter(makeItem({ password: 's3cret' }), { protectedReason: 'password' });
    expect(text).not.toContain('s3cret');
    expect(parseFront(text)['password_protected']).toBe(true);
  });

  it('every preset gives parseable YAML between --- lines', () => {
    for (const preset of SITE_PRESETS) {
      const text = buildFrontMatter(makeItem({ title: 'a: b\\c "d"' }), { preset });
      expect(text.startsWith('---\n')).toBe(true);
      expect(parseFront(text)['title']).toBe('a: b\\c "d"');
    }
  });

  it('double-quotes every string value, so YAML 1.1 readers keep them strings', () => {
    const text = buildFrontMatter(makeItem({ title: 'yes' }), { preset: 'jekyll' });
    expect(text).toContain('title: "yes"\n');
    expect(text).toContain('date: "2012-01-03T10:00:00+01:00"\n');
    expect(parse(text.slice(4, -4), { version: '1.1' })).toMatchObject({ title: 'yes', date: '2012-01-03T10:00:00+01:00', wordpress_id: 42 });
  });

  it('stringifies an empty object as an empty map', () => {
    expect(stringifyFrontMatter(Object.create(null) as Record<string, never>)).toBe('---\n{}\n---\n');
  });
});
