import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { binaryVersion, expectEveryPageBuilt, frontMatter, THEME_TEST_DATA, writeSite } from './ssg-helpers.js';

const jekyll = binaryVersion('jekyll', ['--version']);
const LAYOUT = `<!DOCTYPE html><html><head><title>{{ page.title }}</title></head>
<body data-wpid="{{ page.wordpress_id }}"><h1>{{ page.title }}</h1>{{ content }}</body></html>
`;
const CONFIG = `title: Theme Unit Test
markdown: kramdown
exclude: [redirects.json]
defaults:
  - scope: { path: "" }
    values: { layout: default }
`;

describeCorpus('Jekyll builds the converted theme unit test data', () => {
  if (jekyll === null) {
    it.skip('skipped: the jekyll binary is not installed (apt-get install jekyll)', () => {});
    return;
  }
  it(`every published post and page is a page with its comments (${jekyll})`, () => {
    const archive = parseWxr(readFileSync(join(CORPUS, THEME_TEST_DATA)));
    const { files } = renderMarkdownSiteWithReport(archive, { preset: 'jekyll' });
    const root = writeSite(files, { '_config.yml': CONFIG, '_layouts/default.html': LAYOUT, 'index.html': '---\n---\nhome\n' });
    const run = spawnSync('jekyll', ['build', '--source', root, '--destination', join(root, '_site'), '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, JEKYLL_ENV: 'production', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const byId = new Map<number, string>();
    for (const f of files) {
      if (!f.path.endsWith('.md')) continue;
      const data = frontMatter(f.contents);
      byId.set(Number(data['wordpress_id']), String(data['permalink']));
    }
    expectEveryPageBuilt(archive, byId, (permalink) => join(root, '_site', decodeURI(permalink), 'index.html'));
  });
});
