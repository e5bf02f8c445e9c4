/**
 * Every page of ../shared/corpus-html yields the comments SOURCES.md states, with authors, dates and threads.
 * The table is read at test time, so a corpus update changes the expectations with it. Each page also goes
 * through toWxr -> parseWxr and keeps every comment and its thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toWxr } from '../src/emit/wxr.js';
import type { Archive, Comment } from '../src/model.js';
import { parseHtmlArchive } from '../src/text/html/index.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS_HTML, describeHtmlCorpus, hasHtmlCorpus } from './helpers/corpus.js';

interface Row { file: string; dir: string; count: number; threaded: string }

function readSources(): Row[] {
  if (!hasHtmlCorpus) return [];
  const md = readFileSync(join(CORPUS_HTML, 'SOURCES.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of md.split('\n')) {
    const m = /^\|\s*`([^`]+\.html)`[^|]*\|\s*[\d,]+\s*\|\s*[^|]*\|\s*(\d+)[^|]*\|\s*([^|]*)\|/.exec(line);
    if (!m?.[1] || m[1].endsWith('expected.html')) continue;
    rows.push({ file: m[1], dir: m[1].split('/')[0] ?? '', count: Number(m[2]), threaded: (m[3] ?? '').trim() });
  }
  return rows;
}

/**
 * SOURCES.md counts every element with a comment id. On this page five of them sit in the sidebar's
 * "Aktuelle Kommentare" widget and belong to other posts (`Zu: Das Framinggate der ARD`); the reader
 * leaves them out and says so (`comments-foreign-skipped`).
 */
const FOREIGN: Record<string, number> = { 'de-scilogs-spektrum': 5 };

function depthOf(c: Comment, byId: Map<number, Comment>): number {
  let d = 1;
  const seen = new Set<number>();
  for (let p = c.parentId; p !== null && byId.has(p) && !seen.has(p); p = byId.get(p)?.parentId ?? null) {
    seen.add(p);
    d++;
  }
  return d;
}

const rows = readSources();
const cache = new Map<string, Archive>();
const load = (file: string): Archive => {
  let a = cache.get(file);
  if (!a) {
    a = parseHtmlArchive(readFileSync(join(CORPUS_HTML, file), 'utf8'));
    cache.set(file, a);
  }
  return a;
};

describeHtmlCorpus('html corpus: every page yields its comments (SOURCES.md)', () => {
  it('reads the SOURCES table (22 pages)', () => {
    expect(rows.length).toBe(22);
  });

  describe.each(rows)('$dir', (row) => {
    it(`has ${row.count} comments (minus foreign ones), each with an author`, () => {
      const a = load(row.file);
      expect(a.items).toHaveLength(1);
      const comments = a.items[0]?.comments ?? [];
      const foreign = FOREIGN[row.dir] ?? 0;
      expect(comments.length).toBe(row.count - foreign);
      if (foreign > 0) expect(a.diagnostics.find((d) => d.code === 'comments-foreign-skipped')?.message).toMatch(new RegExp(`^${foreign} comment id`));
      expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
      for (const c of comments) expect(c.author, `author of ${c.id}`).not.toBe('');
      const pings = /(\d+) (?:ping|pingbacks)/.exec(row.threaded + row.file)?.[1];
      if (pings) expect(comments.filter((c) => c.type !== 'comment').length).toBe(Number(pings));
    });

    it('dates every comment (relative dates only with a reference instant)', () => {
      const comments = load(row.file).items[0]?.comments ?? [];
      const relative = row.dir.includes('relative');
      for (const c of comments) {
        if (c.type !== 'comment') continue;
        if (relative) expect(c.date).toBeNull();
        else expect(c.date, `date of ${c.id} (${c.extra?.['dateRaw']?.[0]})`).toMatch(/^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d))?$/);
      }
    });

    it(`threads as stated: ${row.threaded}`, () => {
      const comments = load(row.file).items[0]?.comments ?? [];
      const byId = new Map(comments.map((c) => [c.id, c]));
      const withParent = comments.filter((c) => c.parentId !== null);
      if (row.threaded.startsWith('no')) {
        // A flat page: parents can only come from `@Name` replies (threadComments' mention inference).
        for (const c of withParent) expect(c.extra?.['parentVia']).toEqual(['mention']);
        return;
      }
      expect(withParent.length).toBeGreaterThan(0);
      const depth = /depth (\d)/.exec(row.threaded)?.[1];
      if (depth) expect(Math.max(...comments.map((c) => depthOf(c, byId)))).toBe(Number(depth));
      const replies = /(\d+) replies/.exec(row.threaded)?.[1];
      if (replies) expect(withParent).toHaveLength(Number(replies));
      for (const c of withParent) expect(c.extra?.['parentVia']?.[0]).toMatch(/^(?:dom|plugin-id|sibling-children|depth|mention)$/);
    });

    it('survives toWxr -> parseWxr with every comment and its thread', () => {
      const archive = load(row.file);
      const back = parseWxr(toWxr(archive));
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(back.items).toHaveLength(1);
      expect(back.items[0]?.title).toBe(archive.items[0]?.title);
      const shape = (cs: Comment[]) => cs.map((c) => ({ id: c.id, parentId: c.parentId, author: c.author, type: c.type })).sort((a, b) => a.id - b.id);
      expect(shape(back.items[0]?.comments ?? [])).toEqual(shape(archive.items[0]?.comments ?? []));
    });
  });
});

if (!hasHtmlCorpus) describe.skip('html corpus', () => it('needs ../shared/corpus-html', () => undefined));
