/**
 * Shared by the Hugo and Jekyll end-to-end tests: convert the theme unit test data,
 * write it with a minimal site config and layouts into a temp folder, and read back
 * what the generator built.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { Archive, Item, OutputFile } from '../src/model.js';

export const THEME_TEST_DATA = 'theme-test-data/themeunittestdata.wordpress.xml';

/** The version line of a generator binary, or null when it is not installed. */
export function binaryVersion(command: string, args: string[]): string | null {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Writes output files below a new temp folder (tests only; paths were checked safe). */
export function writeSite(files: OutputFile[], extra: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wxr-kit-ssg-'));
  const all = [...files, ...Object.entries(extra).map(([path, contents]) => ({ path, contents }))];
  for (const f of all) {
    const target = join(root, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.contents);
  }
  return root;
}

/** The front matter of a Markdown file. */
export function frontMatter(contents: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?\n)?---\n/.exec(contents);
  return m ? ((parse(m[1] ?? '') ?? {}) as Record<string, unknown>) : {};
}

/** Items a site must show: published posts and pages without a password. */
export function publishedItems(archive: Archive): Item[] {
  return archive.items.filter((i) => (i.type === 'post' || i.type === 'page') && i.status === 'publish' && i.password === '');
}

/** Authors of the approved comments of an item (pingbacks excluded). */
export function commentAuthors(item: Item): string[] {
  return item.comments.filter((c) => c.approved === '1' && c.type !== 'pingback' && c.type !== 'trackback').map((c) => c.author.replace(/\s+/g, ' ').trim()).filter((a) => a !== '');
}

/** Visible text of built HTML, with the usual entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Reads a built page, or null. */
export function readBuilt(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Every published post and page of `archive` has a built page (found through `locate`, which
 * maps an item's place in the site — its file or permalink, from `byId` — to the built HTML
 * file) that carries its id and, when it has approved comments, shows each commenter's name.
 */
export function expectEveryPageBuilt(archive: Archive, byId: ReadonlyMap<number, string>, locate: (place: string) => string): void {
  const expected = publishedItems(archive);
  expect(expected.length).toBeGreaterThan(20);
  expect(expected.filter((i) => commentAuthors(i).length > 0).length).toBeGreaterThan(0);
  for (const item of expected) {
    const place = byId.get(item.id);
    expect(place, `item ${item.id} "${item.title}" has no file`).toBeDefined();
    const html = readBuilt(locate(place as string));
    expect(html, `no built page for ${place}`).not.toBeNull();
    expect(html).toContain(`data-wpid="${item.id}"`);
    const authors = commentAuthors(item);
    if (authors.length > 0) {
      const text = htmlText(html as string);
      expect(text).toContain('Comments');
      for (const author of authors) expect(text, `comment by ${author} on ${place}`).toContain(author);
    }
  }
}
