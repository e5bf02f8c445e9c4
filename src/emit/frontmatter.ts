/**
 * YAML front matter for one item, written by a YAML emitter (never by string
 * concatenation), with per-generator key names. Keys come from a fixed table; values
 * from the export are only ever YAML values, never keys, except custom taxonomy
 * names, which go into a null-prototype object and are checked against the table.
 */
import type { Item } from '../model.js';
import { aliasPath } from './site/permalink.js';
import { yamlDocument, type YamlMap, type YamlValue } from './site/yaml.js';

/** The static-site generators whose layout and front matter conventions wxr-kit knows. */
export type SitePreset = 'hugo' | 'jekyll' | 'astro' | 'eleventy' | 'plain';

/** The presets, in the order the docs list them. */
export const SITE_PRESETS: readonly SitePreset[] = ['hugo', 'jekyll', 'astro', 'eleventy', 'plain'];

/** A comment as written into front matter (`comments: 'frontmatter'`): no email, no IP. */
export type FrontMatterComment = {
  id: number;
  author: string;
  url?: string;
  date?: string;
  content: string;
  replies: FrontMatterComment[];
};

/** Everything front matter needs besides the item; resolved by `toMarkdown`. */
export interface FrontMatterContext {
  /** Default `plain`. */
  preset?: SitePreset;
  /** The author's display name (already looked up). */
  authorName?: string;
  /** The featured image URL (`_thumbnail_id` resolved). */
  featuredImage?: string;
  /** The slug the output uses (may differ from the WordPress slug after sanitising). */
  slug?: string;
  /** The new URL path on the generated site (`/posts/hello/`), for `permalink` keys. */
  url?: string;
  /** Old URL paths that should redirect here (`aliases`, `redirect_from`); written percent-decoded (`aliasPath`). */
  aliases?: string[];
  /** The excerpt as plain text (one line, no Markdown escapes: generators print it as it is). */
  excerpt?: string;
  /** Structured comments, for `comments: 'frontmatter'`. */
  comments?: FrontMatterComment[];
  /** Marks private / password-protected items that are included on request. */
  protectedReason?: 'private' | 'password';
  /** Mark the item as a draft whatever its status (withheld private items). Default `false`. */
  forceDraft?: boolean;
}

type Field =
  | 'title' | 'date' | 'lastmod' | 'slug' | 'draft' | 'published' | 'categories' | 'tags' | 'author' | 'excerpt'
  | 'image' | 'aliases' | 'permalink' | 'id' | 'type' | 'wpSlug' | 'comments';

/** Key names per preset; a missing entry means the field is not written for that preset. */
const KEYS: Record<SitePreset, Partial<Record<Field, string>>> = {
  hugo: {
    title: 'title', date: 'date', lastmod: 'lastmod', slug: 'slug', draft: 'draft', categories: 'categories', tags: 'tags',
    author: 'author', excerpt: 'summary', image: 'featured_image', aliases: 'aliases', id: 'wordpress_id', type: 'type',
    wpSlug: 'wordpress_slug', comments: 'comments',
  },
  jekyll: {
    title: 'title', date: 'date', lastmod: 'last_modified_at', slug: 'slug', published: 'published', categories: 'categories',
    tags: 'tags', author: 'author', excerpt: 'excerpt', image: 'image', aliases: 'redirect_from', permalink: 'permalink',
    id: 'wordpress_id', type: 'type', wpSlug: 'wordpress_slug', comments: 'comments',
  },
  astro: {
    title: 'title', date: 'pubDate', lastmod: 'updatedDate', draft: 'draft', categories: 'categories', tags: 'tags',
    author: 'author', excerpt: 'description', image: 'heroImage', aliases: 'aliases', id: 'wordpress_id', type: 'type',
    wpSlug: 'wordpress_slug', comments: 'comments',
  },
  eleventy: {
    title: 'title', date: 'date', lastmod: 'lastmod', slug: 'slug', draft: 'draft', categories: 'categories', tags: 'tags',
    author: 'author', excerpt: 'excerpt', image: 'featured_image', aliases: 'aliases', permalink: 'permalink', id: 'wordpress_id',
    type: 'type', wpSlug: 'wordpress_slug', comments: 'comments',
  },
  plain: {
    title: 'title', date: 'date', lastmod: 'lastmod', slug: 'slug', draft: 'draft', categories: 'categories', tags: 'tags',
    author: 'author', excerpt: 'excerpt', image: 'featured_image', aliases: 'aliases', id: 'wordpress_id', type: 'type',
    wpSlug: 'wordpress_slug', comments: 'comments',
  },
};

/** Taxonomies that are not written as front matter lists. */
const HIDDEN_TAXONOMIES = new Set(['nav_menu', 'link_category', 'wp_theme', 'wp_template_part_area', 'wp_pattern_category']);

/** True for statuses that a static site should not publish (`draft`, `pending`, `auto-draft`, …). */
export function isDraftStatus(status: string): boolean {
  return status !== 'publish' && status !== 'future' && status !== 'private' && status !== 'inherit';
}

/** The distinct term names of one taxonomy, in the item's order. */
export function termNames(item: Item, taxonomy: string): string[] {
  const out: string[] = [];
  for (const t of item.terms) if (t.taxonomy === taxonomy && !out.includes(t.name || t.slug)) out.push(t.name || t.slug);
  return out;
}

/** Keys a YAML 1.1 reader would not read as a string when plain: booleans, null, numbers. */
const YAML11_PLAIN_TRAPS = /^(?:y|n|yes|no|on|off|true|false|null|[0-9_].*)$/;

/**
 * Front matter names the generators read or reserve, which a custom taxonomy must not take:
 * Eleventy fails on `layout`, `pagination`, `collections` and `content` and reserves `page`,
 * `eleventy` and `pkg`; Hugo reads `layout`, `url`, `outputs`, `cascade`, `build`, `weight`, `menu`,
 * the date aliases `modified`, `pubdate`, `unpublishdate` and more; Jekyll `layout`, `category`,
 * `published`, `permalink`, and `redirect_to` with jekyll-redirect-from; Astro's glob loader takes an
 * entry's id from `slug` (so the astro preset does not write one: the id is the file's path).
 */
const GENERATOR_KEYS: ReadonlySet<string> = new Set([
  'layout', 'pagination', 'collections', 'content', 'page', 'eleventy', 'pkg', 'permalink', 'url', 'published', 'private',
  'password_protected', 'category', 'outputs', 'cascade', 'build', 'weight', 'menu', 'menus', 'markup', 'sitemap', 'resources',
  'headless', 'expirydate', 'publishdate', 'linktitle', 'keywords', 'summary', 'description', 'translationkey',
  'eleventyexcludefromcollections', 'eleventycomputed', 'modified', 'pubdate', 'unpublishdate', 'redirect_to', 'slug',
]);

/** Keys a custom taxonomy must not take in a preset: the preset's own fields and {@link GENERATOR_KEYS}. */
const TAKEN: ReadonlyMap<SitePreset, ReadonlySet<string>> = new Map(
  SITE_PRESETS.map((preset) => [preset, new Set([...Object.values(KEYS[preset]), ...GENERATOR_KEYS])]),
);

/** A custom taxonomy's key: lower-case ASCII word characters only, or null when unusable; `wp_` in front when taken. */
function taxonomyKey(taxonomy: string, taken: ReadonlySet<string>): string | null {
  const key = taxonomy.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (key === '' || key === '__proto__' || key === 'constructor' || key === 'prototype') return null;
  return YAML11_PLAIN_TRAPS.test(key) || taken.has(key) ? `wp_${key}` : key;
}

/**
 * The front matter fields of an item for a preset, as a null-prototype object in a
 * stable key order (for `yaml` to stringify).
 *
 * @example
 * frontMatterData(item, { preset: 'hugo', authorName: 'Ada' }).title // item.title
 */
export function frontMatterData(item: Item, context: FrontMatterContext = {}): Record<string, YamlValue> {
  const preset = context.preset ?? 'plain';
  const keys = KEYS[preset];
  const data: Record<string, YamlValue> = Object.create(null) as Record<string, YamlValue>;
  const set = (field: Field, value: YamlValue): void => {
    const key = keys[field];
    if (key === undefined || value === undefined || value === null || value === '') return;
    if (Array.isArray(value) && value.length === 0) return;
    data[key] = value;
  };
  const draft = context.forceDraft === true || isDraftStatus(item.status);
  set('title', item.title);
  set('date', item.date ?? item.dateGmt);
  if (item.modified !== null && item.modified !== item.date) set('lastmod', item.modified);
  set('slug', context.slug ?? item.slug);
  if (context.slug !== undefined && item.slug !== '' && item.slug !== context.slug) set('wpSlug', item.slug);
  set('draft', draft);
  if (draft) set('published', false);
  if (context.protectedReason === 'private') data['private'] = true;
  if (context.protectedReason === 'password') data['password_protected'] = true;
  set('categories', termNames(item, 'category'));
  set('tags', termNames(item, 'post_tag'));
  setCustomTaxonomies(item, data, TAKEN.get(preset) ?? GENERATOR_KEYS);
  set('author', context.authorName ?? item.author);
  set('excerpt', context.excerpt);
  set('image', context.featuredImage);
  // Eleventy has no draft switch of its own: a draft gets no page and stays out of collections.
  if (preset === 'eleventy' && draft) {
    data['permalink'] = false;
    data['eleventyExcludeFromCollections'] = true;
  } else set('permalink', context.url);
  set('aliases', context.aliases && aliasPaths(context.aliases));
  set('id', item.id);
  if (item.type !== 'post') set('type', item.type);
  set('comments', context.comments);
  return data;
}

/**
 * Aliases as the generators need them: percent-decoded (Hugo and jekyll-redirect-from write each
 * alias as a folder, which a server finds by the decoded request path); the list itself when none
 * is encoded.
 */
function aliasPaths(aliases: readonly string[]): readonly string[] {
  return aliases.some((a) => a.includes('%')) ? aliases.map(aliasPath) : aliases;
}

function setCustomTaxonomies(item: Item, data: Record<string, YamlValue>, taken: ReadonlySet<string>): void {
  /** Which taxonomy each key holds: two taxonomies never share a list (`wp_author` and a renamed `author`). */
  const owner = new Map<string, string>();
  for (const t of item.terms) {
    if (t.taxonomy === 'category' || t.taxonomy === 'post_tag' || HIDDEN_TAXONOMIES.has(t.taxonomy)) continue;
    let key = taxonomyKey(t.taxonomy, taken);
    if (key === null) continue;
    while (owner.has(key) && owner.get(key) !== t.taxonomy) key = `wp_${key}`;
    owner.set(key, t.taxonomy);
    const list = (data[key] as string[] | undefined) ?? [];
    const name = t.name || t.slug;
    if (!list.includes(name)) list.push(name);
    data[key] = list;
  }
}

/**
 * A YAML document between `---` lines, written by a YAML emitter for exactly our value
 * types (`site/yaml.ts`), never by concatenating export strings into YAML text. It writes
 * the bytes the `yaml` package wrote with double-quoted strings, plain keys and no line
 * folding (a test checks that on random data and on every front matter of the corpus), in
 * about a tenth of the time (`node bench/markdown.bench.mjs`, its front matter table). Keys are plain (fixed
 * names, or custom taxonomy keys limited to `[a-z0-9_]` and never a YAML 1.1 boolean or
 * number); string values are double-quoted, so backslashes, colons, quotes, leading
 * `@`/`*`, multi-line and YAML-special strings round-trip in YAML 1.1 and 1.2.
 *
 * @example
 * stringifyFrontMatter({ title: 'C:\\path: "x"' }) // '---\ntitle: "C:\\\\path: \\"x\\""\n---\n'
 */
export function stringifyFrontMatter(data: YamlMap): string {
  return `---\n${yamlDocument(data)}---\n`;
}

/**
 * Front matter of one item for a preset: {@link frontMatterData} then {@link stringifyFrontMatter}.
 *
 * @example
 * buildFrontMatter(item, { preset: 'jekyll', url: '/2020/01/02/hello/' })
 */
export function buildFrontMatter(item: Item, context: FrontMatterContext = {}): string {
  return stringifyFrontMatter(frontMatterData(item, context));
}
