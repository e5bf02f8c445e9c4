import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build as astroBuild } from 'astro';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import type { Archive, Item, OutputFile } from '../src/model.js';
import { CORPUS, describeCorpus, REPO_ROOT } from './helpers/corpus.js';
import { commentAuthors, expectEveryPageBuilt, frontMatter, publishedItems, readBuilt, THEME_TEST_DATA, writeSite } from './ssg-helpers.js';

const CONTENT = 'src/content/';
/** Caches stay in the temp site: its `node_modules` is a link to ours, where they would go by default. */
const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  output: 'static',
  site: 'https://example.org',
  cacheDir: './.cache/astro',
  vite: { cacheDir: './.cache/vite' },
});
`;

/**
 * A content config with one glob collection per folder the preset wrote, with Astro's default
 * entry ids (the file's path: the astro preset writes no `slug`, which the glob loader would take
 * as the id, collapsing `pages/level-1/level-2/level-3.md` to `level-3`). Lenient: only what the
 * page below reads is typed (a post without a title has no `title` key).
 */
function contentConfig(collections: readonly string[]): string {
  return `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
const schema = z.object({ title: z.string().optional(), wordpress_id: z.number(), draft: z.boolean().optional() }).passthrough();
const collection = (name) => defineCollection({ loader: glob({ pattern: '**/*.md', base: \`./src/content/\${name}\` }), schema });
export const collections = { ${collections.map((c) => `${JSON.stringify(c)}: collection(${JSON.stringify(c)})`).join(', ')} };
`;
}

/** Every entry at the URL the preset planned: `/posts/<id>/`, pages at `/<id>/`, other types at `/<type>/<id>/`. */
function catchAllPage(collections: readonly string[]): string {
  return `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const out = [];
  for (const name of ${JSON.stringify(collections)}) {
    for (const entry of await getCollection(name)) {
      if (entry.data.draft === true) continue;
      out.push({ params: { path: name === 'pages' ? entry.id : \`\${name}/\${entry.id}\` }, props: { entry } });
    }
  }
  return out;
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html><head><title>{entry.data.title}</title></head>
<body data-wpid={entry.data.wordpress_id}><h1>{entry.data.title}</h1><Content /></body></html>
`;
}

/** The URL path the preset planned for a content file (`src/content/pages/a/b.md` -> `/a/b/`). */
function plannedUrl(path: string): string {
  const [collection, ...rest] = path.slice(CONTENT.length).replace(/\.md$/, '').split('/');
  return collection === 'pages' ? `/${rest.join('/')}/` : `/${collection}/${rest.join('/')}/`;
}

/**
 * Two child pages with one slug under different parents (WordPress allows it): copies of a
 * published page without comments, under the first two top-level pages.
 */
function sameSlugChildren(archive: Archive): Item[] {
  const published = publishedItems(archive);
  const parents = published.filter((i) => i.type === 'page' && i.parentId === null).slice(0, 2);
  const base = published.find((i) => i.type === 'page' && commentAuthors(i).length === 0);
  if (parents.length < 2 || base === undefined) throw new Error('the theme unit test data has too few pages');
  const id = Math.max(...archive.items.map((i) => i.id));
  return parents.map((p, n) => ({ ...base, id: id + 1 + n, parentId: p.id, slug: 'same-slug', link: '', title: `Same slug ${n}`, comments: [] }));
}

interface Built {
  archive: Archive;
  files: OutputFile[];
  /** `dist/` of the built site. */
  output: string;
  /** Built HTML file by WordPress id, read from every page Astro wrote. */
  pages: Map<number, string>;
}

/** Temp sites to remove after the tests. */
const roots: string[] = [];

/** Converts `archive` with the astro preset, writes it into a minimal Astro 5 project and builds it. */
async function build(archive: Archive): Promise<Built> {
  const { files } = renderMarkdownSiteWithReport(archive, { preset: 'astro' });
  const collections = [...new Set(files.filter((f) => f.path.startsWith(CONTENT)).map((f) => f.path.slice(CONTENT.length).split('/')[0] as string))];
  const root = writeSite(files, {
    'package.json': '{ "name": "theme-unit-test", "private": true, "type": "module" }\n',
    'astro.config.mjs': CONFIG,
    'src/content.config.ts': contentConfig(collections),
    'src/pages/[...path].astro': catchAllPage(collections),
  });
  roots.push(root);
  // The site lives in a temp folder: its `.astro` files import `astro/runtime/...` from here.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  await astroBuild({ root, logLevel: 'error' });
  const output = join(root, 'dist');
  const pages = new Map<number, string>();
  for (const rel of readdirSync(output, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.html')) continue;
    const id = /data-wpid="(\d+)"/.exec(readFileSync(join(output, rel), 'utf8'))?.[1];
    if (id !== undefined) pages.set(Number(id), join(output, rel));
  }
  return { archive, files, output, pages };
}

describeCorpus('Astro builds the converted theme unit test data', () => {
  let built: Built;
  beforeAll(async () => {
    const theme = parseWxr(readFileSync(join(CORPUS, THEME_TEST_DATA)));
    built = await build({ ...theme, items: [...theme.items, ...sameSlugChildren(theme)] });
  }, 60_000);
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('every published post and page is a page at its planned URL, with its comments (astro 5)', () => {
    const byId = new Map<number, string>();
    for (const f of built.files) {
      if (f.path.startsWith(CONTENT) && f.path.endsWith('.md')) byId.set(Number(frontMatter(f.contents)['wordpress_id']), plannedUrl(f.path));
    }
    expectEveryPageBuilt(built.archive, byId, (url) => join(built.output, decodeURI(url), 'index.html'));
  });

  it('two child pages with one slug under different parents are two pages', () => {
    const ids = built.archive.items.slice(-2).map((i) => i.id);
    const paths = ids.map((id) => built.pages.get(id));
    for (const [n, path] of paths.entries()) expect(path, `page ${ids[n]} was not built`).toBeDefined();
    expect(new Set(paths).size).toBe(2);
  });

  it('every target in public/_redirects is a built page', () => {
    const redirects = built.files.find((f) => f.path === 'public/_redirects');
    expect(redirects).toBeDefined();
    const targets = new Set((redirects as OutputFile).contents.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/).at(-2) as string));
    expect(targets.size).toBeGreaterThan(20);
    for (const target of targets) expect(readBuilt(join(built.output, decodeURI(target), 'index.html')), `redirect target ${target}`).not.toBeNull();
  });

  it('a draft is not built', () => {
    const drafts = built.files.filter((f) => f.path.endsWith('.md') && frontMatter(f.contents)['draft'] === true);
    expect(drafts.length).toBeGreaterThan(0);
    for (const f of drafts) {
      const id = Number(frontMatter(f.contents)['wordpress_id']);
      expect(built.pages.has(id), `draft ${id} (${f.path}) was built`).toBe(false);
    }
  });
});
