import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import type { Archive, Item, OutputFile } from '../src/model.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { commentAuthors, expectEveryPageBuilt, frontMatter, htmlText, publishedItems, THEME_TEST_DATA, writeSite } from './ssg-helpers.js';

/** The part of Eleventy's programmatic API this test uses (the package ships no types). */
interface EleventyRun {
  write(): Promise<unknown>;
}
interface EleventyConfigApi {
  addGlobalData(name: string, value: unknown): void;
}
type EleventyClass = new (
  input: string,
  output: string,
  options: { quietMode: boolean; configPath: false; config: (config: EleventyConfigApi) => void },
) => EleventyRun;

/** A specifier in a variable, so that tsc does not look for the types the package does not have. */
const ELEVENTY = '@11ty/eleventy';
const LAYOUT = `<!DOCTYPE html><html><head><title>{{ title | escape }}</title></head>
<body data-wpid="{{ wordpress_id }}"><h1>{{ title | escape }}</h1>{{ content }}</body></html>
`;

/** Liquid that must come out as text: Eleventy runs Markdown through Liquid before Markdown. */
const LIQUID_TEXT = ['{{ page.url }}', '{% include "missing.liquid" %}', '{% endraw %}', '{%- endraw -%}', '{{ comment.secret }}'];
const LIQUID_BODY = `<p>Print ${LIQUID_TEXT[0]} and ${LIQUID_TEXT[1]}; then ${LIQUID_TEXT[2]} here.</p>
<pre><code>{% raw %}{{ x }}${LIQUID_TEXT[3]}</code></pre>`;

/**
 * A published post with comments, copied under a new id with Liquid in its title, body
 * and first comment (the theme unit test data has none).
 */
function liquidItem(archive: Archive): Item {
  const base = publishedItems(archive).find((i) => i.type === 'post' && commentAuthors(i).length > 0);
  if (base === undefined) throw new Error('the theme unit test data has no post with comments');
  const first = base.comments.findIndex((c) => c.approved === '1' && c.type !== 'pingback' && c.type !== 'trackback');
  const comments = base.comments.map((c, n) => (n === first ? { ...c, content: `${c.content}\n\n${LIQUID_TEXT[4]}` } : c));
  const id = Math.max(...archive.items.map((i) => i.id)) + 1;
  return { ...base, id, link: '', slug: 'liquid-in-the-text', title: 'Liquid {{ title }} in the text', content: LIQUID_BODY, comments };
}

interface Built {
  archive: Archive;
  files: OutputFile[];
  /** Built HTML by WordPress id, read from every `index.html` Eleventy wrote. */
  pages: Map<number, string>;
  output: string;
}

/** Every built HTML file below `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.html')).map((p) => join(dir, p));
}

/** Temp sites to remove after the tests. */
const roots: string[] = [];

/** Converts `archive` with the eleventy preset, writes it with the layout and runs Eleventy on it. */
async function build(archive: Archive): Promise<Built> {
  const { files } = renderMarkdownSiteWithReport(archive, { preset: 'eleventy' });
  const root = writeSite(files, { '_includes/default.liquid': LAYOUT });
  roots.push(root);
  const output = join(root, '_site');
  const { default: Eleventy } = (await import(ELEVENTY)) as { default: EleventyClass };
  const elev = new Eleventy(root, output, {
    quietMode: true,
    configPath: false,
    config: (config) => config.addGlobalData('layout', 'default.liquid'),
  });
  await elev.write();
  const pages = new Map<number, string>();
  for (const path of htmlFiles(output)) {
    const html = readFileSync(path, 'utf8');
    const id = /data-wpid="(\d+)"/.exec(html)?.[1];
    if (id !== undefined) pages.set(Number(id), html);
  }
  return { archive, files, pages, output };
}

/** WordPress id -> value of a front matter key, for every Markdown file. */
function byFrontMatter(files: OutputFile[], key: string): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const f of files) {
    if (!f.path.endsWith('.md')) continue;
    const data = frontMatter(f.contents);
    out.set(Number(data['wordpress_id']), data[key]);
  }
  return out;
}

describeCorpus('Eleventy builds the converted theme unit test data', () => {
  let theme: Archive;
  let built: Built;
  beforeAll(async () => {
    theme = parseWxr(readFileSync(join(CORPUS, THEME_TEST_DATA)));
    built = await build({ ...theme, items: [...theme.items, liquidItem(theme)] });
  });
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('every published post and page is a page at its permalink, with its comments (@11ty/eleventy 3)', () => {
    const byId = new Map<number, string>();
    for (const [id, permalink] of byFrontMatter(built.files, 'permalink')) byId.set(id, String(permalink));
    expectEveryPageBuilt(built.archive, byId, (permalink) => join(built.output, decodeURI(permalink), 'index.html'));
  });

  it('Liquid in a title, a body and a comment is printed, not run', () => {
    const id = Math.max(...built.archive.items.map((i) => i.id));
    const html = built.pages.get(id);
    expect(html, 'the post with Liquid in it was not built').toBeDefined();
    const text = htmlText(html as string);
    expect(text).toContain('Liquid {{ title }} in the text');
    for (const literal of LIQUID_TEXT) expect(text).toContain(literal);
    expect(text).not.toContain('/posts/liquid-in-the-text/');
  });

  // Eleventy 3 has no draft switch of its own, so `draft: true` alone would not keep a draft off
  // the site: the eleventy front matter gives drafts `permalink: false`.
  it('a draft is not built', () => {
    const drafts = [...byFrontMatter(built.files, 'draft')].filter(([, draft]) => draft === true).map(([id]) => id);
    expect(drafts.length).toBeGreaterThan(0);
    for (const id of drafts) expect(built.pages.has(id), `draft ${id} was built`).toBe(false);
  });

  // Custom taxonomies become front matter keys, and Eleventy fails on the ones it reserves or
  // reads itself (`layout`, `pagination`, `collections`, `content`): those get a `wp_` prefix.
  it.each(['layout', 'pagination', 'collections', 'content'])('a custom taxonomy named %s does not break the build', async (taxonomy) => {
    const base = publishedItems(theme).find((i) => i.type === 'post');
    if (base === undefined) throw new Error('the theme unit test data has no published post');
    const item: Item = { ...base, terms: [...base.terms, { taxonomy, slug: 'wide', name: 'Wide' }] };
    const site = await build({ ...theme, items: [item] });
    expect(site.pages.has(item.id)).toBe(true);
  });
});
