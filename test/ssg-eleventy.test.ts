import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import { parseWxr } from '../src/index.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { expectEveryPageBuilt, frontMatter, THEME_TEST_DATA, writeSite } from './ssg-helpers.js';

/** The part of Eleventy's programmatic API (the package ships no types) this test uses. */
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

/** A specifier in a variable: the package has no types, and this test types what it uses itself. */
const ELEVENTY = '@11ty/eleventy';
const LAYOUT = `<!DOCTYPE html><html><head><title>{{ title | escape }}</title></head>
<body data-wpid="{{ wordpress_id }}"><h1>{{ title | escape }}</h1>{{ content }}</body></html>
`;

describeCorpus('Eleventy builds the converted theme unit test data', () => {
  it('every published post and page is a page with its comments (@11ty/eleventy)', async () => {
    const archive = parseWxr(readFileSync(join(CORPUS, THEME_TEST_DATA)));
    const { files } = renderMarkdownSiteWithReport(archive, { preset: 'eleventy' });
    const root = writeSite(files, { '_includes/default.liquid': LAYOUT });
    const output = join(root, '_site');

    const { default: Eleventy } = (await import(ELEVENTY)) as { default: EleventyClass };
    const elev = new Eleventy(root, output, {
      quietMode: true,
      configPath: false,
      config: (config) => config.addGlobalData('layout', 'default.liquid'),
    });
    await elev.write();

    const byId = new Map<number, string>();
    for (const f of files) {
      if (!f.path.endsWith('.md')) continue;
      const data = frontMatter(f.contents);
      byId.set(Number(data['wordpress_id']), String(data['permalink']));
    }
    expect(byId.size).toBeGreaterThan(20);
    expectEveryPageBuilt(archive, byId, (permalink) => join(output, decodeURI(permalink), 'index.html'));
  });
});
