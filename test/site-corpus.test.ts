/**
 * Every well-formed export of ../shared/corpus (SOURCES.md "well-formed XML" = yes)
 * renders in every preset without an error (files over 1 MB: the plain preset); every front matter parses back with the
 * `yaml` package to the item's title, date and term names; paths are safe and unique;
 * no shortcode that the converter knows is left in the Markdown outside code; no two redirects share
 * an old address.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SITE_PRESETS, type SitePreset } from '../src/emit/frontmatter.js';
import { collisionKey, isSafeRelativePath } from '../src/emit/paths.js';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import type { Archive, Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus, hasCorpus } from './helpers/corpus.js';
import { frontMatter } from './ssg-helpers.js';

/** Files marked well-formed in the SOURCES.md table. */
function wellFormedFiles(): string[] {
  if (!hasCorpus) return [];
  const text = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([^`]+\.xml)`\s*\|.*\|\s*yes\s*\|[^|]*\|\s*$/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

const DATE_KEY: Record<SitePreset, string> = { hugo: 'date', jekyll: 'date', astro: 'pubDate', eleventy: 'date', plain: 'date' };
/** A shortcode, not a Markdown link or image whose text happens to start with the same word. */
const KNOWN_SHORTCODE = /(?<!!)\[(?:caption|gallery|embed|youtube|code|sourcecode|audio|video)(?:\s[^\]\n]*=[^\]\n]*\]|(?:\s[^\]\n]*)?\](?![([]))/;

function names(item: Item, taxonomy: string): string[] {
  return [...new Set(item.terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.name || t.slug))];
}

/** Markdown outside fenced code blocks and inline code. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function check(archive: Archive, preset: SitePreset, file: string): string[] {
  const { files, diagnostics } = renderMarkdownSiteWithReport(archive, { preset });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const byId = new Map<number, Item[]>();
  for (const item of archive.items) byId.set(item.id, [...(byId.get(item.id) ?? []), item]);
  const keys = new Set<string>();
  const leftovers: string[] = [];
  const redirects = files.find((f) => f.path === 'redirects.json');
  const froms = redirects ? (JSON.parse(redirects.contents) as Array<{ from: string }>).map((r) => r.from.replace(/\/+$/, '').toLowerCase()) : [];
  expect(froms.filter((from, i) => froms.indexOf(from) !== i), `${file} ${preset}: redirects sharing a from`).toEqual([]);
  for (const f of files) {
    expect(isSafeRelativePath(f.path), f.path).toBe(true);
    expect(keys.has(collisionKey(f.path)), `${file}: duplicate ${f.path}`).toBe(false);
    keys.add(collisionKey(f.path));
    if (!f.path.endsWith('.md')) continue;
    const data = frontMatter(f.contents);
    const twins = byId.get(Number(data['wordpress_id'])) ?? [];
    const item = twins.length > 1 ? twins.find((i) => i.title === data['title']) : twins[0];
    expect(item, `${file} ${f.path}: wordpress_id`).toBeDefined();
    if (!item) continue;
    if (item.title !== '') expect(data['title'], f.path).toBe(item.title);
    const date = item.date ?? item.dateGmt;
    if (date !== null) expect(data[DATE_KEY[preset]], f.path).toBe(date);
    expect(data['categories'] ?? [], f.path).toEqual(names(item, 'category'));
    expect(data['tags'] ?? [], f.path).toEqual(names(item, 'post_tag'));
    const body = outsideCode(f.contents.slice(f.contents.indexOf('\n---\n') + 5));
    const m = KNOWN_SHORTCODE.exec(body);
    if (m) leftovers.push(`${f.path}: ${body.slice(Math.max(0, m.index - 40), m.index + 80).replace(/\s+/g, ' ')}`);
  }
  return leftovers;
}

describeCorpus('every well-formed corpus export renders in every preset', () => {
  const list = wellFormedFiles();
  it('SOURCES.md lists well-formed exports', () => {
    expect(list.length).toBeGreaterThan(20);
  });
  it.each(list)('%s', (file) => {
    const archive = parseWxr(readFileSync(join(CORPUS, file)));
    const leftovers: string[] = [];
    // Every preset on exports up to 1 MB; the larger ones in the plain preset only (suite time).
    const presets = statSync(join(CORPUS, file)).size <= 1_000_000 ? SITE_PRESETS : (['plain'] as const);
    for (const preset of presets) {
      const found = check(archive, preset, file);
      if (preset === 'plain') leftovers.push(...found);
    }
    expect(leftovers, 'known shortcodes left in the Markdown').toEqual([]);
  });
});
