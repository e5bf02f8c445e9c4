/**
 * Where each preset puts posts, pages and custom types, and the URL the generator
 * gives them by default. Paths are built only from safe slugs (see `paths.ts`).
 */
import type { SitePreset } from '../frontmatter.js';

/** A planned output: folder prefix + slug + suffix, and the URL path on the built site. */
export interface PlannedPath {
  prefix: string;
  suffix: string;
  /** The new URL path for a given final slug. */
  url: (slug: string) => string;
}

/** Folder (and URL section) of posts per preset. */
const POSTS: Record<SitePreset, string> = {
  hugo: 'content/posts/',
  jekyll: '_posts/',
  astro: 'src/content/posts/',
  eleventy: 'posts/',
  plain: 'posts/',
};

/** Folder of pages per preset (hierarchy below it). */
const PAGES: Record<SitePreset, string> = {
  hugo: 'content/',
  jekyll: '',
  astro: 'src/content/pages/',
  eleventy: 'pages/',
  plain: 'pages/',
};

/** Folder prefix for custom post types (the type's safe slug is appended). */
const TYPES: Record<SitePreset, string> = {
  hugo: 'content/',
  jekyll: '',
  astro: 'src/content/',
  eleventy: '',
  plain: '',
};

/** Names a page may not take at the root of a preset (section folders, generator files). */
export const RESERVED_PAGE_SLUGS: Record<SitePreset, readonly string[]> = {
  hugo: ['posts', 'tags', 'categories', 'authors', 'index'],
  jekyll: ['index', '404', 'feed', 'sitemap', 'robots', 'readme', 'gemfile', 'license', 'redirects', 'assets', 'posts'],
  astro: ['index'],
  eleventy: ['index'],
  plain: ['index'],
};

/**
 * A post's planned path. Jekyll posts carry the date in the file name
 * (`_posts/YYYY-MM-DD-slug.md`) and drafts go to `_drafts/`; Hugo posts can be bundles.
 *
 * @example
 * postPath('jekyll', { day: '2012-01-03', draft: false, bundle: false }).prefix // '_posts/2012-01-03-'
 */
export function postPath(preset: SitePreset, opts: { day: string | null; draft: boolean; bundle: boolean }): PlannedPath {
  if (preset === 'jekyll') {
    if (opts.draft || opts.day === null) return { prefix: '_drafts/', suffix: '.md', url: (s) => `/drafts/${s}/` };
    const day = opts.day;
    return { prefix: `_posts/${day}-`, suffix: '.md', url: (s) => `/${day.replace(/-/g, '/')}/${s}/` };
  }
  const suffix = preset === 'hugo' && opts.bundle ? '/index.md' : '.md';
  return { prefix: POSTS[preset], suffix, url: (s) => `/posts/${s}/` };
}

/**
 * A page's planned path from its ancestors' slugs (root first). Hugo pages are bundles:
 * `index.md` for a leaf, `_index.md` for a page with children.
 *
 * @example
 * pagePath('hugo', ['about'], true).prefix // 'content/about/'
 */
export function pagePath(preset: SitePreset, ancestors: readonly string[], hasChildren: boolean): PlannedPath {
  const under = ancestors.map((a) => `${a}/`).join('');
  const url = (s: string): string => `/${under}${s}/`;
  if (preset === 'hugo') return { prefix: `${PAGES.hugo}${under}`, suffix: hasChildren ? '/_index.md' : '/index.md', url };
  if (preset === 'jekyll') return { prefix: under, suffix: '.md', url };
  return { prefix: `${PAGES[preset]}${under}`, suffix: '.md', url };
}

/**
 * A custom post type item's planned path, under a folder named after the type.
 *
 * @example
 * customPath('hugo', 'species').prefix // 'content/species/'
 */
export function customPath(preset: SitePreset, typeSlug: string): PlannedPath {
  return { prefix: `${TYPES[preset]}${typeSlug}/`, suffix: '.md', url: (s) => `/${typeSlug}/${s}/` };
}

/** Where the Netlify-style `_redirects` file goes so that the generator publishes it. */
export function redirectsFilePath(preset: SitePreset): string {
  if (preset === 'hugo') return 'static/_redirects';
  if (preset === 'astro') return 'public/_redirects';
  return '_redirects';
}
