/** The theme unit test data through every output format of the CLI, counts checked against SOURCES.md. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { runCli, tempDir } from './cli-harness.js';

const THEME = join(CORPUS, 'theme-test-data', 'themeunittestdata.wordpress.xml');
/** From ../shared/corpus/SOURCES.md. */
const BY_TYPE = { nav_menu_item: 70, post: 58, attachment: 37, page: 21 };
const ITEMS = 186;
const COMMENTS = 33;
const THREADED = 10;

interface Item { type: string; status: string; password: string; comments: { parentId: number | null }[] }

function countByType(items: readonly Item[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.type] = (counts[i.type] ?? 0) + 1;
  return counts;
}

function files(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const r = rel === '' ? name : `${rel}/${name}`;
    return statSync(join(dir, r)).isDirectory() ? files(dir, r) : [r];
  });
}

describeCorpus('CLI on the theme unit test data', () => {
  let items: Item[] = [];

  it('json: every item, comment and thread', async () => {
    const r = await runCli(['convert', THEME, '-q']);
    expect(r.code).toBe(0);
    items = (JSON.parse(r.stdout) as { items: Item[] }).items;
    expect(items).toHaveLength(ITEMS);
    expect(countByType(items)).toEqual(BY_TYPE);
    const comments = items.flatMap((i) => i.comments);
    expect(comments).toHaveLength(COMMENTS);
    expect(comments.filter((c) => c.parentId !== null)).toHaveLength(THREADED);
  });

  it('ndjson: one line per entry, items equal', async () => {
    const r = await runCli(['convert', THEME, '--format', 'ndjson', '-q']);
    const entries = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; item?: Item });
    const streamed = entries.filter((e) => e.kind === 'item').map((e) => e.item as Item);
    expect(countByType(streamed)).toEqual(BY_TYPE);
    expect(streamed.flatMap((i) => i.comments)).toHaveLength(COMMENTS);
  });

  it('wxr: written and read back with the same counts', async () => {
    const dir = tempDir();
    expect((await runCli(['convert', THEME, '--out', 'theme.xml', '-q'], { cwd: dir })).code).toBe(0);
    const back = await runCli(['convert', join(dir, 'theme.xml'), '-q']);
    expect(back.code).toBe(0);
    const again = (JSON.parse(back.stdout) as { items: Item[] }).items;
    expect(countByType(again)).toEqual(BY_TYPE);
    expect(again.flatMap((i) => i.comments)).toHaveLength(COMMENTS);
  });

  it.each(['hugo', 'jekyll', 'astro', 'eleventy', 'plain'])('markdown --preset %s: one file per public post and page', async (preset) => {
    const dir = tempDir();
    const r = await runCli(['convert', THEME, '--out', 'site', '--preset', preset], { cwd: dir });
    expect(r.code).toBe(0);
    const md = files(join(dir, 'site')).filter((f) => /\.(md|markdown|mdx)$/.test(f));
    const expected = items.filter((i) => (i.type === 'post' || i.type === 'page') && !['trash', 'auto-draft', 'inherit', 'private'].includes(i.status) && i.password === '');
    expect(md).toHaveLength(expected.length);
    expect(r.stderr).toContain(`wrote ${ITEMS} items`);
  });

  it('info --json agrees', async () => {
    const r = await runCli(['info', THEME, '--json']);
    const info = JSON.parse(r.stdout) as { items: { total: number; byType: Record<string, number> }; comments: { total: number; threaded: number } };
    expect(info.items.total).toBe(ITEMS);
    expect({ ...info.items.byType }).toEqual(BY_TYPE);
    expect(info.comments.total).toBe(COMMENTS);
    expect(info.comments.threaded).toBe(THREADED);
  });

  it('validate: no errors', async () => {
    const r = await runCli(['validate', THEME, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\berror\b/);
  });
});
