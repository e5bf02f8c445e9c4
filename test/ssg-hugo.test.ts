import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import type { Item } from '../src/model.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { testArchive, testItem } from './helpers/model.js';
import { binaryVersion, expectEveryPageBuilt, frontMatter, THEME_TEST_DATA, writeSite } from './ssg-helpers.js';

const hugo = binaryVersion('hugo', ['version']);
const LAYOUT = `<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>
<body data-wpid="{{ .Params.wordpress_id }}"><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
`;
const CONFIG = `baseURL = "http://example.org/"
title = "Theme Unit Test"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
`;

/** `content/posts/x.md` -> `public/posts/x/index.html`; bundles -> their folder. */
function builtPath(root: string, path: string): string {
  const rel = path.replace(/^content\//, '').replace(/\/(_?index)\.md$/, '').replace(/\.md$/, '');
  return join(root, 'public', rel, 'index.html');
}

describeCorpus('Hugo builds the converted theme unit test data', () => {
  if (hugo === null) {
    it.skip('skipped: the hugo binary is not installed (apt-get install hugo)', () => {});
    return;
  }
  it(`every published post and page is a page with its comments (${hugo.split(' ')[0]})`, () => {
    const archive = parseWxr(readFileSync(join(CORPUS, THEME_TEST_DATA)));
    const { files } = renderMarkdownSiteWithReport(archive, { preset: 'hugo' });
    const root = writeSite(files, {
      'config.toml': CONFIG,
      'layouts/_default/single.html': LAYOUT,
      'layouts/_default/list.html': LAYOUT,
      'layouts/index.html': '<html><body>home</body></html>\n',
    });
    const run = spawnSync('hugo', ['--source', root, '--destination', join(root, 'public'), '--quiet'], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const byId = new Map<number, string>();
    for (const f of files) if (f.path.endsWith('.md')) byId.set(Number(frontMatter(f.contents)['wordpress_id']), f.path);
    expectEveryPageBuilt(archive, byId, (path) => builtPath(root, path));
  });
});


function page(id: number, slug: string, link: string, type: 'page' | 'post' = 'page'): Item {
  return testItem({ id, type, title: `Page ${id}`, slug, link, guid: `https://example.com/?page_id=${id}`, content: '<p>Text</p>', commentStatus: 'closed', pingStatus: 'closed' });
}

describe('Hugo serves old permalinks with non-ASCII slugs', () => {
  if (hugo === null) {
    it.skip('skipped: the hugo binary is not installed (apt-get install hugo)', () => {});
    return;
  }
  // A server decodes `/%C3%BCber-uns/` to `/über-uns/` before it looks for the folder Hugo wrote.
  it.each([
    ['a German page', page(2, '%c3%bcber-uns', 'https://example.com/%c3%bcber-uns/'), 'über-uns', '/ueber-uns/', '%c3%bcber-uns'],
    ['a Chinese post', page(3, '%e4%b8%ad%e6%96%87', 'https://example.com/2012/01/%e4%b8%ad%e6%96%87/', 'post'), '2012/01/中文', '/posts/中文/', '2012/01/%e4%b8%ad%e6%96%87'],
  ])('%s: the alias is a decoded folder that redirects to the new page', (_name, item, folder, url, encoded) => {
    const archive = testArchive([item], { language: 'de' });
    const { files } = renderMarkdownSiteWithReport(archive, { preset: 'hugo' });
    const root = writeSite(files, { 'config.toml': CONFIG, 'layouts/_default/single.html': LAYOUT, 'layouts/_default/list.html': LAYOUT });
    const run = spawnSync('hugo', ['--source', root, '--destination', join(root, 'public'), '--quiet'], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const alias = readFileSync(join(root, 'public', folder, 'index.html'), 'utf8');
    expect(decodeURI(alias)).toContain(`http://example.org${url}`);
    expect(existsSync(join(root, 'public', encoded))).toBe(false);
    expect(files.find((f) => f.path === 'static/_redirects')?.contents).toContain(item.link.replace('https://example.com', ''));
  });
});
