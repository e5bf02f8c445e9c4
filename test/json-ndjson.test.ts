/** toNdjson / archiveEntries: one valid entry per line, produced while streaming. */
import { describe, expect, it } from 'vitest';
import { validateEntry } from './helpers/schema.js';
import { toJson } from '../src/emit/json.js';
import { archiveEntries, entryLine, toNdjson } from '../src/emit/ndjson.js';
import type { Archive, Item, WxrEntry } from '../src/model.js';


const item = (id: number, title: string): Item => ({
  id, type: 'post', status: 'publish', title, slug: `p${id}`, link: '', guid: '', author: 'admin', date: '2012-05-03T21:15:00+02:00',
  dateGmt: '2012-05-03T19:15:00Z', modified: null, modifiedGmt: null, content: 'Zeile 1\n\nZeile 2 \\o/', excerpt: '',
  parentId: null, menuOrder: 0, commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null,
  terms: [], meta: [{ key: 'k', value: 'a:1:{s:1:"x";s:2:"\u2028y";}' }],
  comments: [
    { id: 1, parentId: null, author: 'Jörg', authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: null, dateGmt: null, content: 'Hallo', approved: '1', type: 'comment', meta: [] },
    { id: 2, parentId: 1, author: 'Anna', authorEmail: '', authorUrl: '', authorIp: '', userId: 1, date: null, dateGmt: null, content: 'Danke', approved: '1', type: 'comment', meta: [] },
  ],
});
const archive: Archive = {
  site: { title: 'Blog', link: 'https://example.org', description: '', language: 'de-DE', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
  authors: [{ id: 1, login: 'admin', email: '', displayName: 'Anna', firstName: '', lastName: '' }],
  terms: [{ id: 3, taxonomy: 'category', slug: 'k', name: 'Kunden', parentSlug: null, description: '', meta: [] }],
  items: [item(10, 'Über uns'), item(11, 'Zweiter')],
  diagnostics: [{ severity: 'warning', code: 'W_X', message: 'm', line: 3 }],
};

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

describe('toNdjson', () => {
  it('writes site, authors, terms, items: one valid entry per line', async () => {
    const lines = await collect(toNdjson(archiveEntries(archive)));
    expect(lines.map((l) => (JSON.parse(l) as WxrEntry).kind)).toEqual(['site', 'author', 'term', 'item', 'item']);
    for (const l of lines) {
      expect(l.endsWith('\n')).toBe(true);
      expect(l.slice(0, -1)).not.toContain('\n');
      expect(validateEntry?.(JSON.parse(l)), JSON.stringify(validateEntry?.errors)).toBe(true);
    }
  });

  it('uses the key order of toJson', async () => {
    const lines = await collect(toNdjson(archiveEntries(archive)));
    const whole = JSON.parse(toJson(archive)) as { items: unknown[]; site: unknown };
    expect(lines[3]).toBe(`{"kind":"item","item":${JSON.stringify(whole.items[0])}}\n`);
    expect(lines[0]).toBe(`{"kind":"site","site":${JSON.stringify(whole.site)}}\n`);
    expect(entryLine({ kind: 'item', item: archive.items[1] as Item })).toBe(lines[4]);
  });

  it('accepts a sync iterable and an async iterable alike', async () => {
    async function* gen(): AsyncGenerator<WxrEntry> {
      yield* archiveEntries(archive);
    }
    expect(await collect(toNdjson(gen()))).toEqual(await collect(toNdjson([...archiveEntries(archive)])));
  });

  it('writes each line before the next entry is read (no buffering)', async () => {
    const pulled: number[] = [];
    async function* source(): AsyncGenerator<WxrEntry> {
      for (let i = 0; i < 3; i++) {
        pulled.push(i);
        yield { kind: 'item', item: item(i, `t${i}`) };
      }
    }
    const it = toNdjson(source())[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(pulled).toEqual([0]);
    await it.next();
    expect(pulled).toEqual([0, 1]);
  });

  it('threads item entries on request, with authors seen earlier in the stream', async () => {
    const lines = await collect(toNdjson(archiveEntries(archive), { threads: true }));
    const entry = JSON.parse(lines[3] ?? '') as { item: { threads: { comment: { id: number }; replies: { comment: { id: number } }[] }[] } };
    expect(entry.item.threads[0]?.comment.id).toBe(1);
    expect(entry.item.threads[0]?.replies[0]?.comment.id).toBe(2);
    expect(validateEntry?.(entry)).toBe(true);
  });

  it('reports threading findings through onDiagnostic', async () => {
    const orphan = item(12, 'Waise');
    orphan.comments = [{ ...(orphan.comments[1] as Item['comments'][number]), parentId: 99 }];
    const codes: string[] = [];
    await collect(toNdjson([{ kind: 'item', item: orphan }], { threads: true, onDiagnostic: (d) => codes.push(d.code) }));
    expect(codes).toHaveLength(1);
    await collect(toNdjson([{ kind: 'item', item: orphan }], { onDiagnostic: (d) => codes.push(d.code) }));
    expect(codes).toHaveLength(1);
  });

  it('writes nothing for no entries', async () => {
    expect(await collect(toNdjson([]))).toEqual([]);
  });
});
