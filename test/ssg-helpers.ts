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
