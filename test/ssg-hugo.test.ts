import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
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

